// Footnotes that pop up: GFM footnotes as EPUB noterefs and footnote asides (EPUB SSV, DPUB-ARIA roles).
#pragma once

#include <pugixml.hpp>
#include <string>

namespace mkepub {

// Rewrites cmark-gfm's footnotes under `content`: each reference becomes
// `<a epub:type="noteref" role="doc-noteref">` (no <sup> around it, which breaks pop-ups), each note an
// `<aside epub:type="footnote" role="doc-footnote">` at the end with its back-link first. Ids get `prefix`,
// so that they stay unique across the book.
void make_popup_footnotes(pugi::xml_node content, const std::string& prefix);

}  // namespace mkepub
