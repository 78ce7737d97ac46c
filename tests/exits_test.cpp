// Exits and leftovers through the real binary: number flags parsed strictly (a usage error, exit 2, naming the
// flag), an empty path is no path, a failure after the books were written says so, and no `.NAME.tmp-*` survives
// SIGINT, SIGTERM or a file-size limit in a config's anthology.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <vector>

#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

void make_blog(const fs::path& dir) {
  spit(dir / "a.md", "---\ntitle: A\ndate: 2019-01-02\n---\nText of A.\n");
  spit(dir / "b.md", "---\ntitle: B\ndate: 2020-03-04\n---\nText of B.\n");
}

// A config of three books, each of `posts` posts long enough that a run can be stopped at any moment.
void make_anthology(const fs::path& dir, int posts) {
  std::string config = "books:\n";
  for (const char* name : {"a", "b", "c"}) {
    for (int i = 0; i < posts; ++i) {
      std::string body;
      for (int k = 0; k < 30; ++k) body += "Paragraph " + std::to_string(k) + " of post " + std::to_string(i) + ".\n\n";
      spit(dir / name / ("p" + std::to_string(i) + ".md"), "---\ntitle: Post " + std::to_string(i) + "\n---\n" + body);
    }
    config += std::string("  - title: ") + name + "\n    sources: [" + name + "]\n    output: out/" + name + ".epub\n";
  }
  spit(dir / "mkepub.yaml", config);
}

}  // namespace

TEST_CASE("exits: every number flag is decimal digits in range, anything else a usage error naming the flag") {
  TempDir tmp;
  make_blog(tmp / "in");
  struct Case {
    std::string flag, value, expected;
  };
  const std::string jobs = "a whole number from 1 to 256", image = "a whole number from 0 to 65535",
                    toc = "a whole number from 1 to 6", bytes = "a whole number from 1 to 1073741824",
                    seconds = "a number from 0.1 to 3600";
  const std::vector<Case> cases = {
      {"-j", "0x2", jobs},
      {"-j", "+2", jobs},
      {"-j", " 2", jobs},
      {"-j", "2 ", jobs},
      {"-j", "0", jobs},
      {"-j", "257", jobs},
      {"--jobs", "1e1", jobs},
      {"--image-max", "010", image},
      {"--image-max", "0b11", image},
      {"--image-max", "-0", image},
      {"--image-max", "65536", image},
      {"--toc-depth", "03", toc},
      {"--toc-depth", "2.", toc},
      {"--fetch-timeout", "nan", seconds},
      {"--fetch-timeout", "inf", seconds},
      {"--fetch-timeout", "0x10", seconds},
      {"--fetch-timeout", "1.", seconds},
      {"--fetch-timeout", "0.05", seconds},
      {"--fetch-timeout", "1e1", seconds},
      {"--fetch-max-bytes", "0x10", bytes},
      {"--fetch-max-bytes", "-1", bytes},
      {"--fetch-max-bytes", "1073741825", bytes},
      {"--fetch-max-bytes", "99999999999999999999", bytes},
  };
  for (const auto& c : cases) {
    auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "b.epub") + " " + c.flag + " " + quote(c.value));
    INFO(c.flag, " ", c.value, "\n", r.output);
    CHECK(r.code == 2);
    const std::string name = c.flag == "-j" ? "--jobs" : c.flag;
    CHECK(r.output.find(name + ": expected " + c.expected + ", not `" + c.value + "`") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
  // The ends of every range are accepted.
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "b.epub") +
                      " -j 256 --toc-depth 6 --image-max 0 --fetch-timeout 0.1 --fetch-max-bytes 1073741824");
  INFO(r.output);
  CHECK(r.code == 0);
  require_valid(tmp / "b.epub");
}

TEST_CASE("exits: an empty -o or --depfile is a usage error, not the flag left out") {
  TempDir tmp;
  make_blog(tmp / "in");
  spit(tmp / "cfg/mkepub.yaml", "title: C\nsources: [../in]\n");  // a config names an output when -o does not
  for (const char* flag : {"-o", "--output", "--depfile"}) {
    std::string rest = std::string(flag) == "--depfile" ? " -o " + quote(tmp / "b.epub") : "";
    auto r = run("cd " + quote(tmp.path) + " && " + quote(MKEPUB_BINARY) + " cfg " + flag + " ''" + rest);
    INFO(flag, " ", r.output);
    CHECK(r.code == 2);
    CHECK(r.output.find(std::string(flag == std::string("-o") ? "--output" : flag) +
                        ": expected a path, not an empty string") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
  CHECK_FALSE(fs::exists(tmp / "C.epub"));
}

TEST_CASE("exits: a depfile that cannot be written is exit 1, and the report says the books were written") {
  TempDir tmp;
  make_blog(tmp / "in");
  spit(tmp / "file", "x");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "b.epub") + " --depfile " + quote(tmp / "file/deps.d"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("wrote " + (tmp / "b.epub").string()) != std::string::npos);
  CHECK(r.output.find("mkepub: 1 error(s) after the books were written") != std::string::npos);
  CHECK(r.output.find("0 book(s) failed") == std::string::npos);
  require_valid(tmp / "b.epub");
  CHECK(temporaries(tmp.path) == 0);
}

TEST_CASE("exits: SIGINT or SIGTERM at any moment of a config's anthology leaves no temporary file") {
  TempDir tmp;
  make_anthology(tmp / "an", 150);
  REQUIRE(run_mkepub(quote(tmp / "an") + " -q -j 2").code == 0);
  int stopped = 0;
  for (const char* signal : {"INT", "TERM"})
    for (const char* delay : {"0.02", "0.1", "0.3", "0.6", "1.0"}) {
      auto r = run(quote(MKEPUB_BINARY) + " " + quote(tmp / "an") + " -q -j 2 --title Other & pid=$!; sleep " + delay +
                   "; kill -" + signal + " $pid; wait $pid; echo exit=$?");
      INFO(signal, " ", delay, " ", r.output);
      CHECK(temporaries(tmp / "an/out") == 0);
      CHECK(temporaries(tmp / "an") == 0);
      stopped += r.output.find("exit=130") != std::string::npos || r.output.find("exit=143") != std::string::npos;
      for (const char* book : {"a", "b", "c"})
        CHECK(slurp(tmp / "an/out" / (std::string(book) + ".epub")).substr(0, 2) == "PK");
    }
  CHECK(stopped > 0);  // some runs were stopped before they ended: the test tests something
}

TEST_CASE("exits: past a file-size limit a config's anthology fails with exit 1, its old books whole, no temporary") {
  TempDir tmp;
  make_anthology(tmp / "an", 40);
  for (const char* book : {"a", "b", "c"}) spit(tmp / "an/out" / (std::string(book) + ".epub"), "OLD");
  auto r = run("ulimit -f 8 && " + quote(MKEPUB_BINARY) + " " + quote(tmp / "an") + " -q");
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("File too large") != std::string::npos);
  for (const char* book : {"a", "b", "c"}) CHECK(slurp(tmp / "an/out" / (std::string(book) + ".epub")) == "OLD");
  CHECK(temporaries(tmp / "an/out") == 0);
}

TEST_CASE("exits: a cover, book config cover or template that is a device or a FIFO is exit 1, never read") {
  TempDir tmp;
  make_blog(tmp / "in");
  fs::create_directories(tmp / "tpl");
  REQUIRE(mkfifo((tmp / "tpl/book.css").c_str(), 0600) == 0);
  spit(tmp / "cfg/mkepub.yaml", "title: C\nsources: [../in]\ncover: /dev/zero\noutput: ../c.epub\n");
  struct Case {
    std::string args, message;
  };
  const std::vector<Case> cases = {
      {quote(tmp / "in") + " --cover /dev/zero -o " + quote(tmp / "b.epub"),
       "/dev/zero: error: cannot read the cover image"},
      {quote(tmp / "cfg"), "/dev/zero: error: cannot read the cover image"},
      {quote(tmp / "in") + " --templates " + quote(tmp / "tpl") + " -o " + quote(tmp / "b.epub"),
       (tmp / "tpl/book.css").string() + ": error: cannot read file"},
  };
  for (const auto& c : cases) {
    auto r = run_mkepub_bounded(c.args, 30);
    INFO(c.args, "\n", r.output);
    CHECK(r.code == 1);
    CHECK(r.output.find(c.message) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
  CHECK_FALSE(fs::exists(tmp / "c.epub"));
}
