// Template tags (tags.h): Hexo, Jekyll/Liquid, Hugo and mdBook tags in Markdown, strings in and strings out.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "render/markdown.h"
#include "../../strings.h"
#include "dialects/tags/tag_render.h"
#include "dialects/tags/tags.h"

using namespace mkepub;

namespace {

// Posts `hello` and `other` exist; the files in `files` can be included.
TagContext context(std::map<std::string, std::string> files = {}, int first_line = 1) {
  TagContext ctx;
  ctx.display = "post.md";
  ctx.first_line = first_line;
  ctx.post_href = [](const std::string& slug) -> std::optional<std::string> {
    if (slug == "hello" || slug == "other") return slug + ".md";
    return std::nullopt;
  };
  ctx.site_variables = {{"title", "My Blog"}, {"author.name", "Ann"}, {"color", "red"}};
  ctx.read_include = [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return ctx;
}

struct Expanded {
  std::string text;
  Strings warnings;  // formatted, with the kind in brackets
};

Expanded expand(const std::string& markdown, const TagContext& ctx = context()) {
  Diagnostics diag;
  Expanded e{expand_tags(markdown, ctx, diag), {}};
  for (const auto& w : diag.warnings()) e.warnings.push_back(w.format("warning") + " [" + w.kind + "]");
  return e;
}

size_t lines(const std::string& s) { return size_t(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("tags: text without tags comes out unchanged") {
  const std::string md = "# Title\n\nSome *text* with {braces} and 100% {{ nothing\n\n- a list\n";
  auto e = expand(md);
  CHECK(e.text == md);
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: Hexo asset_img, asset_path (also in raw HTML) and asset_link") {
  auto e = expand(
      "{% asset_img generate-console.png %}\n"
      "{% asset_img left diagram.png \"The diagram\" %}\n"
      "<img src=\"{% asset_path 01.png %}\"> and {% asset_link report.pdf \"The report\" %} {% asset_link a.zip %}\n");
  CHECK(e.text ==
        "![](generate-console.png)\n"
        "![The diagram](diagram.png)\n"
        "<img src=\"01.png\"> and [The report](report.pdf) [a.zip](a.zip)\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: Hexo post_link and post_path resolve through the context, or stay text with a warning") {
  auto e = expand(
      "See {% post_link hello %}, {% post_link other 'The other one' %} and {% post_link gone \"Gone post\" %}.\n"
      "[Raw]({% post_path hello %}) {% post_link hello '<b>bold</b>' false %} {% post_link hello 'a <b>' %}\n");
  CHECK(e.text ==
        "See [hello](hello.md), [The other one](other.md) and Gone post.\n"
        "[Raw](hello.md) [<b>bold</b>](hello.md) [a \\<b\\>](hello.md)\n");
  CHECK(e.warnings == Strings{"post.md:1: warning: post_link `gone`: no such post, kept its text [missing post]"});
}

TEST_CASE("tags: Hexo img and link") {
  auto e = expand(
      "{% img left /images/a.png 100 200 '\"Title text\" \"Alt text\"' %}\n"
      "{% img /images/b.png Just a title %}\n"
      "{% link Hexo site https://hexo.io true Hexo's site %} {% link https://example.com/a(b) %}\n");
  CHECK(e.text ==
        "![Alt text](/images/a.png \"Title text\")\n"
        "![Just a title](/images/b.png)\n"
        "[Hexo site](https://hexo.io \"Hexo's site\") [https://example.com/a(b)](<https://example.com/a(b)>)\n");
}

TEST_CASE("tags: Hexo blockquote becomes an HTML blockquote around Markdown, with author and source in a footer") {
  auto e = expand(
      "{% blockquote David Levithan, Wide Awake %}\nDo not *just* seek.\n{% endblockquote %}\n"
      "{% blockquote Seth Godin http://example.com/post Island Marketing %}\nQuote.\n{% endblockquote %}\n"
      "{% blockquote %}\nPlain.\n{% endblockquote %}\n");
  CHECK(e.text ==
        "<!----><blockquote>\nDo not *just* seek.\n"
        "<!----><footer><strong>David Levithan</strong>, <cite>Wide Awake</cite></footer></blockquote>\n"
        "<!----><blockquote>\nQuote.\n"
        "<!----><footer><strong>Seth Godin</strong>, <cite><a href=\"http://example.com/post\">Island "
        "Marketing</a></cite></footer></blockquote>\n"
        "<!----><blockquote>\nPlain.\n<!----></blockquote>\n");
}

TEST_CASE("tags: block HTML keeps its Markdown body Markdown, and every line its number") {
  const std::string md = "Intro\n{% note info Read this %}\nSome **bold** text.\n{% endnote %}\nAfter *it*.\n";
  auto e = expand(md);
  CHECK(e.text ==
        "Intro\n<!----><div class=\"note info\"><p><strong>Read this</strong></p>\n"
        "Some **bold** text.\n<!----></div>\nAfter *it*.\n");
  CHECK(lines(e.text) == lines(md));
  std::string html = render_markdown(e.text).html;
  CHECK(html.find("<p data-sourcepos=\"3:1-3:19\">Some <strong>bold</strong> text.</p>") != std::string::npos);
  CHECK(html.find("<p data-sourcepos=\"5:1-5:11\">After <em>it</em>.</p>") != std::string::npos);
}

TEST_CASE("tags: Hexo note, with and without class and title") {
  auto e = expand(
      "{% note %}\nA.\n{% endnote %}\n"
      "{% note warn \"Warning!\" %}\nB.\n{% endnote %}\n"
      "{% note info no-icon %}\nC.\n{% endnote %}\n");
  CHECK(e.text ==
        "<!----><div class=\"note\">\nA.\n<!----></div>\n"
        "<!----><div class=\"note warn\"><p><strong>Warning!</strong></p>\nB.\n<!----></div>\n"
        "<!----><div class=\"note info no-icon\">\nC.\n<!----></div>\n");
}

TEST_CASE("tags: Hexo codeblock and code become fenced code with the language, the body literal") {
  auto e = expand(
      "{% codeblock lang:js mark:2 %}\nconst a = `x`; // {% post_link hello %}\n{% endcodeblock %}\n"
      "\n"
      "{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}\n_.compact([0, 1])\n"
      "{% endcodeblock %}\n"
      "1. Install.\n\n    {% code %}\n    $ npm install\n    {% endcode %}\n"
      "One line: {% code %}a < b{% endcode %}.\n");
  CHECK(e.text ==
        "```js mark:2\nconst a = `x`; // {% post_link hello %}\n```\n"
        "<!----><p class=\"code-caption\"><span>_.compact</span> <a "
        "href=\"http://underscorejs.org/#compact\">Underscore.js</a></p>\n"
        "```\n_.compact([0, 1])\n```\n"
        "1. Install.\n\n    ```\n    $ npm install\n    ```\n"
        "One line: `a < b`.\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: line options of Hexo codeblock, Jekyll highlight and Hugo highlight go on in the fence") {
  auto e = expand(
      "{% codeblock Title lang:js line_number:true first_line:5 mark:5,7-8 %}\nx\n{% endcodeblock %}\n"
      "{% codeblock line_number:false %}\nx\n{% endcodeblock %}\n"
      "{% highlight ruby %}\nx\n{% endhighlight %}\n"
      "{% highlight ruby linenos mark_lines=\"1 2\" %}\nx\n{% endhighlight %}\n"
      "{{< highlight go \"linenos=table,hl_lines=8 15-17,linenostart=199\" >}}\nx\n{{< /highlight >}}\n");
  CHECK(e.text ==
        "<!----><p class=\"code-caption\"><span>Title</span></p>\n"
        "```js line_number:true first_line:5 mark:5,7-8\nx\n```\n"
        "```text line_number:false\nx\n```\n"
        "```ruby {linenos=false}\nx\n```\n"  // Rouge numbers a tag's lines only when it says so
        "```ruby {linenos=true hl_lines=\"1 2\"}\nx\n```\n"
        "```go {linenos=table,hl_lines=8 15-17,linenostart=199}\nx\n```\n");
}

TEST_CASE("tags: a code body holding backtick fences gets a longer fence") {
  auto e = expand("{% codeblock %}\n```js\nx\n```\n{% endcodeblock %}\n");
  CHECK(e.text == "````\n```js\nx\n```\n````\n");
}

TEST_CASE("tags: raw and endraw keep their content as it stands, in prose and in code spans") {
  auto e = expand(
      "{% raw %}\nHello {{ world }} {% post_link hello %}\n{% endraw %}\n"
      "For instance: `{% raw %}{% post_link hello %}{% endraw %}`.\n");
  CHECK(e.text ==
        "\nHello {{ world }} {% post_link hello %}\n\n"
        "For instance: `{% post_link hello %}`.\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: youtube and vimeo become links to the video") {
  auto e = expand("{% youtube lJIrF4YjHfQ %}\n{% youtube PL9hW 'playlist' false %}\n{% vimeo 82090131 %}\n");
  CHECK(e.text ==
        "[YouTube video](https://www.youtube.com/watch?v=lJIrF4YjHfQ)\n"
        "[YouTube playlist](https://www.youtube.com/playlist?list=PL9hW)\n"
        "[Vimeo video](https://vimeo.com/82090131)\n");
}

TEST_CASE("tags: tabs become a div with each tab's name in bold before its content") {
  auto e = expand(
      "{% tabs Fruit, 1 %}\n<!-- tab Apple @apple -->\nRed.\n<!-- endtab -->\n"
      "<!-- tab -->\nYellow.\n<!-- endtab -->\n{% endtabs %}\n");
  CHECK(e.text ==
        "<!----><div class=\"tabs\" id=\"fruit\">\n<!----><p id=\"fruit-1\"><strong>Apple</strong></p>\nRed.\n\n"
        "<!----><p id=\"fruit-2\"><strong>Fruit 2</strong></p>\nYellow.\n\n<!----></div>\n");
}

TEST_CASE("tags: hideToggle, btn and label") {
  auto e = expand(
      "{% hideToggle Show more,bg,color %}\nHidden **text**.\n{% endhideToggle %}\n"
      "{% btn https://example.com, Click me, fa fa-x %} {% label Hot red %} {% label primary@Default %}\n");
  CHECK(e.text ==
        "<!----><details><summary>Show more</summary>\nHidden **text**.\n<!----></details>\n"
        "[Click me](https://example.com) <mark>Hot</mark> <mark>Default</mark>\n");
}

TEST_CASE("tags: gallery keeps its images, timeline becomes a list") {
  auto e = expand(
      "{% gallery %}\n![](a.jpg)\n![](b.jpg)\n{% endgallery %}\n"
      "{% timeline 2022,blue %}\n<!-- timeline 01-02 -->\nFirst\n<!-- endtimeline -->\n{% endtimeline %}\n");
  CHECK(e.text ==
        "<!----><div class=\"gallery\">\n![](a.jpg)\n![](b.jpg)\n<!----></div>\n"
        "<!----><div class=\"timeline\"><p><strong>2022</strong></p><ul>\n"
        "<!----><li><p><strong>01-02</strong></p>\nFirst\n<!----></li>\n<!----></ul></div>\n");
}

TEST_CASE("tags: mermaid, katex and mathjax become code") {
  auto e = expand(
      "{% mermaid %}\ngraph TD;\n  A-->B;\n{% endmermaid %}\n"
      "Inline {% katex %}x^2{% endkatex %} math.\n{% mathjax %}\n\\frac{1}{2}\n{% endmathjax %}\n");
  CHECK(e.text ==
        "```mermaid\ngraph TD;\n  A-->B;\n```\n"
        "Inline `x^2` math.\n```math\n\\frac{1}{2}\n```\n");
}

TEST_CASE("tags: quoted arguments are one argument") {
  CHECK(tags::split_args("a \"b c\" 'd e' f\"g h\"") == Strings{"a", "b c", "d e", "f\"g", "h\""});
  CHECK(tags::split_args("'\"title text\" \"alt text\"'") == Strings{"\"title text\" \"alt text\""});
  CHECK(tags::split_args("\"unclosed quote") == Strings{"\"unclosed", "quote"});
  auto args = tags::parse_shortcode_args("go \"linenos=inline, hl=3\" src=`a b` alt=\"An \\\"x\\\"\" n=2");
  CHECK(args.positional == Strings{"go", "linenos=inline, hl=3"});
  CHECK(args.get("src") == "a b");
  CHECK(args.get("alt") == "An \"x\"");
  CHECK(args.get("n") == "2");
}

TEST_CASE("tags: <!-- more --> is removed, other comments are left as they are") {
  auto e = expand("Excerpt.\n<!-- more -->\nRest <!--more--> here. <!-- {% foo %} -->\n");
  CHECK(e.text == "Excerpt.\n\nRest  here. <!-- {% foo %} -->\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: nothing inside fenced code is expanded") {
  const std::string md =
      "```\n{% post_link hello %}\n```\n"
      "~~~ markdown {.x}\n{% note %}\n~~~\n"
      "   ````js\n{{< figure src=\"a.png\" >}}\n```\n{{ site.title }}\n   ````\n"
      "- item\n\n  ```\n  {% youtube x %}\n  ```\n";
  auto e = expand(md);
  CHECK(e.text == md);
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: nothing inside code spans or indented code is expanded") {
  const std::string md =
      "Use `{% post_link hello %}` or ``{% note `x` %}`` here; ` {{ site.title }} `.\n"
      "A `span\nover two lines {% youtube x %}` ends.\n"
      "\n"
      "    {% post_link hello %}\n"
      "\n"
      "    {{ site.title }}\n";
  auto e = expand(md);
  CHECK(e.text == md);
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: an unmatched backtick is text, and the tag after it is expanded") {
  auto e = expand("It costs 5` and {% post_link hello %}.\n\n`{% post_link hello %}\n");
  CHECK(e.text == "It costs 5` and [hello](hello.md).\n\n`[hello](hello.md)\n");
}

TEST_CASE("tags: an unknown tag keeps its text, with one warning per name at the post's line") {
  auto e = expand("Text\n\n{% pullquote2 x %}\nInner *text*.\n{% endpullquote2 %}\n{% pullquote2 y %}\n{% other %}\n",
                  context({}, 5));
  CHECK(e.text == "Text\n\n\nInner *text*.\n\n\n\n");
  CHECK(e.warnings == Strings{
                          "post.md:7: warning: unknown Hexo tag `pullquote2`: kept its text [unknown tag]",
                          "post.md:11: warning: unknown Hexo tag `other`: kept its text [unknown tag]",
                      });
}

TEST_CASE("tags: Jekyll site variables, include and highlight") {
  auto ctx = context({{"footer.md", "By {{ site.author.name }}.\n{% include footer.md %}\n"},
                      {"note.html", "<div>{{ site.title }}</div>\n"}});
  auto e = expand(
      "# {{ site.title }} {{site.color | upcase}} {{ site.missing }}\n"
      "{% include note.html %}\n"
      "{% include nothere.md %}\n"
      "{% highlight ruby linenos %}\nputs {{ 1 }}\n{% endhighlight %}\n",
      ctx);
  CHECK(e.text ==
        "# My Blog red \n"
        "<div>My Blog</div>\n"
        "\n"
        "```ruby {linenos=true}\nputs {{ 1 }}\n```\n");
  CHECK(e.warnings == Strings{
                          "post.md:1: warning: unknown site variable `site.missing`: left empty [unknown variable]",
                          "post.md:3: warning: include `nothere.md` not found: left out [missing include]",
                      });
}

TEST_CASE("tags: an include that includes itself stops after 8 levels") {
  auto e = expand("{% include self.md %}\n", context({{"self.md", "x {% include self.md %}\n"}}));
  CHECK(e.text == "x x x x x x x x \n");
  CHECK(e.warnings ==
        Strings{"post.md:1: warning: include `self.md` nested more than 8 deep: left out [missing include]"});
}

TEST_CASE("tags: other Liquid expressions keep their inner text, with one warning") {
  auto e = expand("Hi {{ page.title }} and {{ page.date }}.\n");
  CHECK(e.text == "Hi page.title and page.date.\n");
  CHECK(e.warnings ==
        Strings{"post.md:1: warning: Liquid expression `{{ page.title }}`: kept its text [unknown tag]"});
}

TEST_CASE("tags: Hugo figure and img become images, a shortcode over several lines keeps its lines") {
  const std::string md =
      "{{< figure src=\"elephant.jpg\" alt=\"An elephant\" >}}\n"
      "{{< figure src=\"zoo.jpg\" caption=\"At the zoo\" link=\"https://zoo.example\" >}}\n"
      "{{< img\n  src=\"zion.jpg\"\n  alt=\"Zion\"\n>}}\n"
      "After.\n";
  auto e = expand(md);
  CHECK(e.text ==
        "![An elephant](elephant.jpg)\n"
        "[![At the zoo](zoo.jpg)](https://zoo.example)\n"
        "![Zion](zion.jpg)\n\n\n\n"
        "After.\n");
  CHECK(lines(e.text) == lines(md));
}

TEST_CASE("tags: Hugo ref and relref give the target path, highlight gives code") {
  auto e = expand(
      "[A]({{< ref \"posts/a.md\" >}}) [B]({{% relref path=\"/b\" lang=\"de\" %}})\n"
      "{{< highlight go \"linenos=inline\" >}}\nfmt.Println(1)\n{{< /highlight >}}\n"
      "Inline {{< highlight go \"hl_inline=true\" >}}x := 1{{< /highlight >}}.\n"
      "{{< code-toggle file=hugo >}}\nbaseURL = 'https://example.org/'\n{{< /code-toggle >}}\n");
  CHECK(e.text ==
        "[A](posts/a.md) [B](/b)\n"
        "```go {linenos=inline}\nfmt.Println(1)\n```\n"
        "Inline `x := 1`.\n"
        "```toml\nbaseURL = 'https://example.org/'\n```\n");
}

TEST_CASE("tags: Hugo admonitions and details become HTML blocks around Markdown") {
  auto e = expand(
      "{{% note %}}\nBe **careful**.\n{{% /note %}}\n"
      "{{< notice warning \"Heads up\" >}}\nBody.\n{{< /notice >}}\n"
      "{{< details summary=\"More\" >}}\nHidden.\n{{< /details >}}\n");
  CHECK(e.text ==
        "<!----><div class=\"note\">\nBe **careful**.\n<!----></div>\n"
        "<!----><div class=\"note warning\"><p><strong>Heads up</strong></p>\nBody.\n<!----></div>\n"
        "<!----><details><summary>More</summary>\nHidden.\n<!----></details>\n");
}

TEST_CASE("tags: unknown Hugo shortcodes keep their inner content, one warning per name") {
  auto e = expand("{{< chart type=\"x\" >}}inner{{< /chart >}} {{< chart />}} {{% eturl rss %}}\n");
  CHECK(e.text == "inner  \n");
  CHECK(e.warnings == Strings{
                          "post.md:1: warning: unknown Hugo shortcode `chart`: kept its text [unknown tag]",
                          "post.md:1: warning: unknown Hugo shortcode `eturl`: kept its text [unknown tag]",
                      });
}

TEST_CASE("tags: Hugo's qr shortcode shows its text, a link when it is a URL, and param reads site params") {
  auto e = expand("{{< qr text=\"https://gohugo.io\" />}} {{< qr text=\"Hi\" />}} {{< qr >}}Body{{< /qr >}}\n");
  CHECK(e.text == "[https://gohugo.io](https://gohugo.io) Hi Body\n");
  CHECK(e.warnings.empty());
  auto ctx = context();
  ctx.site_variables = {{"params.description", "About"}};  // Hugo's config, read with its keys in lower case
  CHECK(expand("{{< param \"Description\" >}}\n", ctx).text == "About\n");
}

TEST_CASE("tags: Hugo's escaped shortcodes show as shortcodes, in code too") {
  auto e = expand("Write {{</* name */>}} or `{{%/* name */%}}`.\n```\n{{</* highlight go */>}}\n```\n");
  CHECK(e.text == "Write {{< name >}} or `{{% name %}}`.\n```\n{{< highlight go >}}\n```\n");
}

TEST_CASE("tags: mdBook includes in code take the anchor's lines or a line range") {
  auto ctx = context({{"src/main.rs", "use std::io;\n// ANCHOR: here\nfn main() {\n    // ANCHOR: inner\n"
                                      "    run();\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: here\n"},
                      {"out.txt", "one\ntwo\nthree\nfour\n"}});
  auto e = expand(
      "```rust\n{{#rustdoc_include src/main.rs:here}}\n```\n"
      "```text\n{{#include out.txt:2:3}}\n{{#include out.txt:4}}\n{{#include out.txt::1}}\n```\n"
      "1. Step\n\n   ```rust\n   {{#include src/main.rs:inner}}\n   ```\n"
      "```\n\\{{#include out.txt}}\n```\n",
      ctx);
  CHECK(e.text ==
        "```rust\nfn main() {\n    run();\n}\n```\n"
        "```text\ntwo\nthree\nfour\none\n```\n"
        "1. Step\n\n   ```rust\n       run();\n   ```\n"
        "```\n{{#include out.txt}}\n```\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("tags: missing mdBook listings leave a placeholder line and one warning per post") {
  auto e = expand("Text.\n\n```rust\n{{#rustdoc_include ../listings/a/src/main.rs:here}}\n```\n"
                  "```\n{{#include ../listings/b/output.txt}}\n```\n",
                  context({}, 3));
  CHECK(e.text ==
        "Text.\n\n```rust\n// (listing ../listings/a/src/main.rs not included)\n```\n"
        "```\n// (listing ../listings/b/output.txt not included)\n```\n");
  CHECK(e.warnings == Strings{"post.md:6: warning: listing `../listings/a/src/main.rs` not found (and 1 more): "
                              "left a placeholder [missing include]"});
}

TEST_CASE("tags: mdBook includes in prose are expanded Markdown") {
  auto e = expand("{{#include part.md}}\n{{#title Ignored}}\n",
                  context({{"part.md", "---\ntitle: x\n---\nPart with {% post_link hello %}.\n"}}));
  CHECK(e.text == "Part with [hello](hello.md).\n\n");
}

TEST_CASE("tags: unclosed tags do not swallow or crash") {
  SUBCASE("an unclosed {% is text") {
    auto e = expand("A {% note\n\nB {% post_link hello %}\n");
    CHECK(e.text == "A {% note\n\nB [hello](hello.md)\n");
    CHECK(e.warnings == Strings{"post.md:1: warning: `{%` without `%}`: kept as text [unclosed tag]"});
  }
  SUBCASE("a note without endnote takes the rest of the post") {
    auto e = expand("{% note info %}\nBody.\n\nMore.");
    CHECK(e.text == "<!----><div class=\"note info\">\nBody.\n\nMore.\n<!----></div>\n");
    CHECK(e.warnings == Strings{"post.md:1: warning: `{% note %}` without `{% endnote %}`: the rest of the post "
                                "is its body [unclosed tag]"});
  }
  SUBCASE("an endnote without note is dropped") {
    auto e = expand("Text.\n{% endnote %}\n");
    CHECK(e.text == "Text.\n\n");
    CHECK(e.warnings ==
          Strings{"post.md:2: warning: `{% endnote %}` without its opening tag: dropped [unclosed tag]"});
  }
  SUBCASE("a raw without endraw keeps the rest as it stands") {
    auto e = expand("{% raw %}\n{{ x }} {% note %}\n");
    CHECK(e.text == "\n{{ x }} {% note %}\n");
    CHECK(e.warnings == Strings{"post.md:1: warning: `{% raw %}` without `{% endraw %}`: the rest of the post is "
                                "its body [unclosed tag]"});
  }
  SUBCASE("nested blocks close in order; an inner one left open is closed with its parent") {
    auto e = expand("{% note %}\n{% tabs %}\nx\n{% endnote %}\n");
    CHECK(e.text == "<!----><div class=\"note\">\n<!----><div class=\"tabs\">\nx\n<!----></div></div>\n");
    CHECK(e.warnings == Strings{"post.md:2: warning: `{% tabs %}` without `{% endtabs %}`: closed with "
                                "`{% endnote %}` [unclosed tag]"});
  }
}

TEST_CASE("tags: a 1 MB post of tags, code spans and unclosed openers finishes") {
  std::string md;
  while (md.size() < (1u << 20))
    md += "{% note %} ` `` {% {{< x {{ a }} <!-- {% post_link hello %} {% raw %}\n{% foo %}``` {{#include a}}\n";
  auto e = expand(md);
  CHECK(e.text.size() > 0);
  std::string line(1 << 20, 'x');
  for (size_t i = 0; i < line.size(); i += 64) line.replace(i, 8, "`{%{{<x ");
  CHECK(expand(line).text.size() > 0);
}

TEST_CASE("tags: Hugo admonition titles and details summaries are inline Markdown, as themes markdownify them") {
  CHECK(tags::markdownify("**Copyright** 2022.") == "<strong>Copyright</strong> 2022.");
  CHECK(tags::markdownify("[FixIt](https://github.com/hugo-fixit/FixIt)") ==
        "<a href=\"https://github.com/hugo-fixit/FixIt\">FixIt</a>");
  CHECK(tags::markdownify("Plain & simple") == "Plain &amp; simple");
  CHECK(tags::markdownify("a <script>x</script>").find("<script>") == std::string::npos);
  CHECK(tags::markdownify("# not\n\ntwo paragraphs") == "# not\n\ntwo paragraphs");
}

TEST_CASE("tags: FixIt's timeline shortcode is a list of its events, its echarts data shown as code") {
  auto e = expand(
      "{{< timeline >}}\nevents:\n  - timestamp: 2021-12-18\n    content: \"Feat: **bold** [x](https://x.org)\"\n"
      "  - timestamp: 2024-01-01\n    content: Release\n{{< /timeline >}}\nafter\n");
  CHECK(e.text ==
        "<div class=\"timeline\"><ul><li><p><strong>2021-12-18</strong></p><p>Feat: <strong>bold</strong> "
        "<a href=\"https://x.org\">x</a></p></li><li><p><strong>2024-01-01</strong></p><p>Release</p></li></ul></div>"
        "\n\n\n\n\n\n\nafter\n");
  CHECK(e.warnings.empty());
  // Not a list of events: its text, as code.
  auto other = expand("{{< timeline >}}\njust: text\n{{< /timeline >}}\n");
  CHECK(other.text.find("```yaml") != std::string::npos);
  auto chart = expand("{{< echarts >}}\n{\"title\": {\"text\": \"Sales\"}}\n{{< /echarts >}}\n");
  CHECK(chart.text.find("```json") != std::string::npos);
  REQUIRE(chart.warnings.size() == 1);
  CHECK(chart.warnings[0].find("echarts") != std::string::npos);
}
