// The anthology's summary table: one row a book, then the totals, its columns aligned as a terminal shows them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mkepub {

struct BookRow {
  std::string name;     // the book's file name, maybe Chinese (a category's or tag's name)
  bool cached = false;  // unchanged since the last run: not built
  bool ok = true;
  size_t chapters = 0, warnings = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

// Names padded by display width (a CJK character takes two columns), numbers right-aligned, a last row of the
// books' totals with the run's wall-clock `seconds` (books are built in parallel: their times overlap).
std::string summary_table(const std::vector<BookRow>& rows, double seconds);

}  // namespace mkepub
