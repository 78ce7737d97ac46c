// Alerts, callouts and admonitions (callouts.h): examples as data in tests/spec/callouts.txt, through
// render_markdown, and the epub:type the chapter stage adds.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "render/callouts.h"
#include "render/markdown.h"

using namespace mkepub;

namespace {

struct Example {
  int line = 0;
  std::string section, markdown, html;
};

// cmark's spec.txt format, as in markdown_test.cpp.
std::vector<Example> read_spec(const std::string& path) {
  const std::string fence(32, '`');
  std::ifstream in(path);
  std::vector<Example> out;
  std::string line, section;
  int number = 0, state = 0;  // 0 prose, 1 input, 2 output
  while (std::getline(in, line)) {
    ++number;
    if (state == 0 && line == fence + " example") {
      out.push_back({number, section, "", ""});
      state = 1;
    } else if (state == 0 && line.rfind('#', 0) == 0) {
      section = line;
    } else if (state == 1 && line == ".") {
      state = 2;
    } else if (state > 0 && line == fence) {
      state = 0;
    } else if (state > 0) {
      (state == 1 ? out.back().markdown : out.back().html) += line + "\n";
    }
  }
  return out;
}

std::string without_sourcepos(const std::string& html) {
  return std::regex_replace(html, std::regex(" data-sourcepos=\"[^\"]*\""), "");
}

}  // namespace

TEST_CASE("callouts: the examples in tests/spec/callouts.txt") {
  auto examples = read_spec(MKEPUB_SOURCE_DIR "/tests/spec/callouts.txt");
  REQUIRE(examples.size() == 15);
  for (const auto& ex : examples) {
    INFO("tests/spec/callouts.txt:", ex.line, " (", ex.section, ")");
    CHECK(without_sourcepos(render_markdown(ex.markdown).html) == ex.html);
  }
}

TEST_CASE("callouts: admonition fences keep the post's line numbers") {
  auto html = render_markdown(":::note\n\ntext\n:::\n\nafter\n", 10).html;
  CHECK(html.find("<p data-sourcepos=\"12:3-12:6\">text</p>") != std::string::npos);
  CHECK(html.find("<p data-sourcepos=\"15:1-15:5\">after</p>") != std::string::npos);
}

TEST_CASE("callouts: open_admonitions leaves Markdown without containers alone") {
  CHECK(open_admonitions("no fences here\n") == "");
  CHECK(open_admonitions("```\n:::tip\n```\n") == "");
  CHECK(open_admonitions(":::tip\nx\n:::\n") == "> [!tip]\n> x\n<!--mkepub-container-end-->\n");
}

TEST_CASE("callouts: tips get epub:type tip matching role doc-tip, warnings and other callouts none") {
  pugi::xml_document doc;
  REQUIRE(
      doc.load_string("<div><aside class=\"callout callout-hint callout-tip\" role=\"doc-tip\"/>"
                      "<aside class=\"callout callout-caution callout-warning\" role=\"note\">"
                      "<aside class=\"callout callout-bug\" role=\"note\"/></aside>"
                      "<aside class=\"callout callout-note\" role=\"note\"/><aside class=\"footnote\"/></div>"));
  mark_callouts(doc.document_element());
  std::ostringstream out;
  doc.document_element().print(out, "", pugi::format_raw);
  CHECK(out.str() ==
        "<div><aside class=\"callout callout-hint callout-tip\" role=\"doc-tip\" epub:type=\"tip\"/>"
        "<aside class=\"callout callout-caution callout-warning\" role=\"note\">"
        "<aside class=\"callout callout-bug\" role=\"note\"/></aside>"
        "<aside class=\"callout callout-note\" role=\"note\"/><aside class=\"footnote\"/></div>");
}
