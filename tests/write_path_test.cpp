// The one write path: every kind of build (one book, --split-by, a config's books) writes the same way: through
// a symlink to its target, to standard output, into a FIFO in place; an anthology all or nothing; the same exit
// codes and "wrote PATH" lines; and no output replaces a file the book was read from.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <vector>

#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

void make_blog(const fs::path& dir) {
  spit(dir / "a.md", "---\ntitle: A\ndate: 2019-01-02\ntags: [x]\n---\nText of A.\n");
  spit(dir / "b.md", "---\ntitle: B\ndate: 2020-03-04\ntags: [y]\n---\nText of B.\n");
}

}  // namespace

TEST_CASE("write: -o through a symlink writes the link's target, the link stays a link") {
  TempDir tmp;
  make_blog(tmp / "in");
  fs::create_directories(tmp / "real");
  spit(tmp / "real/book.epub", "OLD");
  fs::create_symlink(tmp / "real/book.epub", tmp / "link.epub");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "link.epub"));
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(tmp / "link.epub"));
  CHECK(slurp(tmp / "real/book.epub").substr(0, 2) == "PK");
  require_valid(tmp / "real/book.epub");
  CHECK(temporaries(tmp / "real") == 0);
  CHECK(temporaries(tmp.path) == 0);
  // A dangling link: its target is created.
  fs::create_symlink("real/new.epub", tmp / "dangling.epub");
  CHECK(run_mkepub(quote(tmp / "in") + " -q -o " + quote(tmp / "dangling.epub")).code == 0);
  CHECK(fs::is_symlink(tmp / "dangling.epub"));
  require_valid(tmp / "real/new.epub");
}

TEST_CASE("write: -o - writes the book to standard output, the same bytes as a file") {
  TempDir tmp;
  make_blog(tmp / "in");
  REQUIRE(run_mkepub(quote(tmp / "in") + " -q -o " + quote(tmp / "file.epub")).code == 0);
  auto r = run("cd " + quote(tmp.path) + " && " + quote(MKEPUB_BINARY) + " in -q -o - > stdout.epub");
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK_FALSE(fs::exists(tmp / "-"));
  CHECK(slurp(tmp / "stdout.epub") == slurp(tmp / "file.epub"));
  require_valid(tmp / "stdout.epub");
  auto said = run("{ cd " + quote(tmp.path) + " && " + quote(MKEPUB_BINARY) + " in -o - > /dev/null; }");
  CHECK(said.code == 0);
  CHECK(said.output == "wrote standard output\n");
}

TEST_CASE("write: a FIFO is written to in place and never replaced, so is a character device") {
  TempDir tmp;
  make_blog(tmp / "in");
  REQUIRE(mkfifo((tmp / "pipe").c_str(), 0644) == 0);
  auto r = run("cat " + quote(tmp / "pipe") + " > " + quote(tmp / "from-pipe.epub") + " & " + quote(MKEPUB_BINARY) +
               " " + quote(tmp / "in") + " -q -o " + quote(tmp / "pipe") + "; code=$?; wait; exit $code");
  INFO(r.output);
  CHECK(r.code == 0);
  struct stat st;
  REQUIRE(stat((tmp / "pipe").c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  require_valid(tmp / "from-pipe.epub");
  CHECK(temporaries(tmp.path) == 0);
  // /dev/null through a symlink: still the device afterwards.
  fs::create_symlink("/dev/null", tmp / "null.epub");
  CHECK(run_mkepub(quote(tmp / "in") + " -q -o " + quote(tmp / "null.epub")).code == 0);
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

// Two books from one config; the second's cover is not an image, so it alone fails.
void make_config(const fs::path& dir) {
  make_blog(dir / "in");
  spit(dir / "bad.png", "not an image");
  spit(dir / "books.yaml", "sources: in\nbooks:\n  - {title: One, output: out/one.epub}\n"
                           "  - {title: Two, output: out/two.epub, cover: bad.png}\n");
  fs::create_directories(dir / "out");
  spit(dir / "out/one.epub", "OLD ONE");
  spit(dir / "out/two.epub", "OLD TWO");
}

TEST_CASE("write: an anthology whose one book fails writes none, and the old books survive") {
  TempDir tmp;
  make_config(tmp.path);
  auto r = run_mkepub(quote(tmp / "books.yaml"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("bad.png: error: the cover must be a PNG, JPEG or GIF image") != std::string::npos);
  CHECK(r.output.find("1 error(s); nothing written") != std::string::npos);
  CHECK(r.output.find("wrote ") == std::string::npos);
  CHECK(slurp(tmp / "out/one.epub") == "OLD ONE");
  CHECK(slurp(tmp / "out/two.epub") == "OLD TWO");
  CHECK(temporaries(tmp / "out") == 0);
}

TEST_CASE("write: --keep-going writes the books that built and names those that failed") {
  TempDir tmp;
  make_config(tmp.path);
  auto r = run_mkepub(quote(tmp / "books.yaml") + " --keep-going");
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("wrote " + (tmp / "out/one.epub").generic_string() + "\n") != std::string::npos);
  CHECK(r.output.find("1 book(s) failed and were not written: " + (tmp / "out/two.epub").generic_string()) !=
        std::string::npos);
  require_valid(tmp / "out/one.epub");
  CHECK(slurp(tmp / "out/two.epub") == "OLD TWO");
  CHECK(temporaries(tmp / "out") == 0);
}

TEST_CASE("write: a config book says what it wrote, a missing output folder is exit 1 as on the command line") {
  TempDir tmp;
  make_blog(tmp / "in");
  spit(tmp / "book.yaml", "sources: in\ntitle: T\noutput: t.epub\n");
  auto r = run_mkepub(quote(tmp / "book.yaml"));
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK(r.output.find("wrote " + (tmp / "t.epub").generic_string() + "\n") != std::string::npos);
  require_valid(tmp / "t.epub");
  spit(tmp / "missing.yaml", "sources: in\ntitle: T\noutput: no/such/t.epub\n");
  auto bad = run_mkepub(quote(tmp / "missing.yaml"));
  INFO(bad.output);
  CHECK(bad.code == 1);
  CHECK(bad.output.find("no/such/t.epub: error: cannot write in " + (tmp / "no/such").string() +
                        ": No such file or directory") != std::string::npos);
  CHECK(bad.output.find("internal error") == std::string::npos);
}

TEST_CASE("write: no output replaces a file the book was read from: configs, SUMMARY.md, includes, templates") {
  TempDir tmp;
  // A Hexo site with an include, and a book with a SUMMARY.md.
  spit(tmp / "hexo/_config.yml", "title: Site\n");
  spit(tmp / "hexo/source/_posts/p.md", "---\ntitle: P\n---\n{% include_code part.txt %}\n");
  spit(tmp / "hexo/source/downloads/code/part.txt", "code\n");
  spit(tmp / "mdbook/book.toml", "[book]\ntitle = \"B\"\n");
  spit(tmp / "mdbook/src/SUMMARY.md", "# Summary\n\n- [One](one.md)\n");
  spit(tmp / "mdbook/src/one.md", "# One\n\n{{#include inc.md}}\n");
  spit(tmp / "mdbook/src/inc.md", "Included.\n");
  spit(tmp / "tpl/book.css", "body { margin: 0 }\n");
  struct Case {
    std::string input, output, flag = "-o";
  };
  std::vector<Case> cases = {
      {"hexo", "hexo/_config.yml"},
      {"hexo", "hexo/source/downloads/code/part.txt"},
      {"mdbook", "mdbook/src/SUMMARY.md"},
      {"mdbook", "mdbook/book.toml"},
      {"mdbook", "mdbook/src/inc.md"},
      {"mdbook --templates " + quote(tmp / "tpl"), "tpl/book.css"},
      {"hexo", "hexo/source/_posts/p.md", "--depfile"},
      {"hexo", "hexo/_config.yml", "--depfile"},
  };
  for (const auto& c : cases) {
    const std::string before = slurp(tmp / c.output);
    std::string out = c.flag == "-o" ? "" : " -o " + quote(tmp / "book.epub");
    auto r = run("cd " + quote(tmp.path) + " && " + quote(MKEPUB_BINARY) + " " + c.input + out + " " + c.flag + " " +
                 quote(tmp / c.output));
    INFO(c.flag, " ", c.output, "\n", r.output);
    CHECK(r.code == 1);
    CHECK(r.output.find((tmp / c.output).generic_string() + ": error: the output is one of the inputs; nothing written") !=
          std::string::npos);
    CHECK(slurp(tmp / c.output) == before);
    CHECK_FALSE(fs::exists(tmp / "book.epub"));
  }
}

TEST_CASE("write: SIGTERM at any moment of a --split-by run leaves no temporary file and the old books whole") {
  TempDir tmp;
  for (int i = 0; i < 600; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p%03d.md", i);
    std::string body;
    for (int k = 0; k < 40; ++k) body += "Paragraph " + std::to_string(k) + " of post " + std::to_string(i) + ".\n\n";
    spit(tmp / "in" / name, "---\ntitle: Post " + std::to_string(i) + "\ndate: " + std::to_string(2000 + i % 20) +
                                "-01-02\n---\n" + body);
  }
  REQUIRE(run_mkepub(quote(tmp / "in") + " -q -j 2 --split-by year -o " + quote(tmp / "books")).code == 0);
  auto books = [&] {
    std::map<std::string, std::string> bytes;
    for (auto& e : fs::directory_iterator(tmp / "books")) bytes[e.path().filename().string()] = slurp(e.path());
    return bytes;
  };
  const auto old = books();
  REQUIRE(old.size() == 20);
  int killed = 0;
  for (const char* delay : {"0.05", "0.2", "0.4", "0.7", "1.0"}) {
    auto r = run(quote(MKEPUB_BINARY) + " " + quote(tmp / "in") + " -q -j 2 --split-by year --title Other -o " +
                 quote(tmp / "books") + " & pid=$!; sleep " + delay + "; kill -TERM $pid; wait $pid; echo exit=$?");
    INFO(delay, " ", r.output);
    CHECK(temporaries(tmp / "books") == 0);
    // Stopped before the commit, every old book is whole; during or after it, every book is the new one.
    const auto now = books();
    REQUIRE(now.size() == old.size());
    int unchanged = 0;
    for (const auto& [name, bytes] : now) {
      CHECK(bytes.substr(0, 2) == "PK");
      unchanged += bytes == old.at(name);
    }
    CHECK((unchanged == 0 || unchanged == static_cast<int>(old.size())));
    if (r.output.find("exit=143") != std::string::npos && unchanged > 0) ++killed;
  }
  CHECK(killed > 0);  // the run lasts long enough to be stopped: the test tests something
}

TEST_CASE("write: past a file-size limit (ulimit -f) the build fails with exit 1, the old book whole, no temporary") {
  TempDir tmp;
  make_blog(tmp / "in");
  spit(tmp / "book.epub", "OLD");
  auto r = run("ulimit -f 4 && " + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("File too large") != std::string::npos);
  CHECK(slurp(tmp / "book.epub") == "OLD");
  CHECK(temporaries(tmp.path) == 0);
}

TEST_CASE("exits: --shard is parsed strictly, and a --cache-dir that is a file is a usage error") {
  TempDir tmp;
  make_blog(tmp / "in");
  for (const char* bad : {"1/1x", "2/2/2", "1/99999999999", "0/2", "3/2", "/2", "1/", "a/b", "-1/2", " 1/2"}) {
    auto r = run_mkepub(quote(tmp / "in") + " --split-by year -o " + quote(tmp / "books") + " --shard " + quote(bad));
    INFO(bad, " ", r.output);
    CHECK(r.code == 2);
    CHECK(r.output.find("--shard: expected K/N with 1 <= K <= N") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(tmp / "books"));
  spit(tmp / "file", "x");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "b.epub") + " --cache-dir " + quote(tmp / "file"));
  CHECK(r.code == 2);
  CHECK(r.output.find("--cache-dir: `" + (tmp / "file").string() + "` is a file, not a folder") != std::string::npos);
  auto env = run("MKEPUB_CACHE_DIR=" + quote(tmp / "file") + " " + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") +
                 " -o " + quote(tmp / "b.epub"));
  CHECK(env.code == 2);
  CHECK(env.output.find("MKEPUB_CACHE_DIR: `") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
}

TEST_CASE("exits: SOURCE_DATE_EPOCH out of dcterms:modified's range is a usage error, at its ends a valid book") {
  TempDir tmp;
  make_blog(tmp / "in");
  for (const char* bad : {"999999999999", "-1", "99999999999999999999999", "253402300800", "+5", "12abc", " 7"}) {
    auto r = run("SOURCE_DATE_EPOCH=" + quote(bad) + " " + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") + " -o " +
                 quote(tmp / "b.epub"));
    INFO(bad, " ", r.output);
    CHECK(r.code == 2);
    CHECK(r.output.find("SOURCE_DATE_EPOCH must be a number of seconds from 0 to 253402300799") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
  for (const char* good : {"0", "253402300799"}) {
    auto r = run("SOURCE_DATE_EPOCH=" + std::string(good) + " " + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") +
                 " -q -o " + quote(tmp / "b.epub"));
    CHECK(r.code == 0);
    require_valid(tmp / "b.epub");
  }
  auto r = run("cd " + quote(tmp.path) + " && unzip -p b.epub EPUB/content.opf");
  CHECK(r.output.find("<meta property=\"dcterms:modified\">9999-12-31T23:59:59Z</meta>") != std::string::npos);
}
