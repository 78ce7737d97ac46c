// Line numbers and marked lines (render/code_lines.h, code_line_options.h): each generator's options, the site's
// defaults, the lines written around the highlighter's spans.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <sstream>

#include "render/code_lines.h"
#include "render/highlight.h"
#include "render/markdown.h"

using namespace mkepub;

namespace {

std::string serialize(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

// The <pre> the Markdown `md` becomes, its lines read with the site's defaults `site`, highlighted or not.
std::string code_block(const std::string& md, const MarkdownDialect& site = {}, bool highlight = false) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(("<body>" + render_markdown(md).html + "</body>").c_str()));
  auto lines = read_code_lines(doc.document_element(), site);
  if (highlight) highlight_code_blocks(doc.document_element());
  write_code_lines(lines);
  auto pre = doc.document_element().child("pre");
  pre.remove_attribute("data-sourcepos");
  return serialize(pre);
}

std::string ranges(const std::vector<LineRange>& rs) {
  std::string out;
  for (const auto& r : rs) out += (out.empty() ? "" : ",") + std::to_string(r.from) + "-" + std::to_string(r.to);
  return out;
}

}  // namespace

TEST_CASE("code lines: Hugo's fence attributes and highlight options") {
  auto o = parse_code_line_options("go", "{linenos=table,hl_lines=[2,\"4-5\"],linenostart=199}");
  CHECK(o.language == "go");
  CHECK(o.numbers == true);
  CHECK(o.start == 199);
  CHECK(ranges(o.marked) == "2-2,4-5");
  o = parse_code_line_options("go", "{linenos=inline hl_lines=[3,\"6-8\"] style=emacs}");  // space-separated
  CHECK(o.numbers == true);
  CHECK(ranges(o.marked) == "3-3,6-8");
  o = parse_code_line_options("go", "{linenos=inline, hl_lines=3 6-8, style=emacs}");  // the shortcode's form
  CHECK(ranges(o.marked) == "3-3,6-8");
  CHECK(parse_code_line_options("go", "{lineNos=false}").numbers == false);  // keys are case-insensitive
  CHECK_FALSE(parse_code_line_options("go", "{style=emacs}").numbers.has_value());
}

TEST_CASE("code lines: Docusaurus's, VitePress's, Hexo's and pandoc's options") {
  auto o = parse_code_line_options("js", "{1,4-6} title=\"a b.js\" showLineNumbers");
  CHECK(o.numbers == true);
  CHECK_FALSE(o.start.has_value());
  CHECK(ranges(o.marked) == "1-1,4-6");
  CHECK(parse_code_line_options("jsx", "showLineNumbers=5").start == 5);
  o = parse_code_line_options("ts:line-numbers=2{1,3}", "");
  CHECK(o.language == "ts");
  CHECK(o.numbers == true);
  CHECK(o.start == 2);
  CHECK(ranges(o.marked) == "1-1,3-3");
  o = parse_code_line_options("js{4}", "");
  CHECK(o.language == "js");
  CHECK(ranges(o.marked) == "4-4");
  CHECK(parse_code_line_options("java:no-line-numbers", "").numbers == false);
  o = parse_code_line_options("js", "line_number:false first_line:5 mark:5,7-8");
  CHECK(o.numbers == false);
  CHECK(o.start == 5);
  CHECK(o.marks_by_number);
  CHECK(ranges(o.marked) == "5-5,7-8");
  o = parse_code_line_options("{.python", ".numberLines startFrom=\"10\"}");
  CHECK(o.language == "{.python");
  CHECK(o.numbers == true);
  CHECK(o.start == 10);
  // Words that are no line option change nothing.
  o = parse_code_line_options("rust,ignore", "");
  CHECK(o.language == "rust,ignore");
  CHECK_FALSE(o.numbers.has_value());
  CHECK(o.marked.empty());
}

TEST_CASE("code lines: a numbered block's lines, numbers padded, kept out of what a screen reader reads") {
  std::string md = "```text {linenos=true,linenostart=9}\na\n\nb\n```\n";
  CHECK(code_block(md) ==
        "<pre><code class=\"language-text\">"
        "<span class=\"ln\" aria-hidden=\"true\"> 9 </span>a\n"
        "<span class=\"ln\" aria-hidden=\"true\">10 </span>\n"
        "<span class=\"ln\" aria-hidden=\"true\">11 </span>b\n"
        "</code></pre>");
}

TEST_CASE("code lines: nothing asked, nothing changed, and the info string's rest never reaches the page") {
  CHECK(code_block("```go {style=emacs}\nx\n```\n") == "<pre><code class=\"language-go\">x\n</code></pre>");
  CHECK(code_block("```\nx\n```\n") == "<pre><code>x\n</code></pre>");
  CHECK(code_block("```ts:no-line-numbers\nx\n```\n", {.line_numbers = true}) ==
        "<pre><code class=\"language-ts\">x\n</code></pre>");
}

TEST_CASE("code lines: the site's default numbers every block, from its start, over its threshold") {
  MarkdownDialect site{.line_numbers = true, .line_start = 3};
  CHECK(code_block("```\nx\n```\n", site) ==
        "<pre><code><span class=\"ln\" aria-hidden=\"true\">3 </span>x\n</code></pre>");
  site.line_threshold = 1;  // Hexo: only blocks of more lines than this
  CHECK(code_block("```\nx\n```\n", site) == "<pre><code>x\n</code></pre>");
  CHECK(code_block("```\nx\ny\n```\n", site).find("aria-hidden") != std::string::npos);
}

TEST_CASE("code lines: marked lines, numbered or not, and Hexo's marks counted by their shown numbers") {
  CHECK(code_block("```js {2}\na\nb\n```\n") ==
        "<pre><code class=\"language-js\"><span class=\"line\">a\n</span><span class=\"line "
        "hl\">b\n</span></code></pre>");
  CHECK(code_block("```js line_number:false first_line:5 mark:6\na\nb\n```\n") ==
        "<pre><code class=\"language-js\"><span class=\"line\">a\n</span><span class=\"line "
        "hl\">b\n</span></code></pre>");
}

TEST_CASE("code lines: highlighted tokens are cut at line ends, a token over two lines in both") {
  std::string out = code_block("```c {1} showLineNumbers\n/* a\nb */ int x;\n```\n", {}, true);
  CHECK(
      out ==
      "<pre><code class=\"language-c\">"
      "<span class=\"line hl\"><span class=\"ln\" aria-hidden=\"true\">1 </span><span class=\"co\">/* a</span>\n</span>"
      "<span class=\"line\"><span class=\"ln\" aria-hidden=\"true\">2 </span><span class=\"co\">b */</span> "
      "<span class=\"dt\">int</span> x<span class=\"op\">;</span>\n</span>"
      "</code></pre>");
}

TEST_CASE("code lines: VitePress's language suffix is taken off, so the language is highlighted") {
  std::string out = code_block("```js:line-numbers\nlet x;\n```\n", {}, true);
  CHECK(out.starts_with("<pre><code class=\"language-js\"><span class=\"ln\""));
  CHECK(out.find("<span class=\"kw\">let</span>") != std::string::npos);
}

TEST_CASE("code lines: Docusaurus's magic comments mark lines and leave the code") {
  auto taken = take_magic_comments(
      "a\n// highlight-next-line\nb\n  # highlight-start\nc\nd\n<!-- highlight-end -->\ne\n{/* highlight-start "
      "*/}\nf\n");
  CHECK(taken.code == "a\nb\nc\nd\ne\nf\n");
  CHECK(ranges(taken.marked) == "2-2,3-4,6-6");  // an unclosed start runs to the end
  CHECK(take_magic_comments("// highlight-next-line please\n").code == "// highlight-next-line please\n");
  MarkdownDialect docusaurus{.magic_comments = true};
  CHECK(code_block("```js\n// highlight-next-line\nx\n```\n", docusaurus) ==
        "<pre><code class=\"language-js\"><span class=\"line hl\">x\n</span></code></pre>");
  CHECK(code_block("```js\n// highlight-next-line\nx\n```\n") ==
        "<pre><code class=\"language-js\">// highlight-next-line\nx\n</code></pre>");  // elsewhere it is code
}
