// Sources (site.h): _config.yml, book.toml and SUMMARY.md as strings in, values out; detect_site on folders made
// here (and removed again), and the corpora's rust-book SUMMARY.md when ../shared/corpora is present.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <unistd.h>

#include "dialects/site.h"
#include "../strings.h"

using namespace mkepub;

namespace {

using Variables = std::map<std::string, std::string>;

std::string formatted(const std::vector<Diagnostic>& list, const char* severity) {
  std::string out;
  for (const auto& d : list) out += d.format(severity) + "\n";
  return out;
}

SiteConfig config_of(const std::string& yaml) {
  Diagnostics diag;
  SiteConfig config = parse_site_config(yaml, "blog/_config.yml", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") == "");
  return config;
}

std::string config_error(const std::string& yaml) {
  Diagnostics diag;
  parse_site_config(yaml, "blog/_config.yml", diag);
  return formatted(diag.errors(), "error");
}

SiteConfig parse_book_toml(const std::string& toml) {
  Diagnostics diag;
  SiteConfig config = mkepub::parse_book_toml(toml, "demo/book.toml", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") == "");
  return config;
}

// One line per entry: kind letter, two spaces per depth, title, and the file relative to `dir` ("-" for none).
Strings outline(const std::vector<SummaryEntry>& entries, const fs::path& dir) {
  Strings out;
  for (const auto& e : entries) {
    const char* kind = e.kind == SummaryEntry::Kind::prefix     ? "P "
                       : e.kind == SummaryEntry::Kind::numbered ? "N "
                       : e.kind == SummaryEntry::Kind::suffix   ? "S "
                                                                : "# ";
    std::string file = e.file.empty() ? "-" : e.file.lexically_relative(dir).generic_string();
    out.push_back(kind + std::string(2 * e.depth, ' ') + e.title + " -> " + file);
  }
  return out;
}

Strings outline(const std::string& markdown) {
  const fs::path dir = "/books/demo/src";
  return outline(parse_summary(markdown, dir), dir);
}

// A fresh folder under the system's temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("mkepub-site-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << text;
  }
  void mkdir(const std::string& relative) const { fs::create_directories(path / relative); }
};

Strings relative_paths(const std::vector<fs::path>& paths, const fs::path& root) {
  Strings out;
  for (const auto& p : paths) out.push_back(p.lexically_relative(root).generic_string());
  return out;
}

const char* kHexoConfig =
    "# Site\n"
    "title: Hexo\n"
    "subtitle: \"A fast, simple & powerful blog framework\"\n"
    "description: \"Hexo is a fast blog framework.\"\n"
    "author: Hexo\n"
    "language: en\n"
    "timezone: UTC\n"
    "\n"
    "url: https://hexo.io\n"
    "permalink: news/:year/:month/:day/:title/\n"
    "new_post_name: :year-:month-:day-:title.md # File name of new posts\n"
    "post_asset_folder: true\n"
    "per_page: 0\n"
    "pretty_urls:\n"
    "  trailing_index: false\n"
    "theme: navy\n"
    "algolia:\n"
    "  app_id: ABC123\n"
    "twitter: hexojs\n";

}  // namespace

TEST_CASE("site config: a Hexo _config.yml") {
  SiteConfig c = config_of(kHexoConfig);
  CHECK(c.title == "Hexo");
  CHECK(c.subtitle == "A fast, simple & powerful blog framework");
  CHECK(c.description == "Hexo is a fast blog framework.");
  CHECK(c.author == "Hexo");
  CHECK(c.authors == Strings{"Hexo"});
  CHECK(c.language == "en");
  CHECK(c.permalink == "news/:year/:month/:day/:title/");
  CHECK(c.new_post_name == ":year-:month-:day-:title.md");
  CHECK(c.post_asset_folder);
  CHECK(c.collections.empty());
  CHECK(c.variables == Variables{{"algolia.app_id", "ABC123"},
                                 {"author", "Hexo"},
                                 {"description", "Hexo is a fast blog framework."},
                                 {"language", "en"},
                                 {"new_post_name", ":year-:month-:day-:title.md"},
                                 {"per_page", "0"},
                                 {"permalink", "news/:year/:month/:day/:title/"},
                                 {"post_asset_folder", "true"},
                                 {"pretty_urls.trailing_index", "false"},
                                 {"subtitle", "A fast, simple & powerful blog framework"},
                                 {"theme", "navy"},
                                 {"timezone", "UTC"},
                                 {"title", "Hexo"},
                                 {"twitter", "hexojs"},
                                 {"url", "https://hexo.io"}});
}

TEST_CASE("site config: author as a map or a list, language as a list, list items numbered") {
  SiteConfig c = config_of(
      "author:\n"
      "  name: Ann Author\n"
      "  email: ann@example.com\n"
      "language: [zh-CN, en]\n"
      "menu:\n"
      "  - Home\n"
      "  - About\n"
      "social: {github: ann}\n");
  CHECK(c.author == "Ann Author");
  CHECK(c.language == "zh-CN");
  CHECK(c.post_asset_folder == false);
  CHECK(c.variables == Variables{{"author.email", "ann@example.com"},
                                 {"author.name", "Ann Author"},
                                 {"language.0", "zh-CN"},
                                 {"language.1", "en"},
                                 {"menu.0", "Home"},
                                 {"menu.1", "About"},
                                 {"social.github", "ann"}});

  SiteConfig list = config_of("author:\n  - Ann\n  - name: Bob, Jr.\n");
  CHECK(list.authors == Strings{"Ann", "Bob, Jr."});
  CHECK(list.author == "Ann, Bob, Jr.");

  // Themes' `language: default` says nothing about the text; Jekyll's `lang` is the fallback.
  CHECK(config_of("language: default\n").language == "");
  CHECK(config_of("lang: fr\n").language == "fr");
  CHECK(config_of("language: de\nlang: fr\n").language == "de");
}

TEST_CASE("site config: an empty file or only comments is an empty config") {
  SiteConfig c = config_of("");
  CHECK(c.title == "");
  CHECK(c.variables.empty());
  CHECK(config_of("# nothing yet\n").variables.empty());
}

TEST_CASE("site config: invalid YAML is an error at its line and column") {
  CHECK(config_error("title: Blog\nauthor: Ann: Author\n") ==
        "blog/_config.yml:2:12: error: invalid YAML in _config.yml: illegal map value\n");
  CHECK(config_error("title: Blog\n\tauthor: Ann\n") ==
        "blog/_config.yml:2:1: error: invalid YAML in _config.yml: illegal tab when looking for indentation\n");
  CHECK(config_error("aliases:\n  - %\n") ==
        "blog/_config.yml:2:5: error: invalid YAML in _config.yml: unknown token\n");
  // An unclosed flow list is found where the text ends.
  CHECK(config_error("title: Blog\nmenu: [Home, About\n") ==
        "blog/_config.yml:3:1: error: invalid YAML in _config.yml: end of sequence flow not found\n");
  CHECK(config_error("title: Blog\n  bad: indent\n") ==
        "blog/_config.yml:2:6: error: invalid YAML in _config.yml: illegal map value\n");
}

TEST_CASE("site config: a document that is not a map is an error") {
  CHECK(config_error("- a\n- b\n") == "blog/_config.yml:1:1: error: _config.yml must be a mapping of keys to values\n");
  CHECK(config_error("just text\n") == "blog/_config.yml:1:1: error: _config.yml must be a mapping of keys to values\n");
}

TEST_CASE("site config: a value of the wrong kind is a warning and is ignored") {
  Diagnostics diag;
  SiteConfig c = parse_site_config("title:\n  - a\n  - b\npost_asset_folder: maybe\nauthor: Ann\n",
                                   "blog/_config.yml", diag);
  CHECK(c.title == "");
  CHECK(c.post_asset_folder == false);
  CHECK(c.author == "Ann");
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") ==
        "blog/_config.yml:2:3: warning: `title`: expected a single value; ignored\n"
        "blog/_config.yml:4:20: warning: `post_asset_folder`: expected true or false; ignored\n");
}

TEST_CASE("site config: Jekyll collections as a list or a map") {
  SiteConfig list = config_of("title: Docs\ncollections:\n  - recipes\n  - docs\n");
  CHECK(list.collections == Strings{"recipes", "docs"});
  SiteConfig map = config_of(
      "collections_dir: my_collections\n"
      "collections:\n"
      "  staff:\n"
      "    output: true\n"
      "  docs:\n"
      "    permalink: /:path/\n");
  CHECK(map.collections == Strings{"staff", "docs"});
  CHECK(map.variables == Variables{{"collections.docs.permalink", "/:path/"},
                                   {"collections.staff.output", "true"},
                                   {"collections_dir", "my_collections"}});
}

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

TEST_CASE("summary: mdBook's format, every kind of entry") {
  CHECK(outline("# Summary\n"
                "\n"
                "[Introduction](README.md)\n"
                "[Foreword](./foreword.md)\n"
                "\n"
                "---\n"
                "\n"
                "# Guide\n"
                "\n"
                "- [Getting Started](guide/start.md)\n"
                "  - [Installing](guide/install.md)\n"
                "    - [On Linux](guide/linux.md)\n"
                "  - [Draft]()\n"
                "- [Reading](guide/reading.md)\n"
                "\n"
                "---\n"
                "\n"
                "# Reference\n"
                "\n"
                "* [CLI](cli/README.md)\n"
                "    * [init](cli/init.md)\n"
                "\n"
                "---\n"
                "\n"
                "[Contributors](misc/contributors.md)\n") ==
        Strings{"P Introduction -> README.md",
                "P Foreword -> foreword.md",
                "# Guide -> -",
                "N Getting Started -> guide/start.md",
                "N   Installing -> guide/install.md",
                "N     On Linux -> guide/linux.md",
                "N   Draft -> -",
                "N Reading -> guide/reading.md",
                "# Reference -> -",
                "N CLI -> cli/README.md",
                "N   init -> cli/init.md",
                "S Contributors -> misc/contributors.md"});
}

TEST_CASE("summary: files are absolute, normalised paths under the SUMMARY's folder") {
  auto entries = parse_summary("- [A](./a/../b/c.md)\n", "/books/demo/src");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].file == fs::path("/books/demo/src/b/c.md"));
  CHECK(entries[0].depth == 0);
  CHECK(entries[0].kind == SummaryEntry::Kind::numbered);
}

TEST_CASE("summary: link targets percent-encoded, in angle brackets, with fragments, titles or schemes") {
  CHECK(outline("- [Spaces](my%20chapter.md)\n"
                "- [Angle](<other chapter.md>)\n"
                "- [Fragment](ch1.md#intro)\n"
                "- [Link title](ch2.md \"Chapter two\")\n"
                "- [Root](/appendix/a.md)\n"
                "- [Unicode](%E4%B8%AD%E6%96%87.md)\n"
                "- [Parens](ch(3).md)\n"
                "- [Remote](https://example.com/x.md)\n"
                "- Plain title without a link\n") ==
        Strings{"N Spaces -> my chapter.md",
                "N Angle -> other chapter.md",
                "N Fragment -> ch1.md",
                "N Link title -> ch2.md",
                "N Root -> appendix/a.md",
                "N Unicode -> 中文.md",
                "N Parens -> ch(3).md",
                "N Remote -> -",
                "N Plain title without a link -> -"});
}

TEST_CASE("summary: titles lose their Markdown markup") {
  CHECK(outline("- [The `match` Control Flow](a.md)\n"
                "- [Using `Box<T>` on the *Heap*](b.md)\n"
                "- [**Bold** and _em_ and ~~gone~~](c.md)\n"
                "- [snake_case stays, 2 * 3 too](d.md)\n"
                "- [Escaped \\*star\\* \\[x\\]](e.md)\n"
                "- [`a_b` and ``x`y``](f.md)\n"
                "- [Fish &amp; Chips](g.md)\n"
                "- [  spaced   out  ](h.md)\n") ==
        Strings{"N The match Control Flow -> a.md",
                "N Using Box<T> on the Heap -> b.md",
                "N Bold and em and gone -> c.md",
                "N snake_case stays, 2 * 3 too -> d.md",
                "N Escaped *star* [x] -> e.md",
                "N a_b and x`y -> f.md",
                "N Fish & Chips -> g.md",
                "N spaced out -> h.md"});
}

TEST_CASE("summary: GitBook's variant, tabs and odd indentation") {
  CHECK(outline("# Table of contents\n"
                "\n"
                "* [Read me](README.md)\n"
                "\n"
                "## Basics\n"
                "\n"
                "* [One](basics/one.md)\n"
                "\t* [One a](basics/one-a.md)\n"
                "\t\t* [One a i](basics/one-a-i.md)\n"
                "* [Two](basics/two.md)\n"
                "   + [Two a](basics/two-a.md)\n"
                "\n"
                "## Advanced\n"
                "\n"
                "1. [Three](advanced/three.md)\n"
                "   1. [Three a](advanced/three-a.md)\n"
                "<!-- - [Hidden](hidden.md) -->\n"
                "2. [Four](advanced/four.md)\n") ==
        Strings{"N Read me -> README.md",
                "# Basics -> -",
                "N One -> basics/one.md",
                "N   One a -> basics/one-a.md",
                "N     One a i -> basics/one-a-i.md",
                "N Two -> basics/two.md",
                "N   Two a -> basics/two-a.md",
                "# Advanced -> -",
                "N Three -> advanced/three.md",
                "N   Three a -> advanced/three-a.md",
                "N Four -> advanced/four.md"});
}

TEST_CASE("summary: without a title line, a first heading is still the title, and nothing is no entries") {
  CHECK(outline("[Only](only.md)\n- [List](list.md)\n") == Strings{"P Only -> only.md", "N List -> list.md"});
  CHECK(outline("# Part One\n- [A](a.md)\n# Part Two\n- [B](b.md)\n") ==
        Strings{"N A -> a.md", "# Part Two -> -", "N B -> b.md"});
  CHECK(outline("").empty());
  CHECK(outline("# Summary\n\nSome prose, no links.\n").empty());
}

TEST_CASE("summary: the rust-book-en corpus") {
  const fs::path dir = fs::path(MKEPUB_SOURCE_DIR) / ".." / "shared" / "corpora" / "rust-book-en";
  if (!fs::is_regular_file(dir / "SUMMARY.md")) {
    MESSAGE("skipped: " << dir.string() << " is absent");
    return;
  }
  std::ifstream in(dir / "SUMMARY.md", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto entries = parse_summary(text, dir);
  REQUIRE(entries.size() == 111);
  int prefix = 0, top = 0, nested = 0, other = 0, missing = 0;
  for (const auto& e : entries) {
    if (e.kind == SummaryEntry::Kind::prefix && e.depth == 0) ++prefix;
    else if (e.kind == SummaryEntry::Kind::numbered && e.depth == 0) ++top;
    else if (e.kind == SummaryEntry::Kind::numbered && e.depth == 1) ++nested;
    else ++other;
    if (!fs::is_regular_file(e.file)) ++missing;
  }
  CHECK(prefix == 3);
  CHECK(top == 22);
  CHECK(nested == 86);
  CHECK(other == 0);
  CHECK(missing == 0);
  CHECK(entries.front().title == "The Rust Programming Language");
  CHECK(entries.front().file == (dir / "title-page.md").lexically_normal());
  CHECK(entries[3].title == "Getting Started");
  CHECK(entries[4].title == "Installation");
  CHECK(entries.back().title == "G - How Rust is Made and “Nightly Rust”");
  CHECK(entries.back().file == (dir / "appendix-07-nightly-rust.md").lexically_normal());
  CHECK(entries.back().depth == 1);
  // Code spans in titles keep their text.
  bool found = false;
  for (const auto& e : entries) found = found || e.title == "Using Box<T> to Point to Data on the Heap";
  CHECK(found);
}

TEST_CASE("detect_site: a Hexo site") {
  TempDir t;
  t.write("_config.yml", kHexoConfig);
  t.write("source/_posts/2024-01-01-hello.md", "---\ntitle: Hello\n---\n");
  t.mkdir("source/images");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.kind == Site::Kind::hexo);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path / "source");
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"source/_posts"});
  CHECK(site.config.title == "Hexo");
  CHECK(site.config.post_asset_folder);
  CHECK(site.summary.empty());
}

TEST_CASE("detect_site: a Hexo site with its source_dir renamed") {
  TempDir t;
  t.write("_config.yml", "title: Renamed\nsource_dir: content\n");
  t.mkdir("content/_posts");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(site.kind == Site::Kind::hexo);
  CHECK(site.source_dir == t.path / "content");
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"content/_posts"});
}

TEST_CASE("detect_site: a Jekyll site with collections") {
  TempDir t;
  t.write("_config.yml", "title: Jekyll\ncollections:\n  recipes:\n    output: true\n  missing: {}\n  posts: {}\n");
  t.mkdir("_posts");
  t.mkdir("_recipes");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.kind == Site::Kind::jekyll);
  CHECK(site.source_dir == t.path);
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"_posts", "_recipes"});
  CHECK(site.config.title == "Jekyll");
}

TEST_CASE("detect_site: a Jekyll site of collections only, under collections_dir") {
  TempDir t;
  t.write("_config.yml", "collections_dir: things\ncollections: [docs]\n");
  t.mkdir("things/_docs");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(site.kind == Site::Kind::jekyll);
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"things/_docs"});
}

TEST_CASE("detect_site: an mdBook book with book.toml and src/SUMMARY.md") {
  TempDir t;
  t.write("book.toml", "[book]\ntitle = \"Demo\"\nauthors = [\"Ann\", \"Bob\"]\nlanguage = \"zh-CN\"\n");
  t.write("src/SUMMARY.md", "# Summary\n\n[Intro](intro.md)\n\n- [One](one.md)\n  - [One a](one/a.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.kind == Site::Kind::book);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path / "src");
  CHECK(site.post_dirs.empty());
  CHECK(outline(site.summary, t.path) == Strings{"P Intro -> src/intro.md", "N One -> src/one.md",
                                                 "N   One a -> src/one/a.md"});
  CHECK(site.config.title == "Demo");
  CHECK(site.config.authors == Strings{"Ann", "Bob"});
  CHECK(site.config.author == "Ann, Bob");
  CHECK(site.config.language == "zh-CN");
}

TEST_CASE("detect_site: book.toml's src names the chapters' folder, never one outside the book") {
  TempDir t;
  t.write("book.toml", "[book]\nsrc = \"text\"\n");
  t.write("text/SUMMARY.md", "- [One](one.md)\n");
  t.write("src/SUMMARY.md", "- [Other](other.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(site.source_dir == t.path / "text");
  CHECK(outline(site.summary, t.path) == Strings{"N One -> text/one.md"});

  TempDir outside;
  outside.write("book.toml", "[book]\nsrc = \"../elsewhere\"\n");
  outside.write("src/SUMMARY.md", "- [One](one.md)\n");
  Site kept = detect_site(outside.path, "demo", diag);
  CHECK(kept.source_dir == outside.path / "src");

  TempDir here;
  here.write("book.toml", "[book]\nsrc = \".\"\n");
  here.write("SUMMARY.md", "- [One](one.md)\n");
  CHECK(detect_site(here.path, "demo", diag).source_dir == here.path);
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("detect_site: a GitBook book, SUMMARY.md at the root") {
  TempDir t;
  t.write("book.json", "{\"title\": \"GitBook\"}\n");
  t.write("SUMMARY.md", "# Summary\n\n* [Introduction](README.md)\n\n## Part\n\n* [Chapter](chapter/README.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "gitbook", diag);
  CHECK(site.kind == Site::Kind::book);
  CHECK(site.source_dir == t.path);
  CHECK(outline(site.summary, t.path) ==
        Strings{"N Introduction -> README.md", "# Part -> -", "N Chapter -> chapter/README.md"});
}

TEST_CASE("detect_site: a folder of posts, also with a _config.yml that names no posts folder") {
  TempDir t;
  t.write("2024-01-01-a.md", "---\ntitle: A\n---\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "posts", diag);
  CHECK(site.kind == Site::Kind::folder);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path);
  CHECK(site.post_dirs == std::vector<fs::path>{t.path});

  t.write("_config.yml", "title: Not yet a blog\n");
  Site with_config = detect_site(t.path, "posts", diag);
  CHECK(with_config.kind == Site::Kind::folder);
  CHECK(with_config.config.title == "Not yet a blog");
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("detect_site: invalid YAML in _config.yml is an error naming the file") {
  TempDir t;
  t.write("_config.yml", "title: Blog\nauthor: [Ann\n");
  t.mkdir("source/_posts");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(formatted(diag.errors(), "error") ==
        "blog/_config.yml:3:1: error: invalid YAML in _config.yml: end of sequence flow not found\n");
  CHECK(site.kind == Site::Kind::hexo);  // the folders still tell the kind; the run fails on the error
  CHECK(site.config.title == "");
}

TEST_CASE("detect_site: a SUMMARY.md that is not UTF-8 is an error naming it") {
  TempDir t;
  t.write("src/SUMMARY.md", "- [Caf\xE9](cafe.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo/", diag);
  CHECK(site.kind == Site::Kind::book);
  CHECK(site.summary.empty());
  CHECK(formatted(diag.errors(), "error") ==
        "demo/src/SUMMARY.md:1:7: error: invalid UTF-8 (the file must be UTF-8 encoded)\n");
}

TEST_CASE("detect_site: an invalid book.toml is a warning, and the book is still read from src/") {
  TempDir t;
  t.write("book.toml", "[book]\ntitle = \"Demo\nsrc = \"text\"\n");
  t.write("src/SUMMARY.md", "- [One](one.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(site.kind == Site::Kind::book);
  CHECK(site.source_dir == t.path / "src");
  CHECK(site.config.title == "");
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") ==
        "demo/book.toml:2:14: warning: invalid TOML in book.toml: error while parsing string: unescaped control "
        "characters other than TAB (U+0009) are explicitly prohibited; its settings are ignored\n");
}
