// The progress line (progress.h): what it says, from the counts.
#include <doctest/doctest.h>

#include "run/progress.h"

using namespace mkepub;

TEST_CASE("format_progress: books only when there are several, thousands grouped, the rate once it means something") {
  CHECK(format_progress({0, 1, 12, 3083}, 0.0) == "rendering \u00b7 12/3,083 posts");
  CHECK(format_progress({0, 1, 1500, 3083}, 2.0) == "rendering \u00b7 1,500/3,083 posts \u00b7 750 posts/s");
  CHECK(format_progress({3, 17, 1004, 1043}, 1.0) ==
        "rendering \u00b7 3/17 books \u00b7 1,004/1,043 posts \u00b7 1,004 posts/s");
}

TEST_CASE("format_progress names the stage: reading before the totals, packing once every post is rendered") {
  CHECK(format_progress({0, 0, 0, 0, false}, 3.0) == "reading");
  CHECK(format_progress({0, 1, 3083, 3083}, 9.0) == "packing \u00b7 0/1 book");
  CHECK(format_progress({16, 17, 1043, 1043}, 9.0) == "packing \u00b7 16/17 books");
}

TEST_CASE("format_progress is cut to the terminal's columns, never inside a character") {
  std::string line = format_progress({0, 1, 1500, 3083}, 2.0, 20);
  CHECK(line == "rendering \u00b7 1,500/3,");
  CHECK(format_progress({0, 1, 1500, 3083}, 2.0, 11) == "rendering \u00b7");
  CHECK(format_progress({0, 1, 1500, 3083}, 2.0, 10) == "rendering ");
}

TEST_CASE("progress counters add up what the stages report") {
  auto before = progress_counts();
  progress_expect(2, 10);
  progress_post_done();
  progress_post_done();
  progress_book_done();
  auto after = progress_counts();
  CHECK(after.books - before.books == 2);
  CHECK(after.posts - before.posts == 10);
  CHECK(after.posts_done - before.posts_done == 2);
  CHECK(after.books_done - before.books_done == 1);
}
