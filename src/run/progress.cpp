// The progress line: counters bumped by the stages, drawn every tenth of a second by a ticker thread.
#include "run/progress.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "base/terminal.h"
#include "epub/temporaries.h"

namespace mkepub {
namespace {

std::atomic<size_t> books_total{0}, posts_total{0}, books_done{0}, posts_done{0};
std::atomic<bool> planned{false};  // the run's totals are known: the sources are read

// 3083 -> "3,083": totals in the thousands are read at a glance.
std::string grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

void progress_expect(size_t books, size_t posts) {
  books_total += books;
  posts_total += posts;
  planned = true;
}
void progress_post_done() { ++posts_done; }
void progress_book_done() { ++books_done; }

ProgressCounts progress_counts() { return {books_done, books_total, posts_done, posts_total, planned}; }

// The stage is read from the counts: before the totals are planned the sources are being read; while posts are
// left, rendered; then the books are packed (images, fonts, the zip), where a posts' rate would say nothing.
std::string format_progress(const ProgressCounts& c, double seconds, size_t columns) {
  std::string line;
  if (!c.planned) {
    line = "reading";
  } else if (c.posts_done < c.posts) {
    line = "rendering \u00b7 ";
    if (c.books > 1) line += grouped(c.books_done) + "/" + grouped(c.books) + " books \u00b7 ";
    line += grouped(c.posts_done) + "/" + grouped(c.posts) + " posts";
    if (seconds > 0.05) line += " \u00b7 " + grouped(static_cast<size_t>(c.posts_done / seconds)) + " posts/s";
  } else {
    line = "packing \u00b7 " + grouped(c.books_done) + "/" + grouped(c.books) + (c.books == 1 ? " book" : " books");
  }
  return fit_to_width(line, columns);
}

struct ProgressLine::Ticker {
  std::mutex m;
  std::condition_variable stop_cv;
  bool stop = false;
  bool drawn = false;
  std::thread thread;

  void run() {
    auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(m);
    // Quick builds draw nothing: the line is for runs long enough to wonder about.
    while (!stop_cv.wait_for(lock, std::chrono::milliseconds(drawn ? 100 : 300), [this] { return stop; })) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      // One column short of the width: a line that fills it would wrap on some terminals, and every redraw
      // would then leave a line behind. The width is asked each time: the window may be resized.
      size_t columns = terminal_columns(STDERR_FILENO);
      std::string line = format_progress(progress_counts(), s, columns > 1 ? columns - 1 : 1);
      status_line_drawn(true);
      std::fprintf(stderr, "\r\033[K%s", line.c_str());
      std::fflush(stderr);
      drawn = true;
    }
    if (drawn) std::fputs("\r\033[K", stderr);
    status_line_drawn(false);
  }
};

ProgressLine::ProgressLine(bool show) {
  if (!show) return;
  install_stop_handler();  // Ctrl-C erases the line (base/terminal.h)
  ticker_ = new Ticker;
  ticker_->thread = std::thread([t = ticker_] { t->run(); });
}

ProgressLine::~ProgressLine() {
  if (!ticker_) return;
  {
    std::lock_guard lock(ticker_->m);
    ticker_->stop = true;
  }
  ticker_->stop_cv.notify_all();
  ticker_->thread.join();
  delete ticker_;
}

}  // namespace mkepub
