// The leak check itself: each kind of leaked syntax is found in text, and nothing is found in code or in prose
// that merely looks alike.
#include <doctest/doctest.h>

#include "leaks.h"

using namespace mkepub::test;

namespace {

std::string page(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title>"
         "</head><body>" + body + "</body></html>";
}

}  // namespace

TEST_CASE("leaks: each kind of source syntax shown as text is counted, once per text node") {
  struct Case {
    const char* body;
    const char* kind;
  };
  for (const Case& c : std::vector<Case>{
           {"<p>{% note info %} Hello {% endnote %}</p>", "template tag"},
           {"<p>{{&lt; figure src=\"a.png\" &gt;}}</p>", "template tag"},
           {"<p>{{ site.title }}</p>", "template tag"},
           {"<p>+++</p>", "front matter"},
           {"<p>+++\ntitle = \"Hello\"\n+++</p>", "front matter"},
           {"<p>title = \"Hello\" date = 2020-01-01</p>", "front matter"},
           {"<p>[docs]('/docs/x/' | relative_url)</p>", "Liquid filter"},
           {"<p>{: .note}</p>", "attribute list"},
           {"<p>:::tip Title</p>", "admonition fence"},
           {"<p>See [[Some Page|alias]].</p>", "wikilink"},
           {"<p>[[Prototype pollution]]</p>", "wikilink"},
           {"<blockquote><p>[!note] Title</p></blockquote>", "callout"},
           {"<blockquote><p>[!faq]- Why?</p></blockquote>", "callout"},
           {"<p>**注意：**这是</p>", "Markdown emphasis"},
           {"<p>a [link](http://x.org) here</p>", "Markdown link"},
           {"<p>## Heading</p>", "Markdown heading"},
           {"<p><strong>'fas fa-rocket'</strong></p>", "icon class"},
           {"<p>&lt;div class=\"x\"&gt;</p>", "raw HTML as text"},
           {"<p><a href=\"https://img.example.com/a/b.PNG?x=1\">https://img.example.com/a/b.PNG</a></p>",
            "image URL as link"},
       }) {
    auto counts = leaks_in_page(page(c.body));
    INFO(c.body, " -> ", format_leaks(counts));
    CHECK(counts[c.kind] == 1);
  }
}

TEST_CASE("leaks: code, and prose that only looks alike, are not leaks") {
  for (const char* body : {
           "<pre><code>{% raw %}{{ site.title }}{% endraw %}\n---\ntitle: x\n[[a]] **b**</code></pre>",
           "<p>Use <code>{{#include file}}</code> and <code>:::tip</code> and <kbd>**</kbd>.</p>",
           "<p>The price is 5 * 3 * 2 and a_b_c, snake_case_name, 2 ** 10.</p>",
           "<p>Title: a talk about things</p>",
           "<p>The fa-rocket class, and fas fast words.</p>",
           "<p>Costs {under review} and [brackets] and (parens).</p>",
           "<p><a href=\"https://example.com/page.html\">a page</a> <img src=\"../images/i0001.png\" alt=\"x\"/></p>",
           "<p>&lt; 3 and a &gt; b</p>",
           "<p><a href=\"https://x.org/full.jpg\"><img src=\"../images/i0002.jpg\" alt=\"thumb\"/></a></p>",
           // Written like wikilinks: C++ attributes, ECMAScript's internal slots, TOML's array-of-tables headers.
           "<p>src: replace NO_RETURN with [[noreturn]] and add [[maybe_unused]]</p>",
           "<p>lib: make the global console [[Prototype]] an empty object, test [[DefineOwnProperty]]</p>",
           "<p>[yAxis]\ntype = \"value\"\n[[series]]\nname = \"Email\"</p>",
       }) {
    auto counts = leaks_in_page(page(body));
    INFO(body, " -> ", format_leaks(counts));
    CHECK(total(counts) == 0);
  }
}
