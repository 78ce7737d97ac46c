// Raw HTML to XHTML: the post's HTML goes through a real HTML5 parser (gumbo) and comes out as a clean XML tree.
// HTML that is XML too (most posts' cmark-gfm output) is read by pugixml instead, to the same tree.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "base/diagnostics.h"

namespace mkepub {

// Attribute set on <a> and <img> by append_html: the post line they came from, for later warnings.
inline constexpr const char* kLineAttr = "data-mkepub-line";
// Marker the Markdown stage puts before raw HTML so that its lines can be told.
std::string line_marker(int line);

// Parses `html` as an HTML5 body fragment and appends it to `parent` as XHTML: entities become characters,
// tags balance, and what an e-book must not carry is removed with a warning (scripts, forms, frames, event
// handlers, javascript: links, comments). Elements EPUB's XHTML does not know are unwrapped, keeping their text.
// `is_xml`: the HTML is known to read the same as XML (MarkdownHtml::is_xml); pugixml reads it instead, several
// times faster than the HTML5 parser and with the same result, unless it turns out not to be well-formed.
void append_html(pugi::xml_node parent, const std::string& html, const std::string& display, Diagnostics& diag,
                 bool is_xml = false);

}  // namespace mkepub
