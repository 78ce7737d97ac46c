// Fuzz target: a book's SUMMARY.md (summary.cpp) and what its order, nesting, part titles and chapter titles
// become: chapter pages, the nav document and the NCX (nav.cpp), as the loader (load.cpp) hands them on.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <set>

#include "base/book.h"
#include "dialects/mdbook/mdbook.h"
#include "epub/nav.h"
#include "fuzz_check.h"
#include "render/chapter.h"
#include "sources/load.h"

using namespace mkepub;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  try {
    text = decode_text(std::string(reinterpret_cast<const char*>(data), size), "SUMMARY.md");
  } catch (const InputError&) {
    return 0;
  }
  const fs::path dir = "/fuzz/src";
  auto entries = parse_summary(text, dir);

  // load_book's walk, without the disk: every listed file exists and holds a post with one section.
  std::deque<Post> posts;  // chapters point at their posts
  std::set<std::string> listed;
  std::string part;
  for (const auto& e : entries) {
    if (e.kind == SummaryEntry::Kind::part) {
      part = e.title;
      continue;
    }
    if (e.file.empty() || !listed.insert(e.file.lexically_normal().string()).second) continue;
    Post& p = posts.emplace_back();
    p.file = e.file;
    p.display = e.file.lexically_relative(dir).generic_string();
    p.root = dir;
    p.nesting = e.depth;
    p.part = part;
    p.summary_title = e.title;
    p.body = "## " + e.title + "\n\ntext\n";
    part.clear();
  }
  if (posts.empty()) return 0;

  Diagnostics diag;
  Book book;
  book.meta.title = "Book";
  book.meta.language = "en";
  for (size_t i = 0; i < posts.size(); ++i) {
    book.chapters.push_back(render_chapter(posts[i], "text/c" + std::to_string(i + 1) + ".xhtml", diag));
    fuzz::require_page(finish_chapter(*book.chapters.back().doc, "", "en"));
  }
  auto outline = build_outline(book);
  fuzz::require_page(render_nav(book, outline));
  fuzz::require_xml(render_ncx(book, outline));
  return 0;
}
