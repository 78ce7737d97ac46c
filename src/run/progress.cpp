// The progress line: counters bumped by the stages, drawn every tenth of a second by a ticker thread.
#include "run/progress.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace mkepub {
namespace {

std::atomic<size_t> books_total{0}, posts_total{0}, books_done{0}, posts_done{0};

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
}
void progress_post_done() { ++posts_done; }
void progress_book_done() { ++books_done; }

ProgressCounts progress_counts() { return {books_done, books_total, posts_done, posts_total}; }

std::string format_progress(const ProgressCounts& c, double seconds) {
  std::string line;
  if (c.books > 1) line += grouped(c.books_done) + "/" + grouped(c.books) + " books \u00b7 ";
  line += grouped(c.posts_done) + "/" + grouped(c.posts) + " posts";
  if (seconds > 0.05) line += " \u00b7 " + grouped(static_cast<size_t>(c.posts_done / seconds)) + " posts/s";
  return line;
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
      std::fprintf(stderr, "\r\033[K%s", format_progress(progress_counts(), s).c_str());
      std::fflush(stderr);
      drawn = true;
    }
    if (drawn) std::fputs("\r\033[K", stderr);
  }
};

ProgressLine::ProgressLine(bool show) {
  if (!show) return;
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
