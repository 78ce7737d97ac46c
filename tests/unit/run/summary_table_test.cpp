// The anthology's table (summary_table.h): columns aligned by display width, a totals row.
#include <doctest/doctest.h>

#include <sstream>

#include "base/terminal.h"
#include "run/summary_table.h"

using namespace mkepub;

TEST_CASE("summary_table: Chinese names aligned by columns, then a totals row") {
  std::vector<BookRow> rows = {
      {"技术.epub", false, true, 12, 3, 204800, 1.5},
      {"life.epub", false, true, 4, 0, 10240, 0.25},
      {"随笔.epub", true, true, 0, 0, 5120, 0},
  };
  std::string table = summary_table(rows, 1.75);
  std::istringstream lines(table);
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  REQUIRE(all.size() == 5);
  for (const auto& l : all) CHECK(display_width(l) == display_width(all[0]));  // every column ends in one place
  CHECK(all[1] == pad_to_width("技术.epub", 40) + "        12      200 KB         3    1.50 s");
  CHECK(all[3] == pad_to_width("随笔.epub", 40) + "         -        5 KB         - unchanged");
  CHECK(all[4] == pad_to_width("total: 3 books", 40) + "        16      215 KB         3    1.75 s");
}

TEST_CASE("summary_table: a name wider than the column widens it, a failed book is counted") {
  std::string name(50, 'n');
  std::string table = summary_table({{name, false, false, 1, 2, 1024, 0.5}}, 0.5);
  CHECK(table.find(name + "         1") != std::string::npos);
  CHECK(table.find("  FAILED\n") != std::string::npos);
  CHECK(table.find("total: 1 book, 1 failed") != std::string::npos);
}
