// Self-check: mkepub verifies its own book before writing it; a failure is a bug in mkepub.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

// What the self-check needs of one XML file: its problems as a file, its ids and its links. Pages are scanned as
// they are finished, on the threads that finish them, so the check never holds the whole book's DOMs.
struct XmlFacts {
  std::vector<std::string> problems;
  std::vector<std::string> ids;   // sorted: a big book's pages hold tens of thousands, kept until the check
  std::vector<std::string> refs;  // every href and src
};
XmlFacts scan_xml(const std::string& path, const std::string& bytes);


// What is wrong with the book, one line per problem; empty when it is sound: every XML file parses, the
// manifest and the files agree, and every internal link and fragment resolves.
// Files already read as they were finished (see scan_xml) are not read again.
std::vector<std::string> check_book(const std::vector<Entry>& entries, std::map<std::string, XmlFacts> scanned = {});

// check_book for the driver: throws InternalError listing the problems, since a book mkepub made that fails its
// own check is a bug in mkepub, not in the input.
void require_sound_book(const std::vector<Entry>& entries, std::map<std::string, XmlFacts> scanned);


}  // namespace mkepub
