// Entries: every file of the container, in the order it is written (mimetype first).
#pragma once

#include "base/book.h"
#include "fonts/fonts.h"

namespace mkepub {

// The book as container entries: `pages` are the chapters' finished pages in order (see finish_chapter), the
// rest (package document, navigation, stylesheet, front pages, images, fonts) is written here.
std::vector<Entry> package_book(Book book, std::vector<Entry> pages);

// `chapters_text` with the text of the book's other pages added (nav, cover page, title page), which the same
// stylesheet sets in the embedded fonts: their subsets must cover it too (the nav's 目录, the title).
FontText with_front_pages_text(const Book& book, FontText chapters_text);

}  // namespace mkepub
