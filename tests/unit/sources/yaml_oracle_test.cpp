// libyaml as the oracle beside yaml-cpp (yaml_oracle.h): documents the YAML spec rejects are errors at their line,
// in the post file's lines.
#include <doctest/doctest.h>

#include "sources/frontmatter.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_oracle.h"

using namespace mkepub;

namespace {

std::string error_of(const std::string& text) {
  Diagnostics diag;
  try {
    parse_post(SourceFile{"posts/bad.md", "posts/bad.md", "posts", text}, diag);
  } catch (const InputError& e) {
    return e.where.format("error");
  }
  return "";
}

}  // namespace

TEST_CASE("libyaml_problem: a well-formed document has none") {
  CHECK_FALSE(libyaml_problem("title: A\ntags: [a, b]\nd: {x: 1}\n").has_value());
  CHECK_FALSE(libyaml_problem("{\"a\": 1, \"b\": [1, 2]}").has_value());  // JSON, as Hugo's and Docusaurus' configs
  CHECK_FALSE(libyaml_problem("").has_value());
}

TEST_CASE("libyaml_problem: a quoted scalar never closed is wrong where it opens") {
  auto p = libyaml_problem("title: \"unterminated\ndate: 2020-01-01\n");
  REQUIRE(p.has_value());
  CHECK(p->line == 0);
  CHECK(p->column == 7);
  CHECK(p->message == "while scanning a quoted scalar: found unexpected end of stream");
}

TEST_CASE("libyaml_problem: a control character is wrong at its own line and column") {
  auto p = libyaml_problem("a: 1\nb: x\x01y\n");
  REQUIRE(p.has_value());
  CHECK(p->line == 1);
  CHECK(p->column == 4);
  CHECK(p->message == "control characters are not allowed");
}

TEST_CASE("load_bounded_yaml: what yaml-cpp takes and libyaml refuses throws at libyaml's place") {
  CHECK_NOTHROW(load_bounded_yaml("a: 1\n"));
  try {
    load_bounded_yaml("a: 1\nb: 'open\nc: 2\n");
    FAIL("no error");
  } catch (const YAML::ParserException& e) {
    CHECK(e.mark.line == 1);
    CHECK(e.mark.column == 3);
  }
}

TEST_CASE("front matter: an unterminated quoted title is an error at the post's line, the date not swallowed") {
  CHECK(error_of("---\ntitle: \"unterminated\ndate: 2020-01-01\n---\nBody\n") ==
        "posts/bad.md:2:8: error: invalid YAML in front matter: while scanning a quoted scalar: found unexpected end "
        "of stream");
  CHECK(error_of("---\ntitle: Fine\nauthor: x\x07y\n---\nBody\n") ==
        "posts/bad.md:3:10: error: invalid YAML in front matter: control characters are not allowed");
}
