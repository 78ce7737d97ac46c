// Embedded fonts: the families the user names (or the configured one for the book's language), each face cut
// down to the characters its text uses in this book, with @font-face rules for the stylesheet.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <set>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// The characters of the book's pages by the face that draws them (regular, bold, italic, code), each once a page,
// and the chapters that use each (for the "lacks characters" warning). Gathered page by page, as pages are
// finished: the book's DOMs are never open all at once.
struct FontText {
  static constexpr int kSlots = 4;
  std::string by_slot[kSlots];
  std::map<char32_t, std::set<std::string>> chapters_of;
};
void collect_font_text(const pugi::xml_document& page, const std::string& where, FontText& t);
void add_font_text(FontText& into, FontText part);

// The faces for options.fonts (body families, fallbacks after the first) and options.mono_font, subset to the
// text each styles in `book` (regular, bold, italic and code text apart). A family fontconfig cannot find or a
// file that is not a font is an error (with the nearest family names); characters a face lacks are a warning
// naming them and their chapters.
std::vector<EmbeddedFont> embed_fonts(const Options& options, const Book& book, FontText chapters_text,
                                      Diagnostics& diag);

// @font-face rules and the font-family declarations that use them, appended to the stylesheet.
std::string font_face_css(const std::vector<EmbeddedFont>& fonts);

// The family `--font auto` names for `language` from fonts/fonts.yaml, if one is installed; "" when none.
std::string configured_family(const std::string& language);

}  // namespace mkepub
