// The summary table (summary_table.h).
#include "run/summary_table.h"

#include <algorithm>
#include <cstdio>

#include "base/terminal.h"

namespace mkepub {
namespace {

std::string number(const char* format, double v) {
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

std::string row(const std::string& name, size_t width, const std::string& chapters, const std::string& size,
                const std::string& warnings, const std::string& time, const char* status) {
  return pad_to_width(name, width) + " " + pad_to_width(chapters, 9, true) + " " + pad_to_width(size, 11, true) + " " +
         pad_to_width(warnings, 9, true) + " " + pad_to_width(time, 9, true) + status + "\n";
}

std::string kb(uint64_t bytes) { return std::to_string(bytes / 1024) + " KB"; }

}  // namespace

std::string summary_table(const std::vector<BookRow>& rows, double seconds) {
  size_t width = 40;
  for (const auto& r : rows) width = std::max(width, display_width(r.name));
  std::string out = row("book", width, "chapters", "size", "warnings", "time", "");
  size_t chapters = 0, warnings = 0, failed = 0;
  uint64_t bytes = 0;
  for (const auto& r : rows) {
    bytes += r.bytes;
    if (r.cached) {
      out += row(r.name, width, "-", kb(r.bytes), "-", "unchanged", "");
      continue;
    }
    chapters += r.chapters;
    warnings += r.warnings;
    failed += !r.ok;
    out += row(r.name, width, std::to_string(r.chapters), kb(r.bytes), std::to_string(r.warnings),
               number("%.2f s", r.seconds), r.ok ? "" : "  FAILED");
  }
  std::string total = "total: " + std::to_string(rows.size()) + (rows.size() == 1 ? " book" : " books");
  if (failed) total += ", " + std::to_string(failed) + " failed";
  return out + row(total, width, std::to_string(chapters), kb(bytes), std::to_string(warnings),
                   number("%.2f s", seconds), "");
}

}  // namespace mkepub
