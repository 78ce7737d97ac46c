// The leak check itself: each kind of leaked syntax is found in text, and nothing is found in code or in prose
// that merely looks alike.
#include <doctest/doctest.h>

#include <fstream>

#include "leaks.h"
#include "support.h"

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
           {"<p>---\ntitle: Hello\n---</p>", "front matter"},
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
           {"<p><a class=\"remote-image\" href=\"https://img.example.com/a/b.PNG?x=1\">A photo</a></p>",
            "remote image not fetched"},
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
           // A `#` shell comment inside a styled span of a terminal transcript.
           "<p>$ run<br/><span class=\"c\"># Output (1.14)</span></p>",
           // A dash for "none" in a table, a definition written `name : text`, `__` inside words.
           "<table><tr><td>---</td><td>Reserved</td></tr></table>",
           "<p>layout : The default layout algorithm. weight : (number)</p>",
           "<p>blocks (custom-post__toc, custom-post__content, custom-post__footer)</p>",
           // POSIX bracket expressions in prose about regular expressions.
           "<p>Classes such as [[:alpha:]] and [[:digit:]] match letters and digits.</p>",
           // A closing `**` after a space closes nothing, in CommonMark nor in marked, kramdown or Goldmark.
           "<p><strong>Keys</strong> **User hits 'W' **(Draw your wireframe)</p>",
           // `[!NOTE]` mid-paragraph: no renderer reads a callout there.
           "<p>Gets the contents of the clipboard.\n[!NOTE] &gt; On Linux, this cmdlet needs xclip.</p>",
           // A link the author wrote to a picture, its thumbnail missing: what they wrote.
           "<p><a href=\"https://example.com/assets/80.jpg\">An iPod</a></p>",
       }) {
    auto counts = leaks_in_page(page(body));
    INFO(body, " -> ", format_leaks(counts));
    CHECK(total(counts) == 0);
  }
}

TEST_CASE("leaks: syntax the author escaped in the sources is what they asked for, counted apart") {
  TempDir dir;
  std::ofstream(dir / "post.md") << "- **buffer**: clean up usage of \\_\\_proto\\_\\_ (Trevor)\n"
                                    "- wrap TOC in a \\<details> tag\n"
                                    "- a real leak: __kept__ here\n";
  SiteText site(dir.path);
  LeakCounts escaped;
  LeakDetail detail{nullptr, &site, &escaped};
  auto counts = leaks_in_page(page("<p>: clean up usage of __proto__ (Trevor)</p><p>wrap TOC in a &lt;details&gt; tag</p>"
                                   "<p>a real leak: __kept__ here</p>"),
                              detail);
  CHECK(format_leaks(counts) == "Markdown emphasis 1");
  CHECK(format_leaks(escaped) == "Markdown emphasis 1, raw HTML as text 1");
}

TEST_CASE("leaks: Markdown written inside a raw HTML block is shown as text by the site too, counted apart") {
  TempDir dir;
  std::ofstream(dir / "post.md") << "Text.\n\n<font size=\"0.7\">\n [1] Cover: on [Wikimedia](https://w.org/a.svg)\n"
                                    "</font>\n\nA real leak: [here](https://x.org/b) too.\n";
  SiteText site(dir.path);
  LeakCounts escaped, in_raw_html;
  LeakDetail detail{nullptr, &site, &escaped, &in_raw_html};
  auto counts = leaks_in_page(page("<p>Text.</p>\n<font size=\"0.7\">\n [1] Cover: on [Wikimedia](https://w.org/a.svg)\n"
                                   "</font><p>A real leak: [here](https://x.org/b) too.</p>"),
                              detail);
  CHECK(format_leaks(counts) == "Markdown link 1");
  CHECK(format_leaks(in_raw_html) == "Markdown link 1");
  CHECK(escaped.empty());
}
