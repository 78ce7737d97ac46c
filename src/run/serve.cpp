// The serve loop: a builder thread polls the inputs and rebuilds, the HTTP thread serves, and the main thread
// waits for SIGINT or SIGTERM (blocked in every thread, taken with sigwait: no work in a signal handler).
#include "run/serve.h"

#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "run/serve_build.h"
#include "run/serve_http.h"
#include "run/serve_watch.h"
#include "sources/load.h"

namespace mkepub {
namespace {

// How often the inputs are looked at; a change is built once the inputs look the same twice in a row, so a burst
// of saves (an editor writing several files, a `git checkout`) makes one build.
constexpr auto kPoll = std::chrono::milliseconds(300);

bool has_viewer(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "epub.min.js", ec) && fs::is_regular_file(dir / "jszip.min.js", ec);
}

class Builder {
 public:
  Builder(const ServeRequest& request, const fs::path& temp, ServedBook& book) : request_(request), book_(book) {
    output_ = request.output.empty() ? temp / "book.epub" : request.output;
    argv_.push_back(fs::read_symlink("/proc/self/exe").string());
    argv_.insert(argv_.end(), request.build_args.begin(), request.build_args.end());
    if (request.output.empty()) argv_.insert(argv_.end(), {"-o", output_.string()});
    std::vector<fs::path> ignored = {output_};
    if (!request.cache_given) {
      argv_.insert(argv_.end(), {"--cache-dir", (temp / "cache").string()});
      ignored.push_back(temp);
    }
    ignored_ = ignored;
  }

  void loop() {
    uint64_t built = 0;
    bool first = true;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      uint64_t now = watch_fingerprint(request_.watched, ignored_);
      if (first || now != built) {
        if (!first) {  // settled? look again after one poll
          wake_.wait_for(lock, kPoll, [&] { return stopping_; });
          if (stopping_ || watch_fingerprint(request_.watched, ignored_) != now) continue;
        }
        first = false;
        built = now;
        lock.unlock();
        build();
        lock.lock();
        continue;
      }
      wake_.wait_for(lock, kPoll, [&] { return stopping_; });
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    std::lock_guard lock(child_mutex_);
    if (child_) kill(child_, SIGTERM);  // its own handler removes its temporary book
  }

 private:
  bool stopped() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  void build() {
    book_.building();
    // A stop that came while the build was starting ends it as soon as it exists.
    BuildOutcome outcome = run_build(argv_, [this](pid_t pid) {
      std::lock_guard lock(child_mutex_);
      child_ = pid;
      if (pid && stopped()) kill(pid, SIGTERM);
    });
    std::error_code ec;
    if (outcome.exit_code == 0 && fs::is_directory(output_, ec)) {  // a config's `books:`: -o named a folder
      outcome.log += "mkepub: error: the config builds several books, into " + output_.string() +
                     "; mkepub serve shows one: give it one book's posts, or a config of one book\n";
    } else if (outcome.exit_code == 0) {
      if (auto bytes = read_file(output_)) return book_.built(std::move(*bytes));
      outcome.log += "mkepub: error: cannot read the book just built, " + output_.string() + "\n";
    }
    book_.failed(std::move(outcome.log));
  }

  const ServeRequest& request_;
  ServedBook& book_;
  fs::path output_;
  std::vector<std::string> argv_;
  std::vector<fs::path> ignored_;
  std::mutex child_mutex_;  // child_ and the signal sent to it, so that a stop and a start cannot cross
  pid_t child_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace

fs::path find_viewer_dir() {
  if (const char* env = std::getenv("MKEPUB_VIEWER_DIR"); env && *env) return has_viewer(env) ? fs::path(env) : "";
  std::error_code ec;
  fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  for (const auto& dir : {bin / ".." / "share" / "mkepub" / "viewer", bin / "viewer"})
    if (has_viewer(dir)) return dir.lexically_normal();
  return "";
}

int serve(const ServeRequest& request) {
  fs::path viewer = find_viewer_dir();
  if (viewer.empty()) {
    const char* env = std::getenv("MKEPUB_VIEWER_DIR");
    std::cerr << "mkepub: error: the viewer (epub.min.js and jszip.min.js) is not "
              << (env && *env ? "in MKEPUB_VIEWER_DIR, " + std::string(env)
                              : std::string("installed in <prefix>/share/mkepub/viewer; run ./setup.sh, or set "
                                            "MKEPUB_VIEWER_DIR to a folder holding them"))
              << "\n";
    return 1;
  }
  sigset_t stops;
  sigemptyset(&stops);
  sigaddset(&stops, SIGINT);
  sigaddset(&stops, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stops, nullptr);  // before any thread, so that every thread inherits it

  ServedBook book;
  PreviewServer server(book, viewer);
  int port = server.bind(request.port);
  if (port < 0) {
    std::cerr << "mkepub: error: cannot listen on 127.0.0.1:" << request.port
              << " (another server uses it?); choose another port with --port N\n";
    return 1;
  }
  std::string pattern = (fs::temp_directory_path() / "mkepub-serve-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::cerr << "mkepub: error: cannot make a temporary folder in " << fs::temp_directory_path().string() << "\n";
    return 1;
  }
  fs::path temp = pattern;
  std::cerr << "mkepub: serving the book at http://127.0.0.1:" << port << "/ (Ctrl-C stops)" << std::endl;

  Builder builder(request, temp, book);
  std::thread http([&] { server.listen(); });
  std::thread watch([&] { builder.loop(); });
  int signal = 0;
  sigwait(&stops, &signal);
  builder.stop();
  server.stop();
  watch.join();
  http.join();
  std::error_code ec;
  fs::remove_all(temp, ec);
  std::cerr << "mkepub: stopped\n";
  return 0;
}

}  // namespace mkepub
