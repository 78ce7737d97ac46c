// Entries: every file of the container, in the order it is written (mimetype first).
#pragma once

#include "book.h"

namespace mkepub {

// The book as container entries. Chapter pages are written out here (their DOMs are finished and dropped).
std::vector<Entry> package_book(Book& book);

}  // namespace mkepub
