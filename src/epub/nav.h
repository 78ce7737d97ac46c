// Navigation: the EPUB 3 nav document and the EPUB 2 NCX, both from one outline of the book.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

struct TocNode {
  std::string label;
  std::string href;  // relative to the package folder
  std::vector<TocNode> children;
};

// Chapters nested deeper than this (a SUMMARY.md indented 600 times) are listed at this depth: with a part above
// and six heading levels below, the nav stays within kMaxNesting levels, far from libxml2's limit of 256 nested
// elements, past which readers built on it cannot open the nav (each level is an <li> and an <ol>).
constexpr size_t kMaxChapterNesting = 90;
// How many chapters a chapter of SUMMARY.md nesting `nesting` (0: top level) has above it in the outline.
size_t nesting_in_outline(int nesting);

// Chapter titles with their headings nested beneath them, down to `book.toc_depth` levels.
std::vector<TocNode> build_outline(const Book& book);
std::vector<TocNode> build_outline(const Book& book, int toc_depth);

// The deepest toc depth, at most book.toc_depth, whose nav.xhtml stays under `limit` bytes: a nav page is an
// XHTML file like any other, and readers choke on big ones.
int fit_toc_depth(const Book& book, size_t limit);
// The same, with a note to `diag` when the depth had to be lowered.
int fit_toc_depth(const Book& book, size_t limit, Diagnostics& diag);

// nav.xhtml: the toc nav and the landmarks (toc, bodymatter).
std::string render_nav(const Book& book, const std::vector<TocNode>& outline);
// toc.ncx: the same tree for EPUB 2 reading systems.
std::string render_ncx(const Book& book, const std::vector<TocNode>& outline);
// "Contents" in the book's language.
std::string contents_label(const std::string& language);

}  // namespace mkepub
