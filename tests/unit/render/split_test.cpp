// Long posts split into several files (split.h).
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <chrono>

#include "render/chapter.h"
#include "render/split.h"

using namespace mkepub;

namespace {

Post long_post(const std::string& body) {
  Post post;
  post.file = "posts/long.md";
  post.display = "posts/long.md";
  post.title = "Long";
  post.body = body;
  return post;
}

}  // namespace

TEST_CASE("a short chapter stays one file") {
  Post post = long_post("## One\n\nText.\n");
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0001.xhtml", diag);
  split_long_chapter(ch, 10000);
  CHECK(ch.continued.empty());
  CHECK(ch.page_of_id.empty());
}

TEST_CASE("a long chapter is split before headings, every file under the limit, ids mapped to their files") {
  std::string body;
  for (int s = 1; s <= 12; ++s) {
    body += "## Section " + std::to_string(s) + "\n\n";
    for (int p = 0; p < 20; ++p) body += "A paragraph of some length that fills the section up nicely. " + std::string(60, 'x') + "\n\n";
  }
  Post post = long_post(body);
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0007.xhtml", diag);
  split_long_chapter(ch, 12000);
  REQUIRE(ch.continued.size() >= 3);
  CHECK(ch.continued[0].href == "text/c0007-2.xhtml");
  CHECK(finish_chapter(*ch.doc, "", "en").size() <= 12000 + 500);
  for (auto& page : ch.continued) {
    auto text = finish_chapter(*page.doc, "", "en");
    CHECK(text.size() <= 12000 + 500);
    // Each continued page starts at a heading (sections are small enough to fit whole).
    auto section = page.doc->document_element().child("body").child("section");
    CHECK(std::string(section.first_child().name()) == "h2");
  }
  CHECK(ch.href_of("section-1") == "text/c0007.xhtml");
  CHECK(ch.href_of("section-12") == ch.continued.back().href);
}

TEST_CASE("one huge ordered list is broken into lists that keep counting") {
  std::string body;
  for (int i = 1; i <= 2000; ++i) body += std::to_string(i) + ". item number " + std::to_string(i) + "\n";
  Post post = long_post(body);
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0001.xhtml", diag);
  split_long_chapter(ch, 20000);
  REQUIRE(!ch.continued.empty());
  int items = 0;
  int expected_start = 1;
  std::vector<pugi::xml_document*> docs = {ch.doc.get()};
  for (auto& p : ch.continued) docs.push_back(p.doc.get());
  for (auto* doc : docs) {
    for (auto x : doc->select_nodes("//ol")) {
      CHECK(x.node().attribute("start").as_int(1) == expected_start);
      int n = static_cast<int>(x.node().select_nodes("li").size());
      expected_start += n;
      items += n;
    }
    CHECK(finish_chapter(*doc, "", "en").size() <= 20000 + 500);
  }
  CHECK(items == 2000);
}

TEST_CASE("one huge paragraph is cut between words into paragraphs, every file under the limit") {
  // Escaped text grows: `<` is written `&lt;`, so 250 KB of it made a 700 KB page.
  std::string body = "Intro.\n\n";
  for (int i = 0; i < 4000; ++i) body += "a < b & c > d 中文字，";
  Post post = long_post(body + "\n");
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0001.xhtml", diag);
  split_long_chapter(ch, 20000);
  REQUIRE(ch.continued.size() >= 3);
  std::string all;
  std::vector<pugi::xml_document*> docs = {ch.doc.get()};
  for (auto& p : ch.continued) docs.push_back(p.doc.get());
  for (auto* doc : docs) {
    auto page = finish_chapter(*doc, "", "en");
    CHECK(page.size() <= 20000 + 500);
    for (auto p : doc->select_nodes("//p"))
      for (auto t : p.node().children()) all += t.value();
  }
  std::string expected = "Intro.";
  for (int i = 0; i < 4000; ++i) expected += "a < b & c > d 中文字，";
  CHECK(all == expected);  // every character kept, in order, none cut in two
}

TEST_CASE("one huge table is broken into tables that each repeat its header, in linear time") {
  std::string body = "| n | word |\n|---|---|\n";
  for (int i = 1; i <= 3000; ++i) body += "| " + std::to_string(i) + " | row |\n";
  Post post = long_post(body);
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0001.xhtml", diag);
  split_long_chapter(ch, 20000);
  REQUIRE(!ch.continued.empty());
  int rows = 0, tables = 0;
  std::vector<pugi::xml_document*> docs = {ch.doc.get()};
  for (auto& p : ch.continued) docs.push_back(p.doc.get());
  for (auto* doc : docs) {
    for (auto t : doc->select_nodes("//table")) {
      ++tables;
      CHECK(t.node().select_nodes("thead/tr/th").size() == 2);
      rows += static_cast<int>(t.node().select_nodes("tbody/tr").size());
    }
    CHECK(finish_chapter(*doc, "", "en").size() <= 20000 + 500);
  }
  CHECK(tables > 3);
  CHECK(rows == 3000);
}

TEST_CASE("one paragraph of many inline elements is shared out in time that grows with its length") {
  // 400,000 emphasised words in one paragraph, cut into about 5,000 pages: each new paragraph once looked
  // through all the words left, a billion steps (20 s); a bound, not a benchmark (bench/quadratic.sh, "footnotes").
  std::string body;
  for (int i = 0; i < 400000; ++i) body += "*w* ";
  Post post = long_post(body);
  Diagnostics diag;
  auto ch = render_chapter(post, "text/c0001.xhtml", diag);
  auto start = std::chrono::steady_clock::now();
  split_long_chapter(ch, 2048);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10);
  CHECK(ch.continued.size() > 2000);
  size_t words = ch.doc->select_nodes("//em").size();
  for (auto& p : ch.continued) words += p.doc->select_nodes("//em").size();
  CHECK(words == 400000);
}
