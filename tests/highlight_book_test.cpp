// Highlighted code in built books (render/highlight.h, epub/highlight_css.h): fences, Hexo/Jekyll tags and Hugo's
// shortcode give spans, mdBook's hidden lines stay hidden, the token styles come with them, the books are valid.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

std::string entry(const fs::path& epub, const std::string& prefix) {
  std::string all;
  for (auto& e : unzip_entries(slurp(epub)))
    if (e.path.rfind(prefix, 0) == 0) all += e.bytes;
  return all;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void build(const fs::path& input, const fs::path& epub, const std::string& flags = "") {
  auto r = run_mkepub(quote(input.string()) + " -o " + quote(epub.string()) + flags);
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(epub);
}

}  // namespace

TEST_CASE("highlight: fences and Hexo tags naming a language are highlighted, the theme's rules come with them") {
  TempDir tmp;
  // Hexo numbers lines by default: off here, where the tokens are the point (line numbers: below).
  spit(tmp / "site/_config.yml", "title: Code Blog\nhighlight:\n  line_number: false\n");
  spit(tmp / "site/source/_posts/code.md",
       "---\ntitle: Code\ndate: 2024-03-02\n---\n"
       "```js\nconst a = \"<b>&\"; // note\n```\n\n"
       "{% codeblock Example lang:python %}\ndef f():\n    return 1\n{% endcodeblock %}\n\n"
       "{% highlight ruby %}\nputs 'hi' # greet\n{% endhighlight %}\n\n"
       "```text\nplain words\n```\n\n```no-such-language\nx = 1\n```\n");
  build(tmp / "site", tmp / "book.epub");
  const std::string text = entry(tmp / "book.epub", "EPUB/text/c");
  CHECK(has(text, "<span class=\"kw\">const</span>"));
  CHECK(has(text, "<span class=\"st\">\"&lt;b&gt;&amp;\"</span>"));
  CHECK(has(text, "<span class=\"co\">// note</span>"));
  CHECK(has(text, "<span class=\"kw\">def</span>"));
  CHECK(has(text, "<span class=\"co\"># greet</span>"));
  CHECK(has(text, "<code class=\"language-text\">plain words\n</code>"));
  CHECK(has(text, "<code class=\"language-no-such-language\">x = 1\n</code>"));
  CHECK_FALSE(has(text, "style="));
  const std::string css = entry(tmp / "book.epub", "EPUB/styles/book.css");
  CHECK(has(css, "code span.kw"));
  CHECK(has(css, "#00509e"));  // the default theme

  build(tmp / "site", tmp / "pygments.epub", " --highlight-style pygments");
  CHECK(has(entry(tmp / "pygments.epub", "EPUB/styles/book.css"), "#006a00"));
  CHECK(entry(tmp / "pygments.epub", "EPUB/text/c") == text);  // the theme is the stylesheet's alone

  build(tmp / "site", tmp / "plain.epub", " --no-highlight");
  CHECK_FALSE(has(entry(tmp / "plain.epub", "EPUB/text/c"), "<span class=\"kw\">"));
  CHECK_FALSE(has(entry(tmp / "plain.epub", "EPUB/styles/book.css"), "code span.kw"));
}

TEST_CASE("highlight: line numbers and marked lines where the site or the block asks, highlighted or not") {
  TempDir tmp;
  spit(tmp / "site/hugo.toml", "title = \"Hugo Lines\"\n[markup.highlight]\nlineNos = true\nlineNoStart = 9\n");
  spit(tmp / "site/content/posts/go.md",
       "---\ntitle: Go\ndate: 2024-03-02\n---\n"
       "```go\nfunc a() {}\nfunc b() {}\n```\n\n"
       "```go {linenos=false,hl_lines=[2]}\nvar x = 1\nvar y = 2\n```\n\n"
       "{{< highlight go \"linenos=table,linenostart=199\" >}}\nfunc c() {}\n{{< /highlight >}}\n");
  build(tmp / "site", tmp / "book.epub");
  const std::string text = entry(tmp / "book.epub", "EPUB/text/c");
  CHECK(has(text, "<span class=\"ln\" aria-hidden=\"true\"> 9 </span><span class=\"kw\">func</span>"));
  CHECK(has(text, "<span class=\"ln\" aria-hidden=\"true\">10 </span>"));
  CHECK(has(text, "<span class=\"line hl\"><span class=\"kw\">var</span> y"));  // marked, not numbered
  CHECK(has(text, "<span class=\"ln\" aria-hidden=\"true\">199 </span>"));
  CHECK_FALSE(has(text, "linenos"));
  CHECK(has(entry(tmp / "book.epub", "EPUB/styles/book.css"), "code span.ln"));

  build(tmp / "site", tmp / "plain.epub", " --no-highlight");
  const std::string plain = entry(tmp / "plain.epub", "EPUB/text/c");
  CHECK(has(plain, "<span class=\"ln\" aria-hidden=\"true\"> 9 </span>func a() {}\n"));
  CHECK(has(plain, "<span class=\"line hl\">var y = 2\n</span>"));
  CHECK(has(entry(tmp / "plain.epub", "EPUB/styles/book.css"), "code span.ln"));
}

TEST_CASE("highlight: Docusaurus's magic comments mark lines and leave the code, showLineNumbers numbers them") {
  TempDir tmp;
  spit(tmp / "site/docusaurus.config.js", "module.exports = { title: 'Docs' };\n");
  spit(tmp / "site/docs/intro.md",
       "# Intro\n\n```js showLineNumbers\nlet a = 1;\n// highlight-next-line\nlet b = 2;\n```\n");
  build(tmp / "site", tmp / "book.epub");
  const std::string text = entry(tmp / "book.epub", "EPUB/text/c");
  CHECK(has(text, "<span class=\"line hl\"><span class=\"ln\" aria-hidden=\"true\">2 </span>"));
  CHECK_FALSE(has(text, "highlight-next-line"));
}

TEST_CASE("highlight: a book without highlighted code gets no token styles") {
  TempDir tmp;
  spit(tmp / "posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n\n```\nno language\n```\n");
  build(tmp / "posts", tmp / "book.epub");
  CHECK_FALSE(has(entry(tmp / "book.epub", "EPUB/styles/book.css"), "code span."));  // nor line numbers' rules
}

TEST_CASE("highlight: Hugo's highlight shortcode, and a book config's highlight_style") {
  TempDir tmp;
  spit(tmp / "site/hugo.toml", "title = \"Hugo Code\"\n");
  spit(tmp / "site/content/posts/go.md",
       "---\ntitle: Go\ndate: 2024-03-02\n---\n{{< highlight go >}}\nfunc main() { return }\n{{< /highlight >}}\n");
  spit(tmp / "site/mkepub.yaml", "highlight_style: eink\n");
  build(tmp / "site", tmp / "book.epub");
  CHECK(has(entry(tmp / "book.epub", "EPUB/text/c"), "<span class=\"kw\">func</span>"));
  const std::string css = entry(tmp / "book.epub", "EPUB/styles/book.css");
  CHECK(has(css, "code span.kw"));
  CHECK_FALSE(has(css, "#00509e"));

  spit(tmp / "site/mkepub.yaml", "highlight_style: neon\n");
  auto r = run_mkepub(quote((tmp / "site").string()) + " -o " + quote((tmp / "bad.epub").string()));
  CHECK(r.code == 1);
  CHECK(has(r.output, "expected one of default, eink, pygments, not `neon`"));
}

TEST_CASE("highlight: mdBook's hidden lines stay hidden in highlighted Rust") {
  TempDir tmp;
  spit(tmp / "book/book.toml", "[book]\ntitle = \"Guide\"\n");
  spit(tmp / "book/src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
  spit(tmp / "book/src/intro.md", "# Intro\n\n```rust\n# fn hidden() {}\nfn main() {\n    let x = 1;\n}\n```\n");
  build(tmp / "book", tmp / "book.epub");
  const std::string text = entry(tmp / "book.epub", "EPUB/text/c");
  CHECK(has(text, "<span class=\"kw\">fn</span>"));
  CHECK_FALSE(has(text, "hidden"));
}

TEST_CASE("highlight: an unknown --highlight-style is a usage error naming the themes") {
  TempDir tmp;
  spit(tmp / "posts/a.md", "---\ntitle: A\n---\nText.\n");
  auto r = run_mkepub(quote((tmp / "posts").string()) + " -o " + quote((tmp / "b.epub").string()) +
                      " --highlight-style neon");
  CHECK(r.code == 2);
  CHECK(has(r.output, "default"));
  CHECK(has(r.output, "eink"));
  CHECK(has(r.output, "pygments"));
}

TEST_CASE("highlight: syntax definitions in the user's or the system's data folders do not change the book") {
  TempDir tmp;
  spit(tmp / "posts/code.md", "---\ntitle: Code\ndate: 2024-03-02\n---\n```python\ndef f():\n    return 1\n```\n");
  // A Python of a higher version than the bundled one that calls every character an alert, where Kate's users
  // keep their own definitions.
  const std::string python =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE language>\n"
      "<language name=\"Python\" version=\"999\" kateversion=\"5.0\" section=\"Scripts\" extensions=\"*.py\">\n"
      "<highlighting><contexts><context name=\"Normal\" attribute=\"Alert\" lineEndContext=\"#stay\"/></contexts>\n"
      "<itemDatas><itemData name=\"Alert\" defStyleNum=\"dsAlert\"/></itemDatas></highlighting>\n</language>\n";
  spit(tmp / "home/.local/share/org.kde.syntax-highlighting/syntax/python.xml", python);
  spit(tmp / "system/org.kde.syntax-highlighting/syntax/python.xml", python);
  const std::string in = quote((tmp / "posts").string());
  auto plain = run_mkepub(in + " -o " + quote((tmp / "plain.epub").string()));
  REQUIRE(plain.code == 0);
  CHECK(has(entry(tmp / "plain.epub", "EPUB/text/c"), "<span class=\"kw\">def</span>"));
  for (const std::string env : {"HOME=" + quote((tmp / "home").string()),
                                "XDG_DATA_HOME=" + quote((tmp / "home/.local/share").string()),
                                "XDG_DATA_DIRS=" + quote((tmp / "system").string())}) {
    INFO(env);
    auto r = run("env " + env + " " + quote(MKEPUB_BINARY) + " " + in + " -o " + quote((tmp / "user.epub").string()));
    REQUIRE(r.code == 0);
    CHECK(slurp(tmp / "user.epub") == slurp(tmp / "plain.epub"));
  }
}
