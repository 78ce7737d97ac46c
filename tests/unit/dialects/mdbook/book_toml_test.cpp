// Dialects, mdBook (mdbook.h): book.toml as a string in, values out, read with toml++; invalid TOML is a warning at
// its line and column.
#include <doctest/doctest.h>

#include <fstream>

#include "../site_support.h"
#include "dialects/mdbook/mdbook.h"

using namespace mkepub;
using namespace mkepub::testing;

namespace {

SiteConfig parse_book_toml(const std::string& toml) {
  Diagnostics diag;
  SiteConfig config = mkepub::parse_book_toml(toml, "demo/book.toml", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") == "");
  return config;
}

}  // namespace

TEST_CASE("book.toml config: the [book] keys, other tables skipped") {
  SiteConfig c = parse_book_toml(
      "# mdBook\n"
      "[book]\n"
      "title = \"The Rust \\\"Book\\\"\"\n"
      "authors = [\n"
      "  \"Steve Klabnik\",  # first\n"
      "  'Chris Krycho, with contributions from the community',\n"
      "]\n"
      "language = \"en\"\n"
      "description = \"\"\"\n"
      "Learn Rust.\"\"\"\n"
      "src = \"text\"\n"
      "multilingual = false\n"
      "\n"
      "[output.html]\n"
      "title = \"not the book's\"\n"
      "additional-css = [\"ferris.css\"]\n");
  CHECK(c.title == "The Rust \"Book\"");
  CHECK(c.authors == Strings{"Steve Klabnik", "Chris Krycho, with contributions from the community"});
  CHECK(c.author == "Steve Klabnik, Chris Krycho, with contributions from the community");
  CHECK(c.language == "en");
  CHECK(c.description == "Learn Rust.");
  CHECK(c.variables == Variables{{"book.authors.0", "Steve Klabnik"},
                                 {"book.authors.1", "Chris Krycho, with contributions from the community"},
                                 {"book.description", "Learn Rust."},
                                 {"book.language", "en"},
                                 {"book.src", "text"},
                                 {"book.title", "The Rust \"Book\""},
                                 {"output.html.additional-css.0", "ferris.css"},
                                 {"output.html.title", "not the book's"}});
  // Dotted keys at the top level name the same table.
  CHECK(parse_book_toml("book.title = 'Dotted'\n").title == "Dotted");
  CHECK(parse_book_toml("").title == "");
}

TEST_CASE("book.toml config: full TOML, inline tables, arrays of tables, only strings kept") {
  SiteConfig c = parse_book_toml(
      "book = {title = \"Inline\", authors = [\"Ann\", 7, \"Bob\"]}\n"
      "[output.html]\n"
      "fold = {enable = true, level = 0}\n"
      "mathjax-support = true\n"
      "[[output.html.playground.links]]\n"
      "name = \"first\"\n"
      "[[output.html.playground.links]]\n"
      "name = \"second\"\n"
      "[preprocessor.x]\n"
      "matrix = [[\"a\", \"b\"], [\"c\"]]\n"
      "when = 2024-01-02\n");
  CHECK(c.title == "Inline");
  CHECK(c.authors == Strings{"Ann", "Bob"});  // mdBook's authors are strings; others are left out
  CHECK(c.author == "Ann, Bob");
  CHECK(c.variables == Variables{{"book.authors.0", "Ann"},
                                 {"book.authors.2", "Bob"},
                                 {"book.title", "Inline"},
                                 {"output.html.playground.links.0.name", "first"},
                                 {"output.html.playground.links.1.name", "second"},
                                 {"preprocessor.x.matrix.0.0", "a"},
                                 {"preprocessor.x.matrix.0.1", "b"},
                                 {"preprocessor.x.matrix.1.0", "c"}});
  // `authors` must be a list; a single string (or `author`, not mdBook's key) names no one.
  CHECK(parse_book_toml("[book]\nauthors = \"Ann\"\nauthor = \"Bob\"\n").authors.empty());
}

TEST_CASE("book.toml config: invalid TOML is a warning at its line and column, and nothing is taken from it") {
  auto warning_of = [](const std::string& toml) {
    Diagnostics diag;
    SiteConfig c = mkepub::parse_book_toml(toml, "demo/book.toml", diag);
    CHECK(c.title == "");
    CHECK(c.variables.empty());
    CHECK(formatted(diag.errors(), "error") == "");
    return formatted(diag.warnings(), "warning");
  };
  CHECK(warning_of("[book]\ntitle = \"Demo\"\nlanguage = \n") ==
        "demo/book.toml:3:12: warning: invalid TOML in book.toml: error while parsing key-value pair: expected "
        "value, saw '\\n'; its settings are ignored\n");
  CHECK(warning_of("[book]\ntitle = \"Demo\nauthors = []\n") ==
        "demo/book.toml:2:14: warning: invalid TOML in book.toml: error while parsing string: unescaped control "
        "characters other than TAB (U+0009) are explicitly prohibited; its settings are ignored\n");
  CHECK(warning_of("[book]\ntitle = \"A\"\ntitle = \"B\"\n") ==
        "demo/book.toml:3:9: warning: invalid TOML in book.toml: error while parsing key-value pair: cannot "
        "redefine existing string 'title'; its settings are ignored\n");
  // Columns count characters, not bytes.
  CHECK(warning_of("[book]\ntitle = \"日本語\" x\n") ==
        "demo/book.toml:2:15: warning: invalid TOML in book.toml: error while parsing key-value pair: expected a "
        "comment or whitespace, saw 'x'; its settings are ignored\n");
}

TEST_CASE("book.toml config: the corpora's mdBook books") {
  const fs::path corpora = fs::path(MKEPUB_SOURCE_DIR) / ".." / "shared" / "corpora";
  auto read = [&](const char* name) -> std::optional<SiteConfig> {
    std::ifstream in(corpora / name / "book.toml", std::ios::binary);
    if (!in) return std::nullopt;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_book_toml(text);
  };
  auto nomicon = read("mdbook-en-nomicon");
  auto rbe = read("mdbook-ja-rbeja");
  if (!nomicon || !rbe) {
    MESSAGE("skipped: " << corpora.string() << " is absent");
    return;
  }
  CHECK(nomicon->title == "The Rustonomicon");
  CHECK(nomicon->authors == Strings{"The Rust Project Developers"});
  CHECK(nomicon->description == "The Dark Arts of Advanced and Unsafe Rust Programming");
  CHECK(nomicon->variables.at("output.html.redirect../vec.html") == "./vec/vec.html");
  CHECK(rbe->title == "Rust By Example 日本語版");
  CHECK(rbe->language == "ja");
  CHECK(rbe->authors.empty());  // it says `author`, which mdBook does not read either
}

TEST_CASE("book.toml config: a NUL or control escape in a title or author is dropped, not the text after it") {
  SiteConfig c = parse_book_toml("[book]\ntitle = \"T\\u0000it\\u0007le\"\nauthors = [\"A\\u0001B\"]\n");
  CHECK(c.title == "Title");
  REQUIRE(c.authors.size() == 1);
  CHECK(c.authors[0] == "AB");
}
