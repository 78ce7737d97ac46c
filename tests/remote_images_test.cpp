// Remote images fetched from a web server the test starts on 127.0.0.1 (tests/image_server.py): what lands in
// the book, one warning per failure with the link kept, the image store making rebuilds (offline, or with the
// server gone) give the same bytes, and an unreachable host costing no time.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <thread>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const std::string kSource = MKEPUB_SOURCE_DIR;

// python3 tests/image_server.py, stopped with the object (or by stop()).
struct ImageServer {
  int pid = 0;
  std::string base;  // "http://127.0.0.1:PORT"
  explicit ImageServer(const TempDir& dir) {
    fs::path port_file = dir / "port";
    auto r = run("python3 " + quote(kSource + "/tests/image_server.py") + " " + quote(port_file.string()) +
                 " >/dev/null 2>&1 & echo $!");
    pid = std::stoi(r.output);
    for (int i = 0; i < 100 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(fs::exists(port_file));
    base = "http://127.0.0.1:" + slurp(port_file);
  }
  void stop() {
    if (pid > 0) kill(pid, SIGTERM);
    pid = 0;
  }
  ~ImageServer() { stop(); }
};

std::string images_of(const fs::path& epub) {
  std::string names;
  for (auto& e : unzip_entries(slurp(epub)))
    if (e.path.starts_with("EPUB/images/i")) names += e.path.substr(5) + "\n";
  return names;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A post showing every kind of remote image the server has, and the command line's common part.
std::string post_for(const std::string& base) {
  std::string md = "---\ntitle: Pictures\ndate: 2020-01-01\n---\n";
  for (const char* path :
       {"/a.png", "/b.jpg", "/c.gif", "/noext", "/redirect.png", "/gz.png", "/%E5%9B%BE.png", "/d.webp", "/loop.png",
        "/to-file.png", "/missing.png", "/slow.png", "/big.png", "/page.png"})
    md += "![" + std::string(path + 1) + "](" + base + path + ")\n\n";
  md += "![again](" + base + "/a.png)\n\n![relative to the scheme](" + base.substr(5) + "/c.gif)\n";
  return md;
}

std::string flags(const TempDir& dir) {
  return quote((dir / "posts").string()) + " --cache-dir " + quote((dir / "cache").string()) +
         " --fetch-timeout 1 --fetch-max-bytes 100000 -v";
}

}  // namespace

TEST_CASE("remote images: fetched into the book, failures kept as links with one warning each") {
  TempDir dir;
  ImageServer server(dir);
  fs::create_directories(dir / "posts");
  spit(dir / "posts/pictures.md", post_for(server.base));
  fs::path first = dir / "first.epub";
  auto start = std::chrono::steady_clock::now();
  auto r = run_mkepub(flags(dir) + " -o " + quote(first.string()));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(r.code == 0, r.output);
  require_valid(first);
  // PNG, JPEG, GIF, one without an extension, one behind a redirect (the PNG again: stored once), a gzipped one,
  // one whose name is not ASCII, a lossless WebP (converted to PNG); "//host/x" is https, which this server does
  // not speak.
  CHECK(images_of(first) ==
        "images/i0001.png\nimages/i0002.jpg\nimages/i0003.gif\nimages/i0004.png\n"
        "images/i0005.png\nimages/i0006.png\nimages/i0007.png\n");
  std::string page = run("unzip -p " + quote(first.string()) + " EPUB/text/c0001.xhtml").output;
  CHECK(count(page, "src=\"../images/i0001.png\"") == 3);  // a.png twice, and the redirect to it
  CHECK(count(page, "src=\"../images/i0007.png\" alt=\"d.webp\"") == 1);
  CHECK(count(r.output, server.base + "/loop.png` not fetched: too many redirects") == 1);
  CHECK(count(r.output, server.base + "/to-file.png` not fetched") == 1);
  CHECK(count(r.output, server.base + "/missing.png` not fetched: the server answered HTTP 404") == 1);
  CHECK(count(r.output, server.base + "/slow.png` not fetched: no answer in time") == 1);
  CHECK(count(r.output, server.base + "/big.png` not fetched: larger than the limit") == 1);
  CHECK(count(r.output, server.base + "/page.png` not fetched: not an image") == 1);
  CHECK(count(r.output, "`" + server.base.substr(5) + "/c.gif` not fetched") == 1);  // TLS to a plain server
  for (const char* kept :
       {"/loop.png", "/to-file.png", "/missing.png", "/slow.png", "/big.png", "/page.png"})
    CHECK(count(page, "class=\"remote-image\" href=\"" + server.base + kept + "\"") == 1);
  CHECK(seconds < 8);  // the slow one cost its 1 s timeout (not the default 25), in parallel with the rest

  // Again from the store alone: the same bytes, and without the server too.
  fs::path offline = dir / "offline.epub";
  r = run_mkepub(flags(dir) + " --offline -o " + quote(offline.string()));
  CHECK_MESSAGE(r.code == 0, r.output);
  CHECK(slurp(offline) == slurp(first));
  server.stop();
  fs::path stored = dir / "stored.epub";
  r = run_mkepub(flags(dir) + " -o " + quote(stored.string()));
  CHECK_MESSAGE(r.code == 0, r.output);
  CHECK(slurp(stored) == slurp(first));
}

TEST_CASE("remote images: --offline with an empty store and --no-remote-images leave links") {
  TempDir dir;
  fs::create_directories(dir / "posts");
  spit(dir / "posts/p.md", "---\ntitle: P\ndate: 2020-01-01\n---\n![x](http://127.0.0.1:9/x.png)\n");
  fs::path book = dir / "b.epub";
  auto r = run_mkepub(flags(dir) + " --offline -o " + quote(book.string()));
  CHECK_MESSAGE(r.code == 0, r.output);
  require_valid(book);
  CHECK(count(r.output, "`http://127.0.0.1:9/x.png` is not in the image store (--offline)") == 1);
  r = run_mkepub(flags(dir) + " --no-remote-images -o " + quote(book.string()));
  CHECK(count(r.output, "`http://127.0.0.1:9/x.png` not fetched; linked instead") == 1);
  CHECK(images_of(book).empty());
}

TEST_CASE("remote images: an unreachable host fails fast, tried twice then given up with one warning") {
  TempDir dir;
  fs::create_directories(dir / "posts");
  // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
  std::string md = "---\ntitle: P\ndate: 2020-01-01\n---\n";
  for (int i = 0; i < 40; ++i) md += "![x](http://127.0.0.1:9/" + std::to_string(i) + ".png)\n\n";
  spit(dir / "posts/p.md", md);
  fs::path book = dir / "b.epub";
  auto start = std::chrono::steady_clock::now();
  auto r = run_mkepub(flags(dir) + " -o " + quote(book.string()));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(r.code == 0, r.output);
  require_valid(book);
  CHECK(count(r.output, "not fetched: the host could not be reached") == 2);
  CHECK(count(r.output, "38 remote image(s) from http://127.0.0.1:9 not tried") == 1);
  CHECK(seconds < 5);
}

TEST_CASE("remote images: a book missing one is not recorded in the run cache") {
  TempDir dir;
  fs::create_directories(dir / "posts");
  spit(dir / "posts/p.md", "---\ntitle: P\ndate: 2020-01-01\n---\n![x](http://127.0.0.1:9/x.png)\n");
  fs::path book = dir / "b.epub";
  run_mkepub(flags(dir) + " -o " + quote(book.string()));
  auto r = run_mkepub(flags(dir) + " -o " + quote(book.string()));
  CHECK(r.output.find("up to date") == std::string::npos);
  CHECK(count(r.output, "the host could not be reached") == 1);
}
