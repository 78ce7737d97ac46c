// The leak check: source syntax that reached a book's text instead of being understood (template tags, front
// matter, unparsed Markdown, attribute lists, admonition fences, wikilinks, raw HTML shown as text, image URLs left
// as links). Counted over the text readers see: every chapter page's text outside code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/book.h"

namespace mkepub::test {

// A site's Markdown, to tell syntax that leaked from syntax its generator shows as text too: syntax its author
// escaped (`\_\_proto\_\_`, `\<details>`, `\*\*Note:\*\*`), and Markdown written inside a raw HTML block
// (`<font size="1">` over `[1] image: [Wikimedia](...)`), which CommonMark, and every renderer built on it, passes
// through as HTML. Shown as written is then what the author's own site shows, and the page is right.
class SiteText {
 public:
  explicit SiteText(const fs::path& root);  // every .md, .markdown, .mdx, .mdown under root, in name order
  // Whether `text` occurs in the sources only once their escapes are read (a backslash before ASCII punctuation,
  // `&lt;`, `&gt;`, `&amp;`), never as written.
  bool only_escaped(std::string_view text) const;
  // Whether `text` occurs in the sources inside a raw HTML block, as cmark-gfm parses them.
  bool in_raw_html(std::string_view text) const;

 private:
  std::string raw_, unescaped_, raw_html_;
};

// Kind of leak -> how many; each kind counted once per text node where it occurs, so that one garbled paragraph
// does not count as fifty.
using LeakCounts = std::map<std::string, int>;

// One leak as found, for a person to read: the page, the kind and the text (or href) it was found in.
struct LeakSample {
  std::string page, kind, text;
};

// Where a leak check writes beyond its counts, and what it may read to explain a leak away.
struct LeakDetail {
  std::vector<LeakSample>* samples = nullptr;  // each leak, when given
  const SiteText* site = nullptr;              // when given, leaks the generator shows too are not counted...
  LeakCounts* escaped = nullptr;               // ...but counted here by kind: escaped by the author,
  LeakCounts* in_raw_html = nullptr;           // and written inside raw HTML
};

// One XHTML page's leaks (an <a class="remote-image">, mkepub's link to an image it could not fetch, counts as
// "remote image not fetched").
LeakCounts leaks_in_page(const std::string& xhtml, const LeakDetail& detail = {}, const std::string& page = "");

// Every chapter page (EPUB/text/*.xhtml) of a book's entries.
LeakCounts leaks_in_book(const std::vector<Entry>& entries, const LeakDetail& detail = {});

int total(const LeakCounts& counts);
std::string format_leaks(const LeakCounts& counts);  // "wikilink 12, template tag 3" or "none"

}  // namespace mkepub::test
