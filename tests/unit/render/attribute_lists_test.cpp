// Attribute lists (attribute_lists.h): kramdown's IALs and ALDs, heading ids and Goldmark's block attributes, from
// Markdown to the XHTML the chapter gets; the lists never reach the text.
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <regex>
#include <sstream>

#include "render/attribute_lists.h"
#include "render/markdown.h"
#include "render/xhtml.h"

using namespace mkepub;

namespace {

// The XHTML of a Markdown post, without the post lines kept on links and images, and the line ends around it.
std::string xhtml(const std::string& markdown, MarkdownDialect dialect = {}) {
  Diagnostics diag;
  auto md = render_markdown(markdown, 1, dialect);
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  append_html(div, md.html, "post.md", diag, md.is_xml);
  std::ostringstream out;
  for (auto child : div.children()) child.print(out, "", pugi::format_raw);
  CHECK(diag.warnings().empty());
  std::string x = std::regex_replace(out.str(), std::regex(R"( data-mkepub-line="\d+")"), "");
  while (!x.empty() && x.front() == '\n') x.erase(0, 1);
  while (!x.empty() && x.back() == '\n') x.pop_back();
  return x;
}

}  // namespace

TEST_CASE("attribute lists: kramdown and bare forms are read, prose in braces is not") {
  auto a = parse_attribute_list(R"({: .note #intro title="x y" width='60%'})");
  REQUIRE(a);
  CHECK(a->id == "intro");
  CHECK(a->classes == std::vector<std::string>{"note"});
  auto b = parse_attribute_list("{#fig-1 .fig .wide width=50% -}");
  REQUIRE(b);
  CHECK(b->id == "fig-1");
  CHECK(b->classes == std::vector<std::string>{"fig", "wide"});
  auto toc = parse_attribute_list("{:toc}");
  REQUIRE(toc);
  CHECK(toc->references == std::vector<std::string>{"toc"});
  CHECK(parse_attribute_list(R"({: class="a b"})")->classes == std::vector<std::string>{"a", "b"});
  for (const char* prose : {"{#if true}", "{.git,.sl}", "{x=1}", "{}", "{: a=b}", "{::comment}", "{:ald: .c}",
                            "{#my-component \"shall\" be=\"kept\"}", "{ .c"})
    CHECK_MESSAGE(!parse_attribute_list(prose), prose);
  auto def = parse_attribute_definition("{:note: .notice #n}");
  REQUIRE(def);
  CHECK(def->first == "note");
  CHECK(def->second.classes == std::vector<std::string>{"notice"});
}

TEST_CASE("attribute lists: markers carry any name through a comment") {
  AttributeList list{"a--b", {"x y", "c%d"}, {}};
  auto text = attribute_marker(MarkerTarget::previous, list);
  CHECK(text.find("--") == std::string::npos);
  auto back = read_attribute_marker(text);
  REQUIRE(back);
  CHECK(back->target == MarkerTarget::previous);
  CHECK(back->attributes.id == "a--b");
  CHECK(back->attributes.classes == list.classes);
  CHECK(read_attribute_marker("mkepub-attrs:up #%zz .%4")->attributes.id == "%zz");
}

TEST_CASE("attribute lists: heading ids of kramdown, Goldmark, markdown-it and pandoc") {
  CHECK(xhtml("## Theme Configuration {#configuration}\n") == R"(<h2 id="configuration">Theme Configuration</h2>)");
  CHECK(xhtml("# Title {#t .wide}\n") == R"(<h1 id="t" class="wide">Title</h1>)");
  CHECK(xhtml("## Closed ## {#c}\n") == R"(<h2 id="c">Closed</h2>)");
  CHECK(xhtml("## Appendix {-}\n") == "<h2>Appendix</h2>");
  CHECK(xhtml("## `code` {#k}\n") == R"(<h2 id="k"><code>code</code></h2>)");
  CHECK(xhtml("## f() {#if x}\n") == "<h2>f() {#if x}</h2>");
  CHECK(xhtml("## no space{#x}\n") == "<h2>no space{#x}</h2>");
}

TEST_CASE("attribute lists: a block IAL applies to the block above it, or else below it") {
  CHECK(xhtml("A note.\n{: .notice}\n") == R"(<p class="notice">A note.</p>)");
  CHECK(xhtml("**Note**: boxed.\n{.box}\n") == R"(<p class="box"><strong>Note</strong>: boxed.</p>)");
  CHECK(xhtml("{: #first}\nText.\n") == R"(<p id="first">Text.</p>)");
  CHECK(xhtml("## Contents\n{: .no_toc}\n") == R"(<h2 class="no_toc">Contents</h2>)");
  CHECK(xhtml("> quoted\n\n{:.q}\n\nafter\n") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>after</p>");
  CHECK(xhtml("```\ncode\n```\n{: .wide}\n") == R"(<pre class="wide"><code>code
</code></pre>)");
  CHECK(xhtml("{: .lead}\n> quoted\n") == "<blockquote class=\"lead\">\n<p>quoted</p>\n</blockquote>");
}

TEST_CASE("attribute lists: an unindented IAL after a list is the list's, and {:toc} gives way to the book's") {
  CHECK(xhtml("* one\n* two\n{: .steps}\n") == "<ul class=\"steps\">\n<li>one</li>\n<li>two</li>\n</ul>");
  CHECK(xhtml("* one\n  {: .first}\n* two\n") == "<ul>\n<li class=\"first\">one</li>\n<li>two</li>\n</ul>");
  CHECK(xhtml("* Contents\n{:toc}\n\nText.\n") == "<p>Text.</p>");
}

TEST_CASE("attribute lists: span IALs after a span element, ALDs by name") {
  CHECK(xhtml("An *em*{: .c} word.\n") == R"(<p>An <em class="c">em</em> word.</p>)");
  CHECK(xhtml("![CAP](cap.png){: width=\"60%\"}\n") == R"(<p><img src="cap.png" alt="CAP"/></p>)");
  CHECK(xhtml("![fig](a.svg){.fig #img001}\n") == R"(<p><img src="a.svg" alt="fig" id="img001" class="fig"/></p>)");
  CHECK(xhtml("[x](y){:target=\"_blank\"} and more\n") == R"(<p><a href="y">x</a> and more</p>)");
  CHECK(xhtml("{:tip: .notice--info}\n\nSee.\n{: tip}\n") == R"(<p class="notice--info">See.</p>)");
  CHECK(xhtml("Text {: .c} stays.\n") == "<p>Text {: .c} stays.</p>");
  CHECK(xhtml("\\{: .c}\n") == "<p>{: .c}</p>");
}

TEST_CASE("attribute lists: read with straight quotes under a site's typographer, as kramdown reads them first") {
  const MarkdownDialect smart{.smart_punctuation = true};
  CHECK(xhtml("![A](a.png){: width=\"60%\"}\n", smart) == R"(<p><img src="a.png" alt="A"/></p>)");
  // The same attributes as without the typographer: only the text's quotes differ.
  const std::string md = "Said so.\n{: .note #n data-x=\"x y\" lang='fr'}\n";
  CHECK(xhtml(md, smart) == xhtml(md));
  CHECK(xhtml(md) == R"(<p id="n" class="note">Said so.</p>)");
  CHECK(xhtml("Said \"so\".\n", smart) == "<p>Said “so”.</p>");
}

TEST_CASE("attribute lists: under a table, the table's (Goldmark's block attributes), not one more row") {
  const std::string html = xhtml("| a | b |\n|---|---|\n| 1 | 2 |\n{.wide #t}\n");
  CHECK(html.find("<table id=\"t\" class=\"wide\">") != std::string::npos);
  CHECK(html.find("{.wide") == std::string::npos);
  CHECK(html.find("<td>1</td>") != std::string::npos);
  // A last row that only looks alike keeps its cells.
  CHECK(xhtml("| a | b |\n|---|---|\n| {x} | 2 |\n").find("{x}") != std::string::npos);
}
