// Long posts split into several files, so that no XHTML file is too big for a reader (old Adobe-based readers
// and Kobo choke on files over about 300 KB).
#pragma once

#include "base/book.h"

namespace mkepub {

inline constexpr size_t kMaxPageBytes = 250 * 1024;  // leaves room below 300 KB for what later stages add

// Moves the tail of a chapter longer than `limit` bytes into continued pages ("text/c0005-2.xhtml", ...),
// breaking before a heading where it can, inside long lists and tables where it must.
void split_long_chapter(Chapter& chapter, size_t limit = kMaxPageBytes);

}  // namespace mkepub
