// Progress on a terminal: one line, redrawn, no wider than the terminal: the stage (reading, rendering, packing),
// books and posts done of their totals and the rate.
#pragma once

#include <cstddef>
#include <string>

namespace mkepub {

// Counters the build stages bump from any thread; they cost an atomic add whether or not a line is shown.
void progress_expect(size_t books, size_t posts);  // the run's totals, as the driver plans them
void progress_post_done();
void progress_book_done();

// Draws the line on stderr while alive, when `show` (stderr is a terminal and --quiet was not given); the line
// is erased when it ends, before the report. Off a terminal nothing is drawn: logs stay clean.
class ProgressLine {
 public:
  explicit ProgressLine(bool show);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  struct Ticker;
  Ticker* ticker_ = nullptr;
};

// What the line says, from the counts (for tests), cut to `columns` display columns: "reading", then
// "rendering · 3/17 books · 1,204/3,083 posts · 812 posts/s", then "packing · 16/17 books".
struct ProgressCounts {
  size_t books_done = 0, books = 0, posts_done = 0, posts = 0;
  bool planned = true;  // the totals are known (progress_expect was called)
};
ProgressCounts progress_counts();
std::string format_progress(const ProgressCounts& c, double seconds, size_t columns = 1000);

}  // namespace mkepub
