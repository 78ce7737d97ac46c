// Self-check: mkepub verifies its own book before writing it; a failure is a bug in mkepub.
#pragma once

#include "book.h"

namespace mkepub {

// What is wrong with the book, one line per problem; empty when it is sound: every XML file parses, the
// manifest and the files agree, and every internal link and fragment resolves.
std::vector<std::string> check_book(const std::vector<Entry>& entries);

}  // namespace mkepub
