// markdown="1" blocks (markdown_in_html.h): kramdown's rule, line by line, and through render_markdown.
#include <doctest/doctest.h>

#include <regex>

#include "render/markdown.h"
#include "render/markdown_in_html.h"

using namespace mkepub;

namespace {

std::string html_of(const std::string& markdown) {
  return std::regex_replace(render_markdown(markdown).html, std::regex(" data-sourcepos=\"[^\"]*\""), "");
}

}  // namespace

TEST_CASE("markdown in HTML: the tags become one-line blocks, the attribute goes, lines keep their numbers") {
  CHECK(open_markdown_in_html("<div style=\"a: b;\" markdown=\"1\">\n![x](y.png)\n</div>\n") ==
        "<!----><div style=\"a: b;\">\n![x](y.png)\n<!----></div>\n");
  CHECK(open_markdown_in_html("<section markdown='block' class=\"c\">\n*a*\n</section>\n") ==
        "<!----><section class=\"c\">\n*a*\n<!----></section>\n");
  // Content on the tags' lines gets lines of its own.
  CHECK(open_markdown_in_html("<div markdown=\"1\">*a*</div>\nafter\n") == "<!----><div>\n*a*\n<!----></div>\nafter\n");
  // Nested blocks of the same name close where their own tags do.
  CHECK(open_markdown_in_html("<div markdown=\"1\">\n<div>inner</div>\n*a*\n</div>\n") ==
        "<!----><div>\n<div>inner</div>\n*a*\n<!----></div>\n");
}

TEST_CASE("markdown in HTML: span, 0, no attribute and code fences are left as written") {
  CHECK(open_markdown_in_html("<div markdown=\"0\">\n*a*\n</div>\n").empty());
  CHECK(open_markdown_in_html("<div markdown=\"span\">\n*a*\n</div>\n").empty());
  CHECK(open_markdown_in_html("<div>\nmarkdown\n</div>\n").empty());
  CHECK(open_markdown_in_html("```html\n<div markdown=\"1\">\n```\n").empty());
  CHECK(open_markdown_in_html("    <div markdown=\"1\">\n").empty());  // indented code
}

TEST_CASE("markdown in HTML: the inside of a markdown=1 block is rendered as Markdown") {
  std::string html = html_of("Before.\n\n<div class=\"c\" markdown=\"1\">\n![Plot](p.png)\n\n**b**\n</div>\n\nAfter.\n");
  CHECK(html.find("<img src=\"p.png\" alt=\"Plot\" />") != std::string::npos);
  CHECK(html.find("<strong>b</strong>") != std::string::npos);
  CHECK(html.find("<div class=\"c\">") != std::string::npos);
  CHECK(html.find("markdown=") == std::string::npos);
  CHECK(html.find("![") == std::string::npos);
  CHECK(html.find("<p>After.</p>") != std::string::npos);
}
