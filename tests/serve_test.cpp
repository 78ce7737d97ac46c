// `mkepub serve` through the real binary: the page, the viewer's scripts and the book over HTTP, a rebuild after
// an edit, a failed build's report in the status with the last good book still served, a clean stop on SIGTERM,
// and a port already in use refused.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <string_view>
#include <thread>

#include "epub/container.h"
#include "support.h"

extern char** environ;

using namespace mkepub;
using namespace mkepub::test;

namespace {

using Clock = std::chrono::steady_clock;

// Polls `done` every 50 ms for at most `seconds`.
bool wait_for(const std::function<bool()>& done, int seconds) {
  auto end = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

// `mkepub serve ARGS --port PORT` in the background, its standard error in `log`, TMPDIR set to `tmpdir` (to see
// that the server leaves nothing there).
struct Server {
  pid_t pid = -1;
  fs::path log;
  Server(const std::vector<std::string>& args, const fs::path& log_file, const fs::path& tmpdir) : log(log_file) {
    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    std::vector<char*> argv = {const_cast<char*>(MKEPUB_BINARY), const_cast<char*>("serve")};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<std::string> env_text = {"TMPDIR=" + tmpdir.string()};
    for (char** e = environ; *e; ++e)
      if (std::string_view(*e).rfind("TMPDIR=", 0) != 0) env_text.push_back(*e);
    std::vector<char*> env;
    for (auto& e : env_text) env.push_back(e.data());
    env.push_back(nullptr);
    int fd = open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    pid = fork();
    if (pid == 0) {
      dup2(fd, 2);
      execve(argv[0], argv.data(), env.data());
      _exit(127);
    }
    close(fd);
  }
  // The port from the "serving the book at http://127.0.0.1:PORT/" line, or 0 when it has not come in 10 s.
  int port() const {
    int port = 0;
    wait_for(
        [&] {
          std::string text = slurp(log);
          auto at = text.find("http://127.0.0.1:");
          if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
          return port > 0;
        },
        10);
    return port;
  }
  // Stops with `sig` and returns the exit code (-1: still running after 10 s, then killed).
  int stop(int sig) {
    kill(pid, sig);
    int status = 0;
    if (!wait_for([&] { return waitpid(pid, &status, WNOHANG) == pid; }, 10)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  ~Server() {
    if (pid > 0) stop(SIGKILL);
  }
};

int status_number(const std::string& json, const std::string& key) {
  auto at = json.find("\"" + key + "\":");
  return at == std::string::npos ? -1 : std::atoi(json.c_str() + at + key.size() + 3);
}

std::string book_text(const std::string& epub) {
  std::string all;
  for (auto& e : unzip_entries(epub)) all += e.bytes;
  return all;
}

}  // namespace

TEST_CASE("serve: the page, the viewer and the book, rebuilt after an edit, a failed build reported, a clean stop") {
  TempDir tmp;
  fs::create_directories(tmp / "tmp");
  spit(tmp / "site/a.md", "---\ntitle: First post\ndate: 2020-01-02\n---\nThe original words.\n");
  spit(tmp / "site/b.md", "---\ntitle: Second post\ndate: 2020-02-03\n---\nMore words.\n");
  Server server({(tmp / "site").string(), "--port", "0"}, tmp / "serve.log", tmp / "tmp");
  int port = server.port();
  REQUIRE_MESSAGE(port > 0, slurp(tmp / "serve.log"));
  httplib::Client http("127.0.0.1", port);
  auto status = [&] {
    auto res = http.Get("/status");
    return res ? res->body : std::string();
  };
  REQUIRE_MESSAGE(wait_for([&] { return status_number(status(), "build") == 1; }, 20), slurp(tmp / "serve.log"));

  auto page = http.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<script src=\"/epub.min.js\">") != std::string::npos);
  CHECK(page->body.find("<script src=\"/viewer.js\">") != std::string::npos);
  for (const char* script : {"/epub.min.js", "/jszip.min.js", "/viewer.js"}) {
    auto res = http.Get(script);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == 200, script);
    CHECK(res->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
  }
  CHECK(http.Get("/epub.min.js")->body.find("ePub") != std::string::npos);

  auto first = http.Get("/book.epub");
  REQUIRE(first);
  CHECK(first->get_header_value("Content-Type") == "application/epub+zip");
  spit(tmp / "first.epub", first->body);
  // mkepub's own check here, epubcheck (seconds on a loaded machine) on the rebuilt book below.
  Run check = run_mkepub("check " + quote((tmp / "first.epub").string()));
  CHECK_MESSAGE(check.code == 0, check.output);
  CHECK(book_text(first->body).find("The original words.") != std::string::npos);
  // The book a normal build of the same site makes, to the byte: serve adds nothing of its own.
  Run build = run_mkepub(quote((tmp / "site").string()) + " -q -o " + quote((tmp / "built.epub").string()));
  REQUIRE_MESSAGE(build.code == 0, build.output);
  CHECK(slurp(tmp / "built.epub") == first->body);

  // An edit: a new build number, and the book served says the new words.
  spit(tmp / "site/a.md", "---\ntitle: First post\ndate: 2020-01-02\n---\nThe edited words.\n");
  REQUIRE_MESSAGE(wait_for([&] { return status_number(status(), "build") == 2; }, 20), slurp(tmp / "serve.log"));
  auto second = http.Get("/book.epub");
  REQUIRE(second);
  spit(tmp / "second.epub", second->body);
  require_valid(tmp / "second.epub");
  CHECK(book_text(second->body).find("The edited words.") != std::string::npos);
  CHECK(book_text(second->body).find("The original words.") == std::string::npos);

  // A post that cannot build: the status says so with mkepub's `path:line:col: error:` line; the book stays.
  spit(tmp / "site/b.md", "---\ntitle: [Second post\n---\nMore words.\n");
  REQUIRE_MESSAGE(wait_for([&] { return status().find("\"ok\":false") != std::string::npos; }, 20),
                  slurp(tmp / "serve.log"));
  std::string failed = status();
  CHECK(status_number(failed, "build") == 2);
  CHECK_MESSAGE(failed.find("/site/b.md:3:1: error: invalid YAML in front matter") != std::string::npos, failed);
  CHECK(http.Get("/book.epub")->body == second->body);

  // Mended: the build succeeds again and the report is gone.
  spit(tmp / "site/b.md", "---\ntitle: Second post, mended\n---\nMore words.\n");
  REQUIRE(wait_for([&] { return status_number(status(), "build") == 3; }, 20));
  CHECK(status().find("\"ok\":true") != std::string::npos);
  CHECK(status().find("\"log\":\"\"") != std::string::npos);

  CHECK(server.stop(SIGTERM) == 0);
  CHECK(fs::is_empty(tmp / "tmp"));  // the temporary book and cache are gone
}

TEST_CASE("serve: a port in use is an error saying so, and SIGINT stops the server cleanly") {
  TempDir tmp;
  fs::create_directories(tmp / "tmp");
  spit(tmp / "site/a.md", "---\ntitle: A\n---\nText.\n");
  Server first({(tmp / "site").string(), "--port", "0"}, tmp / "first.log", tmp / "tmp");
  int port = first.port();
  REQUIRE_MESSAGE(port > 0, slurp(tmp / "first.log"));
  Run second = run_mkepub_bounded("serve " + quote((tmp / "site").string()) + " --port " + std::to_string(port), 20);
  CHECK(second.code == 1);
  CHECK_MESSAGE(second.output.find("cannot listen on 127.0.0.1:" + std::to_string(port)) != std::string::npos,
                second.output);
  CHECK(first.stop(SIGINT) == 0);
  CHECK(fs::is_empty(tmp / "tmp"));
}

TEST_CASE("serve: options that make no single book from files are usage errors") {
  TempDir tmp;
  spit(tmp / "site/a.md", "---\ntitle: A\n---\nText.\n");
  std::string site = quote((tmp / "site").string());
  for (const std::string& args :
       {"serve " + site + " --split-by year", std::string("serve -"), "serve " + site + " -o -",
        "serve " + site + " --port 70000", "serve " + site + " --prot 3000"}) {
    Run r = run_mkepub_bounded(args, 20);
    CHECK_MESSAGE(r.code == 2, args, r.output);
  }
}

TEST_CASE("serve: without the viewer's scripts it stops at once with an error naming where they were looked for") {
  TempDir tmp;
  spit(tmp / "site/a.md", "---\ntitle: A\n---\nText.\n");
  fs::create_directories(tmp / "empty");
  Run r = run("MKEPUB_VIEWER_DIR=" + quote((tmp / "empty").string()) + " timeout 20 " + quote(MKEPUB_BINARY) +
              " serve " + quote((tmp / "site").string()) + " --port 0");
  CHECK(r.code == 1);
  CHECK_MESSAGE(r.output.find("error: the viewer (epub.min.js and jszip.min.js) is not in MKEPUB_VIEWER_DIR, " +
                              (tmp / "empty").string()) != std::string::npos,
                r.output);
}
