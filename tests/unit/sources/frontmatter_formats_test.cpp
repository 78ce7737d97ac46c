// Posts (frontmatter.h, frontmatter_split.h): front matter in TOML, JSON and Hexo's own forms
// (https://gohugo.io/content-management/front-matter/, https://github.com/hexojs/hexo-front-matter), and Hugo's
// fields.
#include <doctest/doctest.h>

#include "../strings.h"
#include "base/dates.h"
#include "sources/frontmatter.h"
#include "sources/frontmatter_split.h"

using namespace mkepub;

namespace {

Post parse(const std::string& text, bool hexo = false) {
  Diagnostics diag;
  SourceFile source{"posts/hello.md", "posts/hello.md", "posts", text};
  Post post = hexo ? parse_hexo_post(source, diag) : parse_post(source, diag);
  CHECK(diag.warnings().empty());
  CHECK(diag.errors().empty());
  return post;
}

std::string error_of(const std::string& text, bool hexo = false) {
  Diagnostics diag;
  SourceFile source{"posts/bad.md", "posts/bad.md", "posts", text};
  try {
    hexo ? parse_hexo_post(source, diag) : parse_post(source, diag);
  } catch (const InputError& e) {
    return e.where.format("error");
  }
  return "no error";
}

std::string ymd(const std::optional<Date>& d) {
  return d ? std::to_string(d->year) + "-" + std::to_string(d->month) + "-" + std::to_string(d->day) : "none";
}

}  // namespace

TEST_CASE("front matter: TOML between +++ lines, with its dates, arrays and tables") {
  Post post = parse(
      "+++\n"
      "title = \"Hello\"\n"
      "date = 2021-03-04T10:00:00+01:00\n"
      "tags = [\"julia\", \"jump\"]\n"
      "draft = false\n"
      "[params]\n"
      "math = true\n"
      "+++\n"
      "Text.\n");
  CHECK(post.title == "Hello");
  CHECK(ymd(post.date) == "2021-3-4");
  CHECK(post.tags == Strings{"julia", "jump"});
  CHECK(!post.draft);
  CHECK(post.body == "Text.\n");
  CHECK(post.body_line == 9);
}

TEST_CASE("front matter: invalid TOML is an error at its line and column in the post") {
  CHECK(error_of("+++\ntitle = \"A\"\ntags = [\n+++\n") ==
        "posts/bad.md:3:10: error: invalid TOML in front matter: error while parsing array: encountered end-of-file");
  CHECK(error_of("+++\ntitle = \"A\"\n").starts_with("posts/bad.md:1:1: error: TOML front matter opened here"));
}

TEST_CASE("front matter, Hugo: blank lines before the opening delimiter are skipped, as Hugo's page lexer does") {
  Diagnostics diag;
  SourceFile source{"posts/hello.md", "posts/hello.md", "posts", "\n  \n+++\ntitle = \"T\"\n+++\nBody.\n"};
  Post post = parse_hugo_post(source, diag);
  CHECK(post.title == "T");
  CHECK(post.body == "Body.\n");
  CHECK(post.body_line == 6);
  CHECK(diag.warnings().empty());

  SourceFile bad{"posts/bad.md", "posts/bad.md", "posts", "\n\n+++\ntitle = [\n+++\n"};
  try {
    parse_hugo_post(bad, diag);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where.format("error").starts_with("posts/bad.md:4:"));
  }
  // Jekyll reads front matter only from the first line; blank lines first make it text.
  source.text = "\n---\ntitle: T\n---\nBody.\n";
  Post jekyll = parse_post(source, diag);
  CHECK(jekyll.title.empty());
  CHECK(jekyll.body == "\n---\ntitle: T\n---\nBody.\n");
  // Blank lines followed by prose: nothing is cut.
  source.text = "\n\nJust text.\n";
  CHECK(parse_hugo_post(source, diag).body == "\n\nJust text.\n");
}

TEST_CASE("front matter: a JSON object at the start (Hugo), the body after its closing brace") {
  Post post = parse("{\n  \"title\": \"Brace } in a string\",\n  \"tags\": [\"a\"]\n}\nBody {{< x >}}\n");
  CHECK(post.title == "Brace } in a string");
  CHECK(post.tags == Strings{"a"});
  CHECK(post.body == "Body {{< x >}}\n");
  CHECK(post.body_line == 5);
  // `{{` and `{%` open template tags, not objects.
  CHECK(parse("{{< figure src=\"a.png\" >}}\n").body == "{{< figure src=\"a.png\" >}}\n");
  CHECK(parse("{% raw %}x{% endraw %}\n").title == "");
}

TEST_CASE("front matter: Hugo's fields: weight, slug, url, aliases, publishDate, lastmod, summary") {
  Post post = parse(
      "---\ntitle: A\nweight: 20\nslug: my-a\nurl: /a/here/\naliases: [/old/a/, /older/a]\n"
      "publishDate: 2020-01-02\nlastmod: 2020-05-06\nsummary: Short.\n---\n");
  CHECK(post.weight == 20);
  CHECK(post.slug == "my-a");
  CHECK(post.url == "/a/here/");
  CHECK(post.aliases == Strings{"/old/a/", "/older/a"});
  CHECK(ymd(post.date) == "2020-1-2");
  CHECK(ymd(post.updated) == "2020-5-6");
  CHECK(post.description == "Short.");
  CHECK(post.left_out.empty());
}

TEST_CASE("front matter: headless bundles and build options that never list a page are left out") {
  CHECK(parse("---\nheadless: true\n---\n").left_out == "headless bundle");
  CHECK(parse("+++\n[build]\nlist = \"never\"\n+++\n").left_out == "`build.list: never`");
  CHECK(parse("---\n_build:\n  render: never\n---\n").left_out == "`build.render: never`");
  CHECK(parse("---\nbuild:\n  list: always\n---\n").left_out.empty());
  CHECK(parse("---\npublished: false\n---\n").draft);  // Jekyll's switch, still
}

TEST_CASE("front matter, Hexo: JSON between triple-semicolon lines, its inside wrapped in braces") {
  Post post = parse(";;;\n\"title\": \"Hello\",\n\"tags\": [\"x\"]\n;;;\nBody\n", true);
  CHECK(post.title == "Hello");
  CHECK(post.tags == Strings{"x"});
  CHECK(post.body == "Body\n");
  // JSON that does not parse is no front matter to Hexo: the whole post is its text.
  CHECK(parse(";;;\ntitle: no\n;;;\nBody\n", true).body == ";;;\ntitle: no\n;;;\nBody\n");
}

TEST_CASE("front matter, Hexo: without the opening ---, up to the first separator line") {
  Post post = parse("title: Hello\ndate: 2019-01-02\n---\nBody\n", true);
  CHECK(post.title == "Hello");
  CHECK(ymd(post.date) == "2019-1-2");
  CHECK(post.body == "Body\n");
  CHECK(post.body_line == 4);
  // Not a mapping: a paragraph above a thematic break, a heading (a YAML comment) above one.
  CHECK(parse("Some text.\n\n---\n\nMore.\n", true).body == "Some text.\n\n---\n\nMore.\n");
  CHECK(parse("# Title\n---\nMore.\n", true).body == "# Title\n---\nMore.\n");
  // Not YAML at all (a table's delimiter row opens with ---): the post as written.
  CHECK(parse("| a | b: c |\n---|---\n| 1 | 2 |\n", true).title == "");
  // Other dialects read a file without an opening --- as all body.
  CHECK(parse("title: Hello\n---\nBody\n").body == "title: Hello\n---\nBody\n");
}

TEST_CASE("front matter, Hexo: the closing separator is the opening one, and an unclosed one is text") {
  Post post = parse("----\ntitle: A\n----\nBody\n", true);
  CHECK(post.title == "A");
  CHECK(post.body == "Body\n");
  CHECK(parse("----\ntitle: A\n---\nBody\n", true).body == "----\ntitle: A\n---\nBody\n");
  CHECK(parse("---\nNot closed.\n", true).body == "---\nNot closed.\n");
  CHECK(error_of("---\nNot closed.\n") != "no error");  // Hugo and Jekyll: an error, as before
}

TEST_CASE("front matter, Hexo: lines indented with hard tabs read as two spaces a tab") {
  Post post = parse("---\ntitle: A\ntags:\n\t- one\n\t- two\nauthor:\n\tname: Ann\n---\n", true);
  CHECK(post.tags == Strings{"one", "two"});
  CHECK(post.authors == Strings{"Ann"});
  // A YAML error after the tabs is reported at the file's own column.
  CHECK(error_of("---\ntags:\n\t- [one\n---\n", true).starts_with("posts/bad.md:4:1: error: invalid YAML"));
}

TEST_CASE("escape_yaml_tabs: leading tabs after a newline, two spaces each, columns given back") {
  std::string yaml = "a:\t1\n\t\tb: 2\n\tc: 3\n";
  auto tabs = escape_yaml_tabs(yaml);
  CHECK(yaml == "a:\t1\n    b: 2\n  c: 3\n");
  CHECK(tabs == std::vector<int>{0, 2, 1, 0});
  CHECK(original_column(tabs, 1, 5) == 3);  // `b` after two tabs
  CHECK(original_column(tabs, 1, 3) == 2);  // inside the second tab's spaces
  CHECK(original_column(tabs, 0, 4) == 4);
}
