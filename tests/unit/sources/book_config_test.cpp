// Book config (config.h): mkepub.yaml as a string in, Options out; globs and paths on folders made here.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <unistd.h>

#include "sources/book_config.h"
#include "../strings.h"

using namespace mkepub;

namespace {

std::string errors_of(const Diagnostics& diag) {
  std::string out;
  for (const auto& d : diag.errors()) out += d.format("error") + "\n";
  return out;
}

// A folder with posts/2019-a.md, posts/2019-b.md, posts/2020-c.md, posts/deep/x/2019-d.md, cover.png.
struct ConfigDir {
  fs::path path;
  ConfigDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() / ("mkepub-config-test-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    for (const char* f : {"posts/2019-a.md", "posts/2019-b.md", "posts/2020-c.md", "posts/deep/x/2019-d.md",
                          "posts/.hidden.md", "cover.png"}) {
      fs::create_directories((path / f).parent_path());
      std::ofstream(path / f) << "# x\n";
    }
  }
  ~ConfigDir() { fs::remove_all(path); }
  std::string rel(const fs::path& p) const { return p.lexically_relative(path).generic_string(); }
};

std::vector<Options> read(const std::string& yaml, const fs::path& file, const Options& cli = {},
                          const std::set<std::string>& given = {}) {
  Diagnostics diag;
  auto books = read_book_config(yaml, file, cli, given, diag);
  CHECK(errors_of(diag) == "");
  return books;
}

std::string error_of(const std::string& yaml, const fs::path& file = "mkepub.yaml") {
  Diagnostics diag;
  auto books = read_book_config(yaml, file, {}, {}, diag);
  CHECK(books.empty());
  return errors_of(diag);
}

Strings rel_inputs(const ConfigDir& d, const Options& o) {
  Strings out;
  for (const auto& p : o.inputs) out.push_back(d.rel(p));
  return out;
}

}  // namespace

TEST_CASE("config: a full single-book config") {
  ConfigDir d;
  Options cli;
  cli.jobs = 2;
  cli.quiet = true;
  cli.source_date_epoch = 42;
  auto books = read(R"(title: Collected Posts
subtitle: 2019-2020
authors: [Ann, Bob]
language: ja
publisher: Self
rights: CC BY 4.0
identifier: urn:isbn:9780000000000
description: All of them.
cover: cover.png
series: Posts
series_index: 2
sources: posts
filters:
  tags: [cpp, rust]
  categories: notes
  drafts: true
sort: name
toc_depth: 2
image_max: 1600
fonts: [Noto Serif CJK JP, fonts/Extra.otf]
mono_font: Noto Sans Mono
vertical: true
templates: tpl
output: out/book.epub
keep_going: yes
)",
                    d.path / "mkepub.yaml", cli);
  REQUIRE(books.size() == 1);
  const Options& o = books[0];
  CHECK(o.title == "Collected Posts");
  CHECK(o.subtitle == "2019-2020");
  CHECK(o.authors == Strings{"Ann", "Bob"});
  CHECK(o.language == "ja");
  CHECK(o.publisher == "Self");
  CHECK(o.rights == "CC BY 4.0");
  CHECK(o.identifier == "urn:isbn:9780000000000");
  CHECK(o.description == "All of them.");
  CHECK(o.cover == d.path / "cover.png");
  CHECK(o.series == "Posts");
  CHECK(o.series_index == "2");
  CHECK(rel_inputs(d, o) == Strings{"posts"});
  CHECK(o.filters.tags == Strings{"cpp", "rust"});
  CHECK(o.filters.categories == Strings{"notes"});
  CHECK(o.filters.drafts);
  CHECK(o.sort == Options::Sort::name);
  CHECK(o.sort_given);
  CHECK(o.toc_depth == 2);
  CHECK(o.image_max == 1600);
  CHECK(o.fonts == Strings{"Noto Serif CJK JP", (d.path / "fonts/Extra.otf").string()});
  CHECK(o.mono_font == "Noto Sans Mono");
  CHECK(o.vertical);
  CHECK(o.templates == d.path / "tpl");
  CHECK(o.output == d.path / "out/book.epub");
  CHECK(o.keep_going);
  // What only the command line says is kept.
  CHECK(o.jobs == 2);
  CHECK(o.quiet);
  CHECK(o.source_date_epoch == 42);
}

TEST_CASE("config: `author` is `authors`, and without sources the config's folder is the source") {
  ConfigDir d;
  auto books = read("author: Ann\n", d.path / "mkepub.yaml");
  REQUIRE(books.size() == 1);
  CHECK(books[0].authors == Strings{"Ann"});
  CHECK(books[0].inputs == std::vector<fs::path>{d.path});
  CHECK(books[0].sort_given == false);

  auto empty = read("", "mkepub.yaml");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].inputs == std::vector<fs::path>{"."});
}

TEST_CASE("config: books share the top-level defaults, each overriding what it sets") {
  ConfigDir d;
  auto books = read(R"(title: The Blog
authors: Ann
language: en
sources: posts
books:
  - output: y2019.epub
    filters: {from: 2019-01-01, to: 2019-12-31}
  - title: The Blog, 2020
    sources: [posts/2020-c.md]
    toc_depth: 1
)",
                    d.path / "mkepub.yaml");
  REQUIRE(books.size() == 2);
  CHECK(books[0].title == "The Blog");
  CHECK(books[0].authors == Strings{"Ann"});
  CHECK(books[0].output == d.path / "y2019.epub");
  CHECK(rel_inputs(d, books[0]) == Strings{"posts"});
  REQUIRE(books[0].filters.from);
  CHECK(books[0].filters.from->year == 2019);
  CHECK(books[0].filters.to->month == 12);
  CHECK(books[1].title == "The Blog, 2020");
  CHECK(books[1].authors == Strings{"Ann"});
  CHECK(books[1].language == "en");
  CHECK(books[1].output.empty());  // the driver names it
  CHECK(rel_inputs(d, books[1]) == Strings{"posts/2020-c.md"});
  CHECK(books[1].toc_depth == 1);
  CHECK(books[0].toc_depth == 3);
  CHECK_FALSE(books[1].filters.from);
}

TEST_CASE("config: flags the user gave win over the config") {
  ConfigDir d;
  Options cli;
  cli.title = "From the flag";
  cli.authors = {"Flag Author"};
  cli.fonts = {"Flag Font"};
  cli.toc_depth = 4;
  cli.output = "/tmp/cli.epub";
  auto books = read("title: T\nauthor: A\nfonts: F\ntoc_depth: 1\nlanguage: de\noutput: o.epub\n", d.path / "m.yaml",
                    cli, {"title", "author", "font", "toc-depth", "output"});
  REQUIRE(books.size() == 1);
  CHECK(books[0].title == "From the flag");
  CHECK(books[0].authors == Strings{"Flag Author"});
  CHECK(books[0].fonts == Strings{"Flag Font"});
  CHECK(books[0].toc_depth == 4);
  CHECK(books[0].output == "/tmp/cli.epub");
  CHECK(books[0].language == "de");

  // In an anthology -o names the folder: a book's own file name goes into it.
  auto many = read("books:\n  - output: out/a.epub\n  - title: B\n", d.path / "m.yaml", cli, {"output"});
  REQUIRE(many.size() == 2);
  CHECK(many[0].output == "/tmp/cli.epub/a.epub");
  CHECK(many[1].output.empty());
}

TEST_CASE("config: an unknown key is an error listing the valid keys") {
  CHECK(
      error_of("title: A\nauthors: B\ntitel: C\n") ==
      "mkepub.yaml:3:1: error: unknown key `titel` (did you mean `title`?); valid keys: authors, cover, description, filters, fonts, "
      "highlight, highlight_style, identifier, image_max, keep_going, language, mono_font, output, publisher, rights, "
      "series, series_index, sort, "
      "sources, subtitle, templates, title, toc_depth, vertical; and books, a list of books\n");
  CHECK(
      error_of("books:\n  - title: A\n    tilte: B\n") ==
      "mkepub.yaml:3:5: error: unknown key `tilte` (did you mean `title`?); valid keys: authors, cover, description, filters, fonts, "
      "highlight, highlight_style, identifier, image_max, keep_going, language, mono_font, output, publisher, rights, "
      "series, series_index, sort, "
      "sources, subtitle, templates, title, toc_depth, vertical\n");
  CHECK(error_of("filters:\n  tag: [a]\n") ==
        "mkepub.yaml:2:3: error: unknown key `tag` (did you mean `tags`?); valid keys: categories, drafts, from, tags, to\n");
  CHECK(error_of("image_max: -1\n").find("mkepub.yaml:1:") == 0);
  CHECK(error_of("books:\n  - books: []\n") == "mkepub.yaml:2:5: error: `books` cannot appear inside a book\n");
}

TEST_CASE("config: values of the wrong kind are errors at their line") {
  CHECK(error_of("title:\n  - A\n  - B\n") == "mkepub.yaml:2:3: error: `title`: expected a string, not a list\n");
  CHECK(error_of("language: {a: b}\n") == "mkepub.yaml:1:11: error: `language`: expected a string, not a map\n");
  CHECK(error_of("vertical: maybe\n") == "mkepub.yaml:1:11: error: `vertical`: expected true or false\n");
  CHECK(error_of("toc_depth: 7\n") == "mkepub.yaml:1:12: error: `toc_depth`: expected a number from 1 to 6\n");
  CHECK(error_of("sort: size\n") == "mkepub.yaml:1:7: error: `sort`: expected date or name, not `size`\n");
  // EPUB's group-position: a number, or numbers separated by dots (volume 98, issue 4: 98.4).
  CHECK(error_of("series_index: second\n") ==
        "mkepub.yaml:1:15: error: `series_index`: expected a number such as 2 or 98.4, not `second`\n");
  CHECK(error_of("series_index: -1\n") ==
        "mkepub.yaml:1:15: error: `series_index`: expected a number such as 2 or 98.4, not `-1`\n");
  CHECK(error_of("books: x\n") == "mkepub.yaml:1:8: error: `books`: expected a list of books, each a map of keys\n");
  CHECK(error_of("books:\n  - title: A\noutput: x.epub\n") ==
        "mkepub.yaml:3:9: error: `output` at the top level would give every book the same file; set it in each "
        "book\n");
  // Every error of the file is reported, not only the first.
  CHECK(error_of("title: [A]\nvertical: 3\n") ==
        "mkepub.yaml:1:8: error: `title`: expected a string, not a list\n"
        "mkepub.yaml:2:11: error: `vertical`: expected true or false\n");
}

TEST_CASE("config: invalid YAML is an error at its line and column") {
  CHECK(error_of("title: A\nauthors: [B\n", "books/mkepub.yaml") ==
        "books/mkepub.yaml:3:1: error: invalid YAML in mkepub.yaml: end of sequence flow not found\n");
  CHECK(error_of("- a\n- b\n") == "mkepub.yaml:1:1: error: mkepub.yaml must be a map of keys to values\n");
}

TEST_CASE("config: filters take dates, and a date that is not one is an error") {
  auto books = read("filters:\n  from: 2019-03-01\n  to: 2020-06-30 12:00:00\n  tags: cpp\n  drafts: false\n",
                    "mkepub.yaml");
  REQUIRE(books.size() == 1);
  const Filters& f = books[0].filters;
  REQUIRE(f.from);
  REQUIRE(f.to);
  CHECK(f.from->year == 2019);
  CHECK(f.from->month == 3);
  CHECK(f.from->day == 1);
  CHECK(f.to->year == 2020);
  CHECK(f.to->hour == 12);
  CHECK(f.tags == Strings{"cpp"});
  CHECK_FALSE(f.drafts);
  CHECK(error_of("filters:\n  from: last spring\n") ==
        "mkepub.yaml:2:9: error: `from`: `last spring` is not a date\n");
  CHECK(error_of("filters: [a]\n") ==
        "mkepub.yaml:1:10: error: `filters`: expected a map of tags, categories, from, to, drafts\n");
}

TEST_CASE("config: sources are globs, sorted, with ** for any depth") {
  ConfigDir d;
  auto file = d.path / "mkepub.yaml";
  auto one = read("sources: posts/2019-*.md\n", file);
  REQUIRE(one.size() == 1);
  CHECK(rel_inputs(d, one[0]) == Strings{"posts/2019-a.md", "posts/2019-b.md"});

  auto deep = read("sources: ['posts/**/2019-*.md', 'posts/2020-?.md']\n", file);
  REQUIRE(deep.size() == 1);
  CHECK(rel_inputs(d, deep[0]) ==
        Strings{"posts/2019-a.md", "posts/2019-b.md", "posts/deep/x/2019-d.md", "posts/2020-c.md"});

  auto all = read("sources: 'posts/**/*.md'\n", file);
  REQUIRE(all.size() == 1);
  CHECK(rel_inputs(d, all[0]) ==
        Strings{"posts/2019-a.md", "posts/2019-b.md", "posts/2020-c.md", "posts/deep/x/2019-d.md"});

  Diagnostics diag;
  CHECK(read_book_config("sources:\n  - posts\n  - posts/2018-*.md\n  - missing.md\n", file, {}, {}, diag).empty());
  CHECK(errors_of(diag) == file.string() + ":3:5: error: `sources`: `posts/2018-*.md` matches nothing\n" +
                               file.string() + ":4:5: error: `sources`: `missing.md` does not exist\n");
}

TEST_CASE("config: globs stay inside the config's folder and its explicit sources folders, with warnings") {
  ConfigDir d;
  const fs::path outside = d.path.parent_path() / (d.path.filename().string() + "-outside");
  fs::create_directories(outside / "deep");
  std::ofstream(outside / "secret.md") << "# x\n";
  std::ofstream(outside / "deep/2019-z.md") << "# x\n";
  fs::create_symlink(outside / "secret.md", d.path / "posts/2019-evil.md");
  fs::create_symlink(outside, d.path / "linked");
  fs::create_symlink(outside, d.path / "posts/deep/out");
  auto file = d.path / "mkepub.yaml";
  const std::string out = "../" + outside.filename().string(), root = "/*/" + outside.filename().string();
  Diagnostics diag;
  auto books = read_book_config("sources:\n  - posts/2019-*.md\n  - " + out + "/*.md\n  - linked/*\n" +
                                    "  - posts/**/2019-*.md\n  - " + root + "/*.md\n",
                                file, {}, {}, diag);
  CHECK(errors_of(diag) == "");
  Strings warnings;
  for (const auto& w : diag.warnings()) warnings.push_back(w.format("warning"));
  const std::string at = file.string() + ":", leads = " leads outside the book config's folder; not read",
                    evil = (d.path / "posts/2019-evil.md").string();
  CHECK(warnings == Strings{at + "2:5: warning: `sources`: `posts/2019-*.md` matches `" + evil + "`, which" + leads,
                            at + "3:5: warning: `sources`: `" + out + "/*.md`" + leads,
                            at + "4:5: warning: `sources`: `linked/*`" + leads,
                            at + "5:5: warning: `sources`: `posts/**/2019-*.md` matches `" + evil + "`, which" + leads,
                            at + "6:5: warning: `sources`: `" + root + "/*.md`" + leads});
  REQUIRE(books.size() == 1);
  // ** does not follow posts/deep/out, a symlinked folder: the same as bash's globstar.
  CHECK(rel_inputs(d, books[0]) ==
        Strings{"posts/2019-a.md", "posts/2019-b.md", "posts/2019-a.md", "posts/2019-b.md", "posts/deep/x/2019-d.md"});

  // A folder named outright may be anywhere, and then so may a glob inside it.
  Diagnostics explicit_diag;
  auto explicit_books = read_book_config(
      "sources: [" + out + ", '" + out + "/*.md', linked, 'linked/deep/*.md', '*.png']\n", file, {}, {}, explicit_diag);
  CHECK(errors_of(explicit_diag) == "");
  CHECK(explicit_diag.warnings().empty());
  REQUIRE(explicit_books.size() == 1);
  CHECK(explicit_books[0].inputs ==
        std::vector<fs::path>{(d.path / out).lexically_normal(), (d.path / out / "secret.md").lexically_normal(),
                              d.path / "linked", d.path / "linked/deep/2019-z.md", d.path / "cover.png"});
  fs::remove_all(outside);
}

TEST_CASE("config: paths are relative to the config's folder") {
  ConfigDir d;
  // The config named as a relative path: what it names is relative the same way.
  fs::path cwd = fs::current_path();
  fs::current_path(d.path.parent_path());
  fs::path file = d.path.filename() / "mkepub.yaml";
  auto books = read("sources: [posts/2020-c.md, 'posts/*-a.md']\ncover: cover.png\noutput: ../out.epub\n"
                    "templates: tpl\nfonts: [Serif, cover.png]\n",
                    file);
  fs::current_path(cwd);
  REQUIRE(books.size() == 1);
  const fs::path dir = d.path.filename();
  CHECK(books[0].inputs == std::vector<fs::path>{dir / "posts/2020-c.md", dir / "posts/2019-a.md"});
  CHECK(books[0].cover == dir / "cover.png");
  CHECK(books[0].output == "out.epub");
  CHECK(books[0].templates == dir / "tpl");
  CHECK(books[0].fonts == Strings{"Serif", (dir / "cover.png").string()});
}

TEST_CASE("config: highlight turns highlighting off, highlight_style names a theme, another name is an error") {
  ConfigDir d;
  auto books = read("highlight: false\nhighlight_style: eink\n", d.path / "m.yaml");
  REQUIRE(books.size() == 1);
  CHECK_FALSE(books[0].highlight);
  CHECK(books[0].highlight_style == "eink");
  CHECK(read("title: T\n", d.path / "m.yaml")[0].highlight_style == "default");
  CHECK(error_of("highlight_style: neon\n") ==
        "mkepub.yaml:1:18: error: `highlight_style`: expected one of default, eink, pygments, not `neon`\n");
}
