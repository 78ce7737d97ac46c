// What `mkepub serve` counts as a change: a file's size, time or name under the watched roots; nothing in .git,
// node_modules or the paths it writes itself.
#include "run/serve_watch.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

using namespace mkepub;

namespace {

struct Site {
  fs::path path;
  Site() {
    path = fs::temp_directory_path() / ("mkepub-watch-test-" + std::to_string(getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Site() { fs::remove_all(path); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << text;
  }
  uint64_t print(const std::vector<fs::path>& ignored = {}) const { return watch_fingerprint({path}, ignored); }
};

}  // namespace

TEST_CASE("serve watch: the same files give the same fingerprint, an edit, a new file or a rename another") {
  Site site;
  site.write("posts/a.md", "one");
  uint64_t before = site.print();
  CHECK(site.print() == before);
  site.write("posts/a.md", "three");
  uint64_t edited = site.print();
  CHECK(edited != before);
  // The same size, saved later: the time tells.
  fs::last_write_time(site.path / "posts/a.md",
                      fs::last_write_time(site.path / "posts/a.md") + std::chrono::seconds(2));
  CHECK(site.print() != edited);
  uint64_t timed = site.print();
  site.write("posts/b.md", "");
  CHECK(site.print() != timed);
  uint64_t added = site.print();
  fs::rename(site.path / "posts/b.md", site.path / "posts/c.md");
  CHECK(site.print() != added);
}

TEST_CASE("serve watch: .git, node_modules and the paths serve writes itself are no change") {
  Site site;
  site.write("a.md", "one");
  site.write("out/book.epub", "PK");
  uint64_t before = site.print({site.path / "out/book.epub"});
  site.write(".git/index", "changed");
  site.write("theme/node_modules/x/index.js", "changed");
  site.write("out/book.epub", "PK, rebuilt");
  CHECK(site.print({site.path / "out/book.epub"}) == before);
  site.write("out/other.md", "a post");
  CHECK(site.print({site.path / "out/book.epub"}) != before);
}

TEST_CASE("serve watch: a single file root is watched, and a missing one is no error") {
  Site site;
  site.write("style.css", "p{}");
  uint64_t before = watch_fingerprint({site.path / "style.css", site.path / "gone.css"}, {});
  site.write("style.css", "p{color:red}");
  CHECK(watch_fingerprint({site.path / "style.css", site.path / "gone.css"}, {}) != before);
}
