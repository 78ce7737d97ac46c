// The chapter cache from the command line: with --cache-dir, a book with one changed post renders that post
// only, and comes out byte for byte as a build without the cache makes it.
#include <doctest/doctest.h>

#include <regex>

#include "support.h"

using namespace mkepub::test;

namespace {

// Posts that reach into each other and into a file that is not a post: a footnote (ids from the chapter's file
// name), an include, a link by title, an unknown tag (a warning given while rendering), Japanese text (the
// script counts that choose a chapter's language).
void linked_blog(const fs::path& dir) {
  spit(dir / "a.md", "---\ntitle: Alpha\ndate: 2020-01-01\n---\n## Start\n\nOne[^n].\n\n[^n]: A note.\n");
  spit(dir / "b.md", "---\ntitle: Beta\ndate: 2020-02-01\n---\nBefore.\n\n{% include _inc/snippet.md %}\n");
  spit(dir / "c.md", "---\ntitle: Gamma\ndate: 2020-03-01\n---\n日本語のテキストです。ひらがなとカタカナ。\n\n"
                     "{% mystery %}\n");
  spit(dir / "d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nSee {% post_link a %}.\n");
  spit(dir / "_inc/snippet.md", "Included *text*.\n");
}

// "2 of 4" from the run's note.
std::string rendered(const std::string& output) {
  std::smatch m;
  static const std::regex note(R"((\d+ of \d+) posts rendered, the rest from the cache)");
  return std::regex_search(output, m, note) ? m[1].str() : "no note";
}

std::string warnings_of(const std::string& output) {
  std::string out;
  for (size_t at = output.find("warning"); at != std::string::npos; at = output.find("warning", at + 1)) {
    size_t begin = output.rfind('\n', at) + 1;
    out += output.substr(begin, output.find('\n', at) - begin) + "\n";
    at = output.find('\n', at);
    if (at == std::string::npos) break;
  }
  return out;
}

struct Fixture {
  TempDir tmp;
  std::string args;
  Fixture() {
    linked_blog(tmp / "blog");
    args = quote(tmp / "blog") + " -o " + quote(tmp / "book.epub") + " --cache-dir " + quote(tmp / "cache") + " -v";
  }
  // Builds with the cache, then without it; the two books must be the same bytes, and valid.
  std::string build_and_compare() {
    auto cached = run_mkepub(args);
    INFO(cached.output);
    REQUIRE(cached.code == 0);
    auto with_cache = slurp(tmp / "book.epub");
    require_valid(tmp / "book.epub");
    auto full = run_mkepub(args + " --no-cache -j1");  // and on one thread: the same bytes whatever -j
    REQUIRE(full.code == 0);
    CHECK(full.output.find("posts rendered") == std::string::npos);
    CHECK(slurp(tmp / "book.epub") == with_cache);
    CHECK(warnings_of(cached.output) == warnings_of(full.output));
    return rendered(cached.output);
  }
};

}  // namespace

TEST_CASE("chapter cache: one changed post is the only one rendered, the book is the one a full build makes") {
  Fixture f;
  CHECK(f.build_and_compare() == "4 of 4");
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nSee {% post_link a %}, again.\n");
  CHECK(f.build_and_compare() == "1 of 4");
  spit(f.tmp / "blog/c.md", "---\ntitle: Gamma\ndate: 2020-03-01\n---\n日本語のテキスト。\n\n{% mystery %}\n");
  CHECK(f.build_and_compare() == "1 of 4");
}

TEST_CASE("chapter cache: a changed include renders the post that read it, a changed title renders all") {
  Fixture f;
  CHECK(f.build_and_compare() == "4 of 4");
  spit(f.tmp / "blog/_inc/snippet.md", "Included, changed.\n");
  CHECK(f.build_and_compare() == "1 of 4");
  fs::remove(f.tmp / "blog/_inc/snippet.md");
  CHECK(f.build_and_compare() == "1 of 4");
  // A post's title is what post_link shows elsewhere: every post depends on every title.
  spit(f.tmp / "blog/a.md", "---\ntitle: Alpha renamed\ndate: 2020-01-01\n---\n## Start\n\nOne[^n].\n\n[^n]: A note.\n");
  CHECK(f.build_and_compare() == "4 of 4");
  // So is a new post, which post_link may name.
  spit(f.tmp / "blog/a2.md", "---\ntitle: Alpha two\ndate: 2020-01-15\n---\nNew.\n");
  CHECK(f.build_and_compare() == "5 of 5");
}

TEST_CASE("chapter cache: options and templates that shape the pages render every post again") {
  Fixture f;
  CHECK(f.build_and_compare() == "4 of 4");
  f.args += " --vertical";
  CHECK(f.build_and_compare() == "4 of 4");
  REQUIRE(run_mkepub("--dump-templates " + quote(f.tmp / "templates")).code == 0);
  f.args += " --templates " + quote(f.tmp / "templates");
  CHECK(f.build_and_compare() == "4 of 4");
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nChanged.\n");
  CHECK(f.build_and_compare() == "1 of 4");
  auto page = slurp(f.tmp / "templates/chapter.xhtml");
  REQUIRE(page.find("<body") != std::string::npos);
  page.replace(page.find("<body"), 5, "<body class=\"changed\"");
  spit(f.tmp / "templates/chapter.xhtml", page);
  CHECK(f.build_and_compare() == "4 of 4");
}

TEST_CASE("chapter cache: a damaged cache file is a miss, not a failure") {
  Fixture f;
  CHECK(f.build_and_compare() == "4 of 4");
  std::vector<fs::path> packs;
  for (auto& e : fs::recursive_directory_iterator(f.tmp / "cache"))
    if (e.path().extension() == ".pack") packs.push_back(e.path());
  REQUIRE(packs.size() == 1);
  auto bytes = slurp(packs[0]);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  spit(packs[0], bytes);
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nChanged.\n");
  CHECK(f.build_and_compare() != "no note");  // which entries the flipped byte spoiled depends on the keys
  spit(packs[0], bytes.substr(0, 30) + std::string(bytes.size(), 'x'));
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nChanged again.\n");
  CHECK(f.build_and_compare() == "4 of 4");
  spit(packs[0], bytes.substr(0, bytes.size() / 2));
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nChanged once more.\n");
  CHECK(f.build_and_compare() != "no note");
  // The file was written anew, whole: the next change renders one post.
  spit(f.tmp / "blog/d.md", "---\ntitle: Delta\ndate: 2020-04-01\n---\nAnd again.\n");
  CHECK(f.build_and_compare() == "1 of 4");
}

TEST_CASE("chapter cache: in an anthology, the changed book renders only its changed post") {
  TempDir tmp;
  linked_blog(tmp / "blog");
  spit(tmp / "blog/e.md", "---\ntitle: Epsilon\ndate: 2021-05-01\n---\nLater.\n");
  const std::string args = quote(tmp / "blog") + " --split-by year -o " + quote(tmp / "books") + " --cache-dir " +
                           quote(tmp / "cache") + " -v";
  REQUIRE(run_mkepub(args).code == 0);
  spit(tmp / "blog/b.md", "---\ntitle: Beta\ndate: 2020-02-01\n---\nAfter.\n\n{% include _inc/snippet.md %}\n");
  auto r = run_mkepub(args);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("2020.epub: note: 1 of 4 posts rendered") != std::string::npos);
  auto cached = slurp(tmp / "books/2020.epub");
  REQUIRE(run_mkepub(args + " --no-cache").code == 0);
  CHECK(slurp(tmp / "books/2020.epub") == cached);
  for (const char* book : {"2020.epub", "2021.epub"}) require_valid(tmp / "books" / book);
}
