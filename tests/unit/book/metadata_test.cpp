// Book metadata (metadata.h): what the options and the posts say of the book.
#include <doctest/doctest.h>

#include <deque>

#include "book/metadata.h"
#include "../strings.h"

using namespace mkepub;

namespace {

// Posts with their chapters (which point at them), as the driver hands them to make_metadata.
struct Posts {
  std::deque<Post> posts;
  std::vector<Chapter> chapters;

  Post& add(const std::string& title) {
    Post& p = posts.emplace_back();
    p.title = title;
    Chapter& ch = chapters.emplace_back();
    ch.post = &p;
    ch.title = title;
    return p;
  }
  Metadata meta(const Options& o = {}) const { return make_metadata(o, chapters, "folder", {}); }
};

}  // namespace

TEST_CASE("metadata: each author of each post is one creator, in order, once") {
  Posts book;
  book.add("One").authors = {"Ann", "Bob"};
  book.add("Two").authors = {"Bob", "Cy"};
  book.add("Three");
  CHECK(book.meta().creators == Strings{"Ann", "Bob", "Cy"});

  Options o;
  o.authors = {"Flag", " Flag ", "  ", "Other"};  // the options' authors win over the posts'
  CHECK(book.meta(o).creators == Strings{"Flag", "Other"});
}

TEST_CASE("metadata: a blog of many authors names the three with the most chapters, the others as contributors") {
  Posts book;
  book.add("1").authors = {"Ann"};
  book.add("2").authors = {"Bob", "Cy"};
  book.add("3").authors = {"Dee"};
  book.add("4").authors = {"Dee", "Cy"};
  book.add("5").authors = {"Eve", "Ann"};
  book.add("6").authors = {"Fay"};
  auto m = book.meta();
  // Ann, Cy and Dee wrote two chapters each; the creators keep the order they first appear in.
  CHECK(m.creators == Strings{"Ann", "Cy", "Dee"});
  CHECK(m.contributors == Strings{"Bob", "Eve", "Fay"});

  Options o;
  o.authors = {"The Project"};  // a configured author is the creator, and the posts' are not listed
  CHECK(book.meta(o).creators == Strings{"The Project"});
  CHECK(book.meta(o).contributors.empty());
}

TEST_CASE("metadata: tags, categories and keywords are the subjects, in order, once") {
  Posts book;
  Post& one = book.add("One");
  one.tags = {"travel"};
  one.categories = {"Life"};
  one.keywords = {"trains", "travel"};
  Post& two = book.add("Two");
  two.keywords = {"maps", " ", "Life"};
  CHECK(book.meta().subjects == Strings{"travel", "Life", "trains", "maps"});
}

TEST_CASE("metadata: publisher, rights and series come from the options, blank ones not at all") {
  Posts book;
  book.add("One");
  Options o;
  o.publisher = " Self ";
  o.rights = "CC BY 4.0";
  o.series = "Collected Posts";
  o.series_index = "2";
  auto m = book.meta(o);
  CHECK(m.publisher == "Self");
  CHECK(m.rights == "CC BY 4.0");
  CHECK(m.series == "Collected Posts");
  CHECK(m.series_index == "2");

  o.publisher = o.rights = "  ";
  o.series = "\t";
  m = book.meta(o);
  CHECK(m.publisher.empty());
  CHECK(m.rights.empty());
  CHECK(m.series.empty());
  CHECK(m.series_index.empty());  // no position without a series
}

TEST_CASE("metadata: a title, subtitle or description of whitespace alone is none, and titles are trimmed") {
  Posts book;
  book.add("  ").description = " \n ";
  Options o;
  o.subtitle = "  ";
  auto m = book.meta(o);
  CHECK(m.title == "folder");
  CHECK(m.subtitle.empty());
  CHECK(m.description.empty());
  o.title = " Given ";
  o.description = "\t";
  CHECK(book.meta(o).title == "Given");
  CHECK(book.meta(o).description.empty());
}
