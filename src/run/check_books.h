// `mkepub check BOOK.epub...`: mkepub's self-check on any EPUB, not only the books it builds.
#pragma once

#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

// Checks each book as mkepub checks its own before writing them (epub/check.h: the container, the package and
// its manifest, every XHTML page against HTML's content model, links and fragments) and prints one line per
// problem to `err`, `BOOK/FILE: error: CODE: what`, with epubcheck's message code where one says the same
// (RSC-007 a link to a missing file, RSC-012 a missing fragment, RSC-005 a content rule, RSC-016 XML that is not
// well-formed, OPF-003 a file not in the manifest, RSC-001 a manifest item not in the book, PKG-006 mimetype).
// 0 when every book is sound, 1 otherwise.
int check_books(const std::vector<fs::path>& books, std::string& err);

}  // namespace mkepub
