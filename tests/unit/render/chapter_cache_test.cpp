// The chapter cache's entries: what is written reads back the same; anything damaged reads as a miss.
#include <doctest/doctest.h>

#include "render/chapter_cache.h"

using namespace mkepub;

namespace {

RenderedPost sample() {
  RenderedPost p;
  Chapter& ch = p.chapter;
  ch.href = "text/c0002.xhtml";
  ch.title = "Título ✓";
  ch.headings = {{1, "top", "Título ✓", "", "título-✓"}, {2, "intro", "Intro", "1", "intro"}};
  ch.anchors = {{"Intro", "intro"}, {"old", "id-old"}};
  ch.page_of_id = {{"later", "text/c0002-2.xhtml"}};
  ch.parked = {std::string("\x00\x01\xff raw", 7), 1234};
  ch.continued = {{"text/c0002-2.xhtml", nullptr, {"more", 99}}};
  ch.images = {{"a.png", 3, true}, {"b.jpg", -1, false}};
  p.counts.han = 5, p.counts.latin = 70000, p.counts.han_chars = {{U'漢', 3}, {U'字', 2}};
  p.warnings = {{"post.md", 4, 2, "unknown tag `x`", "unknown tag"}};
  p.notes = {{"", 0, 0, "a note", ""}};
  p.includes.files = {{"blog/_inc/a.md", "abc"}, {"blog/missing.md", ""}};
  return p;
}

void check_same(const RenderedPost& a, const RenderedPost& b) {
  CHECK(a.chapter.href == b.chapter.href);
  CHECK(a.chapter.title == b.chapter.title);
  REQUIRE(a.chapter.headings.size() == b.chapter.headings.size());
  for (size_t i = 0; i < a.chapter.headings.size(); ++i) {
    const auto &x = a.chapter.headings[i], &y = b.chapter.headings[i];
    CHECK((x.level == y.level && x.id == y.id && x.text == y.text && x.number == y.number && x.slug == y.slug));
  }
  CHECK(a.chapter.anchors == b.chapter.anchors);
  CHECK(a.chapter.page_of_id == b.chapter.page_of_id);
  CHECK(a.chapter.parked.deflated == b.chapter.parked.deflated);
  CHECK(a.chapter.parked.size == b.chapter.parked.size);
  REQUIRE(a.chapter.continued.size() == b.chapter.continued.size());
  CHECK(a.chapter.continued[0].href == b.chapter.continued[0].href);
  CHECK(a.chapter.continued[0].parked.deflated == b.chapter.continued[0].parked.deflated);
  REQUIRE(a.chapter.images.size() == b.chapter.images.size());
  for (size_t i = 0; i < a.chapter.images.size(); ++i)
    CHECK((a.chapter.images[i].src == b.chapter.images[i].src && a.chapter.images[i].line == b.chapter.images[i].line &&
           a.chapter.images[i].has_alt == b.chapter.images[i].has_alt));
  CHECK(a.counts.han == b.counts.han);
  CHECK(a.counts.latin == b.counts.latin);
  CHECK(a.counts.han_chars == b.counts.han_chars);
  REQUIRE(a.warnings.size() == b.warnings.size());
  CHECK(a.warnings[0].format("warning") == b.warnings[0].format("warning"));
  CHECK(a.warnings[0].kind == b.warnings[0].kind);
  REQUIRE(a.notes.size() == b.notes.size());
  CHECK(a.notes[0].message == b.notes[0].message);
  CHECK(a.includes.files == b.includes.files);
}

}  // namespace

TEST_CASE("a cached post reads back as it was written") {
  auto bytes = encode_rendered_post(sample());
  auto back = decode_rendered_post(bytes);
  REQUIRE(back);
  check_same(sample(), *back);
  CHECK(encode_rendered_post(*back) == bytes);
}

TEST_CASE("a damaged, truncated or foreign cache entry is a miss") {
  const auto bytes = encode_rendered_post(sample());
  CHECK_FALSE(decode_rendered_post(""));
  CHECK_FALSE(decode_rendered_post("not an entry"));
  for (size_t cut : {size_t(1), size_t(10), bytes.size() / 2, bytes.size() - 1})
    CHECK_FALSE(decode_rendered_post(std::string_view(bytes).substr(0, cut)));
  for (size_t at : {size_t(0), size_t(30), bytes.size() / 2, bytes.size() - 1}) {
    auto damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    CHECK_FALSE(decode_rendered_post(damaged));
  }
  CHECK_FALSE(decode_rendered_post(bytes + "x"));
}
