// Batches past one book and one process: the posts-per-book limit against an anthology (which has none), shards
// run side by side under GNU parallel, and two processes sharing one --cache-dir.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

// `count` one-line posts in `dir`, dated in `year` (or in the years after it, one per post, with `years` > 1).
void tiny_posts(const fs::path& dir, int count, int year, int years = 1, int first = 0) {
  char name[32];
  for (int i = first; i < first + count; ++i) {
    std::snprintf(name, sizeof name, "p%06d.md", i);
    spit(dir / name, "---\ntitle: P" + std::to_string(i) + "\ndate: " + std::to_string(year + i % years) +
                         "-03-01\n---\nPost " + std::to_string(i) + ".\n");
  }
}

// The files in `dir` by name, with their bytes.
std::map<std::string, std::string> books_in(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = slurp(e.path());
  return out;
}

bool has_parallel() { return run("command -v parallel >/dev/null").code == 0; }

const std::string kBinary = MKEPUB_BINARY;

}  // namespace

TEST_CASE("scale: one book past 10000 posts is an error that says to split or shard") {
  TempDir tmp;
  tiny_posts(tmp / "in", 10001, 2020);
  auto r = run_mkepub_bounded(quote(tmp / "in") + " -q -o " + quote(tmp / "book.epub"), 120);
  INFO(r.output.substr(0, 2000));
  CHECK(r.code == 1);
  CHECK(r.output.find("p010000.md: error: more than 10000 posts; the limit is 10000 per book: make one book per "
                      "year, category or tag with --split-by") != std::string::npos);
  CHECK(r.output.find("--shard K/N") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "book.epub"));
}

TEST_CASE("scale: an anthology of more posts than one book may hold is planned whole and sharded") {
  TempDir tmp;
  // 12000 posts: 11999 in 2020 and 2021 (under the limit each), one in 2022. The whole is past one book's limit;
  // shard 3 of 3 builds only the 2022 book, so the test checks one small book, yet every post is read and split.
  tiny_posts(tmp / "blog", 11999, 2020, 2);
  tiny_posts(tmp / "blog", 1, 2022, 1, 11999);
  auto r = run_mkepub_bounded(quote(tmp / "blog") + " --split-by year --shard 3/3 -q -o " + quote(tmp / "books"), 120);
  INFO(r.output.substr(0, 2000));
  REQUIRE(r.code == 0);
  CHECK(books_in(tmp / "books").size() == 1);
  require_valid(tmp / "books/2022.epub");
}

TEST_CASE("scale: a book of an anthology past 10000 posts is an error naming that book") {
  TempDir tmp;
  tiny_posts(tmp / "blog", 10001, 2020);
  tiny_posts(tmp / "blog", 1, 2021, 1, 10001);
  auto r = run_mkepub_bounded(quote(tmp / "blog") + " --split-by year -q -o " + quote(tmp / "books"), 120);
  INFO(r.output.substr(0, 2000));
  CHECK(r.code == 1);
  CHECK(r.output.find("2020.epub: error: the book `2020` would hold 10001 posts, 1 MB; the limit is 10000 posts and "
                      "256 MB per book") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "books/2021.epub"));
}

TEST_CASE("scale: four shards under GNU parallel make the same books as one run, byte for byte") {
  if (!has_parallel()) {
    MESSAGE("skipped: GNU parallel is not installed (Debian package parallel)");
    return;
  }
  TempDir tmp;
  tiny_posts(tmp / "blog", 40, 2015, 9);  // nine years: shards of three, two, two and two books
  REQUIRE(run_mkepub(quote(tmp / "blog") + " --split-by year -q -o " + quote(tmp / "one")).code == 0);
  fs::create_directory(tmp / "four");
  auto r = run("parallel " + quote(kBinary) + " " + quote(tmp / "blog") + " --split-by year --shard {}/4 -q -o " +
               quote(tmp / "four") + " ::: 1 2 3 4");
  INFO(r.output);
  REQUIRE(r.code == 0);
  auto one = books_in(tmp / "one"), four = books_in(tmp / "four");
  CHECK(one.size() == 9);
  CHECK(four == one);
  for (const auto& [name, bytes] : one) require_valid(tmp / "one" / name);
}

TEST_CASE("scale: two processes on one --cache-dir at once both make correct books and leave the cache whole") {
  TempDir tmp;
  tiny_posts(tmp / "blog", 60, 2018, 4);
  auto args = [&](const std::string& out) {
    return quote(tmp / "blog") + " --split-by year -o " + quote(tmp / out);
  };
  REQUIRE(run_mkepub(args("plain") + " -q --no-cache").code == 0);
  auto plain = books_in(tmp / "plain");
  REQUIRE(plain.size() == 4);
  for (const auto& [name, bytes] : plain) require_valid(tmp / "plain" / name);
  // Both at once: into different folders, then into the same one.
  std::string cache = " -q --cache-dir " + quote(tmp / "cache");
  auto both = [&](const std::string& a, const std::string& b) {
    auto r = run("(" + quote(kBinary) + " " + args(a) + cache + "; echo $? >" + quote(tmp / "rc1") + ") & (" +
                 quote(kBinary) + " " + args(b) + cache + "; echo $? >" + quote(tmp / "rc2") + ") & wait");
    INFO(r.output);
    CHECK(slurp(tmp / "rc1") == "0\n");
    CHECK(slurp(tmp / "rc2") == "0\n");
  };
  both("a", "b");
  CHECK(books_in(tmp / "a") == plain);
  CHECK(books_in(tmp / "b") == plain);
  both("c", "c");
  CHECK(books_in(tmp / "c") == plain);
  CHECK(temporaries(tmp / "c") == 0);
  // The cache they shared is whole: with one book removed, a third build makes it again from the cached pages
  // alone (each book's pages are kept by its output path), and the same bytes.
  fs::remove(tmp / "a/2019.epub");
  auto r = run_mkepub(args("a") + " --verbose --cache-dir " + quote(tmp / "cache"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(books_in(tmp / "a") == plain);
  CHECK(r.output.find("2019.epub: note: 0 of 15 posts rendered, the rest from the cache") != std::string::npos);
  CHECK(run("find " + quote(tmp / "cache") + " -name '*.tmp*' | grep -q .").code != 0);  // no half-written entry
}

TEST_CASE("scale: a book built by one shard is unchanged for another that shares its cache") {
  TempDir tmp;
  tiny_posts(tmp / "blog", 9, 2018, 3);
  std::string args =
      quote(tmp / "blog") + " --split-by year -o " + quote(tmp / "books") + " --cache-dir " + quote(tmp / "cache");
  REQUIRE(run_mkepub(args + " -q --shard 1/2").code == 0);  // 2018 and 2020
  // Then all three as one shard, as when a new group moves books to other shards: the two built already keep their
  // keys, though the shard that builds them changed.
  auto r = run_mkepub(args + " --shard 1/1");
  INFO(r.output);
  REQUIRE(r.code == 0);
  size_t unchanged = 0;
  for (size_t at = r.output.find("unchanged"); at != std::string::npos; at = r.output.find("unchanged", at + 1))
    ++unchanged;
  CHECK(unchanged == 2);
  CHECK(r.output.find("wrote " + (tmp / "books/2019.epub").generic_string()) != std::string::npos);
  for (const char* book : {"2018.epub", "2019.epub", "2020.epub"}) require_valid(tmp / "books" / book);
}
