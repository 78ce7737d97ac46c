// The leak check: source syntax that reached a book's text instead of being understood (template tags, front
// matter, unparsed Markdown, attribute lists, admonition fences, wikilinks, raw HTML shown as text, image URLs left
// as links). Counted over the text readers see: every chapter page's text outside code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub::test {

// Kind of leak -> how many; each kind counted once per text node where it occurs, so that one garbled paragraph
// does not count as fifty.
using LeakCounts = std::map<std::string, int>;

// One leak as found, for a person to read: the page, the kind and the text (or href) it was found in.
struct LeakSample {
  std::string page, kind, text;
};

// One XHTML page's leaks (an <a> whose href is an image counts as "image URL as link"); each one is also appended
// to `samples` when given.
LeakCounts leaks_in_page(const std::string& xhtml, std::vector<LeakSample>* samples = nullptr,
                         const std::string& page = "");

// Every chapter page (EPUB/text/*.xhtml) of a book's entries.
LeakCounts leaks_in_book(const std::vector<Entry>& entries, std::vector<LeakSample>* samples = nullptr);

int total(const LeakCounts& counts);
std::string format_leaks(const LeakCounts& counts);  // "wikilink 12, template tag 3" or "none"

}  // namespace mkepub::test
