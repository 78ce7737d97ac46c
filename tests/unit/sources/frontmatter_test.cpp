// Posts (frontmatter.h): YAML front matter with Hexo's fields (https://hexo.io/docs/front-matter) and the body.
#include <doctest/doctest.h>

#include "base/dates.h"
#include "sources/frontmatter.h"
#include "../strings.h"

using namespace mkepub;

namespace {

Post parse(const std::string& text, Diagnostics& diag, const std::string& file = "posts/hello.md") {
  return parse_post(SourceFile{file, file, "posts", text}, diag);
}

Post parse(const std::string& text) {
  Diagnostics diag;
  Post post = parse(text, diag);
  CHECK(diag.warnings().empty());
  CHECK(diag.errors().empty());
  return post;
}

// The InputError of parsing `text`, formatted as the driver prints it.
std::string error_of(const std::string& text) {
  Diagnostics diag;
  try {
    parse(text, diag, "posts/bad.md");
  } catch (const InputError& e) {
    return e.where.format("error");
  }
  return "no error";
}

std::vector<std::string> warnings_of(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const auto& w : diag.warnings()) out.push_back(w.format("warning"));
  return out;
}


}  // namespace

TEST_CASE("front matter: every Hexo field") {
  Post post = parse(
      "---\n"
      "title: Hello, World\n"
      "date: 2025-07-20 02:20:08\n"
      "updated: 2025-07-21T10:00:00+08:00\n"
      "tags: [C++, EPUB]\n"
      "categories:\n"
      "  - Notes\n"
      "description: A short one.\n"
      "keywords: epub, ebook ,  markdown\n"
      "author: Ann Author\n"
      "lang: zh-CN\n"
      "abbrlink: 4a17b156\n"
      "toc: false\n"
      "toc_number: true\n"
      "---\n"
      "Body text.\n");
  CHECK(post.title == "Hello, World");
  REQUIRE(post.date);
  CHECK(format_utc_timestamp(to_epoch(*post.date)) == "2025-07-20T02:20:08Z");
  REQUIRE(post.updated);
  CHECK(format_utc_timestamp(to_epoch(*post.updated)) == "2025-07-21T02:00:00Z");
  CHECK(post.tags == Strings{"C++", "EPUB"});
  CHECK(post.categories == Strings{"Notes"});
  CHECK(post.description == "A short one.");
  CHECK(post.keywords == Strings{"epub", "ebook", "markdown"});
  CHECK(post.authors == Strings{"Ann Author"});
  CHECK(post.language == "zh-CN");
  CHECK(post.abbrlink == "4a17b156");
  CHECK_FALSE(post.toc);
  CHECK(post.toc_number);
  CHECK_FALSE(post.draft);
  CHECK(post.body == "Body text.\n");
  CHECK(post.body_line == 16);
  CHECK(post.display == "posts/hello.md");
  CHECK(post.file == fs::path("posts/hello.md"));
  CHECK(post.root == fs::path("posts"));
}

TEST_CASE("front matter: defaults when a field is absent") {
  Post post = parse("---\ntitle: T\n---\nx\n");
  CHECK(post.title == "T");
  CHECK_FALSE(post.date);
  CHECK_FALSE(post.updated);
  CHECK(post.tags.empty());
  CHECK(post.categories.empty());
  CHECK(post.keywords.empty());
  CHECK(post.description.empty());
  CHECK(post.toc);
  CHECK_FALSE(post.toc_number);
  CHECK_FALSE(post.draft);
}

TEST_CASE("front matter: tags as a single string") {
  CHECK(parse("---\ntags: Linux\n---\n").tags == Strings{"Linux"});
  CHECK(parse("---\ntags: open source\n---\n").tags == Strings{"open source"});
}

TEST_CASE("front matter: tags as a block list, duplicates once") {
  CHECK(parse("---\ntags:\n  - a\n  - b\n  - a\n---\n").tags == Strings{"a", "b"});
}

TEST_CASE("front matter: nested categories are flattened in order") {
  CHECK(parse("---\ncategories: [[A, B], C]\n---\n").categories == Strings{"A", "B", "C"});
  CHECK(parse("---\ncategories:\n  - [Tech, Linux]\n  - Life\n---\n").categories == Strings{"Tech", "Linux", "Life"});
  CHECK(parse("---\ncategory: Misc\n---\n").categories == Strings{"Misc"});
}

TEST_CASE("front matter: excerpt stands in for description") {
  CHECK(parse("---\nexcerpt: From excerpt\n---\n").description == "From excerpt");
  CHECK(parse("---\ndescription: D\nexcerpt: E\n---\n").description == "D");
  CHECK(parse("---\nexcerpt: E\ndescription: D\n---\n").description == "D");
}

TEST_CASE("front matter: keywords as a comma string and as a list") {
  CHECK(parse("---\nkeywords: a,b, c d ,,\n---\n").keywords == Strings{"a", "b", "c d"});
  CHECK(parse("---\nkeywords: [x, y]\n---\n").keywords == Strings{"x", "y"});
  CHECK(parse("---\nkeywords:\n  - x\n  - y\n---\n").keywords == Strings{"x", "y"});
}

TEST_CASE("front matter: author as a name, a list, a map with `name` (Jekyll, Vivliostyle, pandoc), or authors") {
  CHECK(parse("---\nauthor: [Ann, Bob]\n---\n").authors == Strings{"Ann", "Bob"});
  CHECK(parse("---\nauthors: [Ann, Bob]\n---\n").authors == Strings{"Ann", "Bob"});
  CHECK(parse("---\nauthor: {name: Ann, email: ann@example.com}\n---\n").authors == Strings{"Ann"});
  CHECK(parse("---\nauthor:\n  - name: Ann\n  - Bob, Jr.\n  - ' Ann '\n  - ' '\n---\n").authors ==
        Strings{"Ann", "Bob, Jr."});
  CHECK(parse("---\nauthor: Ann\nauthors: [Bo, Ann]\n---\n").authors == Strings{"Ann", "Bo"});
  CHECK(parse("---\nauthor:\n---\n").authors.empty());
}

TEST_CASE("front matter: an author map without `name` is a warning") {
  Diagnostics diag;
  CHECK(parse("---\nauthor: {email: ann@example.com}\n---\n", diag).authors.empty());
  CHECK(warnings_of(diag) == Strings{"posts/hello.md:2:9: warning: front matter `author`: expected a name, a map "
                                     "with `name`, or a list of them; ignored"});
}

TEST_CASE("front matter: language under either name") {
  CHECK(parse("---\nlang: ja\n---\n").language == "ja");
  CHECK(parse("---\nlanguage: zh_TW\n---\n").language == "zh_TW");
}

TEST_CASE("front matter: drafts") {
  CHECK(parse("---\ndraft: true\n---\n").draft);
  CHECK_FALSE(parse("---\ndraft: false\n---\n").draft);
  CHECK(parse("---\npublished: false\n---\n").draft);
  CHECK_FALSE(parse("---\npublished: true\n---\n").draft);
  CHECK(parse("---\ndraft: true\npublished: true\n---\n").draft);
  CHECK(parse("---\npublished: false\ndraft: false\n---\n").draft);
}

TEST_CASE("front matter: unknown keys are ignored, keys with spaces too") {
  Post post = parse(
      "---\n"
      "title: Kept\n"
      "layout: post\n"
      "comments: true\n"
      "last modified at: 2025-01-01\n"
      "cover:\n"
      "  image: a.png\n"
      "---\n"
      "Body\n");
  CHECK(post.title == "Kept");
  CHECK_FALSE(post.updated);
  CHECK(post.body == "Body\n");
  CHECK(post.body_line == 9);
}

TEST_CASE("front matter: a key with spaces around it is read by its name") {
  CHECK(parse("---\ntitle   : Spaced\n---\n").title == "Spaced");
  CHECK(parse("---\n\"title\": Quoted\n---\n").title == "Quoted");
}

TEST_CASE("front matter: none at all") {
  Post post = parse("# Heading\n\nText\n");
  CHECK(post.title.empty());
  CHECK(post.body == "# Heading\n\nText\n");
  CHECK(post.body_line == 1);
}

TEST_CASE("front matter: a thematic break later in the file is not front matter") {
  Post post = parse("Intro\n\n---\n\ntitle: not a field\n---\n");
  CHECK(post.title.empty());
  CHECK(post.body_line == 1);
  CHECK(post.body == "Intro\n\n---\n\ntitle: not a field\n---\n");
}

TEST_CASE("front matter: empty, closed by `...`, fences with trailing blanks") {
  Post empty = parse("---\n---\nBody\n");
  CHECK(empty.body == "Body\n");
  CHECK(empty.body_line == 3);
  Post dots = parse("---\ntitle: Dots\n...\nBody\n");
  CHECK(dots.title == "Dots");
  CHECK(dots.body == "Body\n");
  CHECK(dots.body_line == 4);
  Post blanks = parse("--- \ntitle: Blanks\n---\t\nBody\n");
  CHECK(blanks.title == "Blanks");
  CHECK(blanks.body == "Body\n");
  Post no_body = parse("---\ntitle: Only\n---");
  CHECK(no_body.title == "Only");
  CHECK(no_body.body == "");
  CHECK(no_body.body_line == 4);
}

TEST_CASE("front matter: never closed is an error at 1:1") {
  CHECK(error_of("---\ntitle: Open\n\nBody\n") ==
        "posts/bad.md:1:1: error: front matter opened here is never closed (expected a line `---`)");
  CHECK(error_of("---") ==
        "posts/bad.md:1:1: error: front matter opened here is never closed (expected a line `---`)");
}

TEST_CASE("front matter: invalid YAML points at the line and column in the post file") {
  Diagnostics diag;
  try {
    parse(
        "---\n"
        "title: Fine\n"
        "tags: [a, b\n"
        "---\n"
        "Body\n",
        diag, "posts/bad.md");
    FAIL("no error");
  } catch (const InputError& e) {
    // yaml-cpp finds the flow sequence unclosed where the YAML ends: the closing fence's line.
    CHECK(e.where.path == "posts/bad.md");
    CHECK(e.where.line == 4);
    CHECK(e.where.col == 1);
    CHECK(e.where.message == "invalid YAML in front matter: end of sequence flow not found");
  }
}

TEST_CASE("front matter: a bad token on line 3 gives line 3") {
  CHECK(error_of("---\ntitle: Fine\nauthor: `me`\n---\nBody\n") ==
        "posts/bad.md:3:9: error: invalid YAML in front matter: unknown token");
  CHECK(error_of("---\ntitle: Fine\n  bad: indent\n---\n") ==
        "posts/bad.md:3:6: error: invalid YAML in front matter: illegal map value");
}

TEST_CASE("front matter: a list instead of a mapping is an error") {
  CHECK(error_of("---\n- a\n- b\n---\n") == "posts/bad.md:2:1: error: front matter must be a mapping of keys to values");
}

TEST_CASE("front matter: a list where a string belongs is a warning, not an error") {
  Diagnostics diag;
  Post post = parse("---\ntitle: [a, b]\nauthor: Me\n---\nBody\n", diag);
  CHECK(post.title.empty());
  CHECK(post.authors == Strings{"Me"});
  CHECK(diag.errors().empty());
  CHECK(warnings_of(diag) ==
        Strings{"posts/hello.md:2:8: warning: front matter `title`: expected a single value; ignored"});
}

TEST_CASE("front matter: a map where a list belongs is a warning") {
  Diagnostics diag;
  Post post = parse("---\ntags:\n  a: 1\n---\n", diag);
  CHECK(post.tags.empty());
  CHECK(warnings_of(diag) == Strings{"posts/hello.md:3:3: warning: front matter `tags`: expected a value or a list; ignored"});
}

TEST_CASE("front matter: a date that is not a date is a warning, and the file name's date is used") {
  Diagnostics diag;
  Post post = parse("---\ntitle: T\ndate: last Tuesday\n---\n", diag, "posts/2024-01-02-hello.md");
  REQUIRE(post.date);
  CHECK(format_day(*post.date) == "2024-01-02");
  CHECK(warnings_of(diag) ==
        Strings{"posts/2024-01-02-hello.md:3:7: warning: front matter `date`: `last Tuesday` is not a date (expected "
                "e.g. 2025-07-20 02:20:08); ignored"});
}

TEST_CASE("front matter: a boolean that is not one is a warning") {
  Diagnostics diag;
  Post post = parse("---\ntoc: maybe\n---\n", diag);
  CHECK(post.toc);
  CHECK(warnings_of(diag) == Strings{"posts/hello.md:2:6: warning: front matter `toc`: expected true or false; ignored"});
}

TEST_CASE("front matter: the date comes from the file name when the post gives none") {
  Diagnostics diag;
  Post post = parse("---\ntitle: T\n---\n", diag, "posts/2024-01-02-hello.md");
  REQUIRE(post.date);
  CHECK(format_day(*post.date) == "2024-01-02");
  Post own = parse("---\ndate: 2025-05-05\n---\n", diag, "posts/2024-01-02-hello.md");
  CHECK(format_day(*own.date) == "2025-05-05");
}

TEST_CASE("front matter: body_line counts the front matter's lines") {
  Post post = parse("---\na: 1\nb: 2\n---\n\n# Title\n");
  CHECK(post.body_line == 5);
  CHECK(post.body == "\n# Title\n");
}

TEST_CASE("front matter: regression: an empty boolean warned at the line after its key") {
  // `toc:` with no value is absent, like an empty `title:`; it used to warn at the closing fence's line.
  Post post = parse("---\ntitle:\ntoc:\ntoc_number:\ndraft:\npublished:\n---\n");
  CHECK(post.title.empty());
  CHECK(post.toc);
  CHECK_FALSE(post.toc_number);
  CHECK_FALSE(post.draft);
}

TEST_CASE("front matter: YAML errors at other lines") {
  CHECK(error_of("---\ntitle: a\n\ttags: x\n---\n") ==
        "posts/bad.md:3:1: error: invalid YAML in front matter: illegal tab when looking for indentation");
  CHECK(error_of("---\ntitle: a: b\n---\n") == "posts/bad.md:2:9: error: invalid YAML in front matter: illegal map value");
  CHECK(error_of("---\ntitle: &a x\nauthor: *b\n---\n") ==
        "posts/bad.md:3:9: error: invalid YAML in front matter: the referenced anchor is not defined");
  CHECK(error_of("---\nfoo\n---\n") == "posts/bad.md:2:1: error: front matter must be a mapping of keys to values");
}

TEST_CASE("front matter: regression: an alias inside its own anchor overflowed the stack") {
  CHECK(error_of("---\ntags: &a [x, *a]\n---\n") ==
        "posts/bad.md:2:7: error: invalid YAML in front matter: nested more than 100 levels deep");
}

TEST_CASE("front matter: regression: an alias bomb took minutes to walk") {
  std::string yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 8; ++i) {  // b7 stands for 10^8 values
    std::string prev = i == 1 ? "*a0" : "*b" + std::to_string(i - 1), list = prev;
    for (int k = 1; k < 10; ++k) list += ", " + prev;
    yaml += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [" + list + "]\n";
  }
  CHECK(error_of(yaml + "tags: *b7\n---\n").find("more than 100000 values once aliases are expanded") !=
        std::string::npos);
}
