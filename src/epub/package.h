// Entries: every file of the container, in the order it is written (mimetype first).
#pragma once

#include "base/book.h"

namespace mkepub {

// The book as container entries: `pages` are the chapters' finished pages in order (see finish_chapter), the
// rest (package document, navigation, stylesheet, front pages, images, fonts) is written here.
std::vector<Entry> package_book(Book book, std::vector<Entry> pages);

}  // namespace mkepub
