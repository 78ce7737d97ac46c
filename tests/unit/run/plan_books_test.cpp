// Splitting an anthology (plan_books.h): books by group, each within one book's limits, the whole without one.
#include <doctest/doctest.h>

#include "base/input_limits.h"
#include "run/plan_books.h"

using namespace mkepub;

namespace {

Post post(const std::string& title, int year, std::vector<std::string> tags = {}) {
  Post p;
  p.title = title;
  p.date = Date{year, 1, 1};
  p.tags = std::move(tags);
  p.body = "Text of " + title + ".\n";
  return p;
}

Options anthology() {
  Options o;
  o.title = "Blog";
  o.output = "books";
  return o;
}

}  // namespace

TEST_CASE("split_books: one book per tag, a post in each of its tags' books once, the text kept") {
  Collected c;
  c.posts = {post("A", 2020, {"x", "x", "y"}), post("B", 2021, {"y"}), post("C", 2021)};
  Diagnostics diag;
  auto books = split_books(anthology(), std::move(c), "tag", diag);
  REQUIRE(books.size() == 3);
  CHECK(books[0].options.output == fs::path("books/untagged.epub"));
  CHECK(books[1].options.title == "Blog \u00b7 x");
  REQUIRE(books[1].posts.size() == 1);  // `x` given twice: A once
  CHECK(books[1].posts[0].body == "Text of A.\n");
  REQUIRE(books[2].posts.size() == 2);
  CHECK(books[2].posts[0].body == "Text of A.\n");  // moved into its last book, copied into the others
  CHECK(books[2].posts[1].title == "B");
  CHECK_FALSE(diag.failed());
}

TEST_CASE("split_books: more posts than one book may hold, over several books, is no error") {
  Collected c;
  for (size_t i = 0; i < kMaxPosts + 10; ++i) c.posts.push_back(post("P", 2000 + static_cast<int>(i % 3)));
  Diagnostics diag;
  auto books = split_books(anthology(), std::move(c), "year", diag);
  CHECK_FALSE(diag.failed());
  REQUIRE(books.size() == 3);
  CHECK(books[0].posts.size() + books[1].posts.size() + books[2].posts.size() == kMaxPosts + 10);
}

TEST_CASE("split_books: a book past one book's limit is an error naming it, and is left out") {
  Collected c;
  for (size_t i = 0; i <= kMaxPosts; ++i) c.posts.push_back(post("P", 2020));
  c.posts.push_back(post("Q", 2021));
  Diagnostics diag;
  auto books = split_books(anthology(), std::move(c), "year", diag);
  REQUIRE(diag.errors().size() == 1);
  CHECK(diag.errors()[0].path == "books/2020.epub");
  CHECK(diag.errors()[0].message.find("the book `2020` would hold 10001 posts") == 0);
  REQUIRE(books.size() == 1);
  CHECK(books[0].options.output == fs::path("books/2021.epub"));
}
