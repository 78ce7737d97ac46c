// Markdown to HTML (markdown.h): examples as data in tests/spec/markdown.txt (cmark's spec.txt format).
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "render/markdown.h"

using namespace mkepub;

namespace {

struct Example {
  int line = 0;  // of the opening fence in the spec file
  std::string section, markdown, html;
};

std::string tabs(std::string s) {
  for (size_t at; (at = s.find("→")) != std::string::npos;) s.replace(at, std::string("→").size(), "\t");
  return s;
}

// cmark's spec.txt format: a fence of 32 backticks and "example", the input, ".", the output, the fence again.
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
      (state == 1 ? out.back().markdown : out.back().html) += tabs(line) + "\n";
    }
  }
  return out;
}

std::string without_sourcepos(const std::string& html) {
  return std::regex_replace(html, std::regex(" data-sourcepos=\"[^\"]*\""), "");
}

}  // namespace

TEST_CASE("markdown: the examples in tests/spec/markdown.txt") {
  auto examples = read_spec(MKEPUB_SOURCE_DIR "/tests/spec/markdown.txt");
  REQUIRE(examples.size() == 15);
  for (const auto& ex : examples) {
    INFO("tests/spec/markdown.txt:", ex.line, " (", ex.section, ")");
    CHECK(without_sourcepos(render_markdown(ex.markdown).html) == ex.html);
  }
}

TEST_CASE("markdown: ruby, the examples in tests/spec/ruby.txt") {
  auto examples = read_spec(MKEPUB_SOURCE_DIR "/tests/spec/ruby.txt");
  REQUIRE(examples.size() == 16);
  for (const auto& ex : examples) {
    INFO("tests/spec/ruby.txt:", ex.line, " (", ex.section, ")");
    CHECK(without_sourcepos(render_markdown(ex.markdown).html) == ex.html);
  }
}

TEST_CASE("markdown: CJK-friendly emphasis and autolinks, the examples in tests/spec/cjk.txt") {
  auto examples = read_spec(MKEPUB_SOURCE_DIR "/tests/spec/cjk.txt");
  REQUIRE(examples.size() == 22);
  for (const auto& ex : examples) {
    INFO("tests/spec/cjk.txt:", ex.line, " (", ex.section, ")");
    CHECK(without_sourcepos(render_markdown(ex.markdown).html) == ex.html);
  }
}

TEST_CASE("markdown: ruby keeps the post's lines in data-sourcepos and puts no line markers in") {
  CHECK(render_markdown("a {漢字|かんじ}\n", 3).html ==
        "<p data-sourcepos=\"3:1-3:20\">a <ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby></p>\n");
}

TEST_CASE("markdown: a soft break between CJK characters disappears, between Latin words it stays") {
  CHECK(render_markdown("中文\n测试\n").html == "<p data-sourcepos=\"1:1-2:6\">中文测试</p>\n");
  CHECK(render_markdown("Hello\nworld\n").html == "<p data-sourcepos=\"1:1-2:5\">Hello\nworld</p>\n");
}

TEST_CASE("markdown: data-sourcepos counts lines of the post file from first_line") {
  CHECK(render_markdown("# T\n\ntext\n", 5).html ==
        "<h1 data-sourcepos=\"5:1-5:3\">T</h1>\n<p data-sourcepos=\"7:1-7:4\">text</p>\n");
  CHECK(render_markdown("Inline <b>x</b>.\n\n<div>y</div>\n", 10).html ==
        "<p data-sourcepos=\"10:1-10:16\">Inline <!--mkepub-line:10--><b>x<!--mkepub-line:10--></b>.</p>\n"
        "<!--mkepub-line:12--><div>y</div>\n");
}

TEST_CASE("markdown: regression: data-sourcepos end lines were not shifted by first_line") {
  CHECK(render_markdown("a\nb\n\n| x |\n|---|\n| 1 |\n", 5).html ==
        "<p data-sourcepos=\"5:1-6:1\">a\nb</p>\n"
        "<table data-sourcepos=\"8:1-10:5\">\n<thead>\n<tr data-sourcepos=\"8:1-8:5\">\n"
        "<th data-sourcepos=\"8:2-8:4\">x</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"10:1-10:5\">\n"
        "<td data-sourcepos=\"10:2-10:4\">1</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("markdown: empty input") {
  CHECK(render_markdown("").html == "");
  CHECK(render_markdown("\n\n").html == "");
}

TEST_CASE("markdown: smart punctuation, when the site's renderer has it, in text and never in code") {
  const std::string md = "He said \"it's---\" and -- then...\n\n`\"a\"--b`\n";
  auto plain = render_markdown(md).html;
  CHECK(plain.find("&quot;it's---&quot;") != std::string::npos);
  auto smart = render_markdown(md, 1, {.smart_punctuation = true}).html;
  CHECK(smart.find("“it’s—” and – then…") != std::string::npos);
  CHECK(smart.find("<code>&quot;a&quot;--b</code>") != std::string::npos);
}

TEST_CASE("markdown: hard breaks, when the site's renderer has them, between CJK lines too") {
  const std::string md = "one\ntwo\n\n第一行\n第二行\n";
  auto plain = render_markdown(md).html;
  CHECK(plain.find("one\ntwo") != std::string::npos);
  CHECK(plain.find("第一行第二行") != std::string::npos);
  auto broken = render_markdown(md, 1, {.hard_breaks = true}).html;
  CHECK(broken.find("one<br />\ntwo") != std::string::npos);
  CHECK(broken.find("第一行<br />\n第二行") != std::string::npos);
}
