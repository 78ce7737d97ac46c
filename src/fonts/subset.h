// Embedded fonts: a face cut down to the characters a book uses (hb-subset), and IDPF font obfuscation
// (EPUB 3.3 section 4.6, https://www.w3.org/TR/epub-33/#sec-font-obfuscation).
#pragma once

#include <string>

namespace mkepub {

struct SubsetFont {
  std::string bytes;       // a single-face OpenType file
  std::string media_type;  // "font/otf" for CFF outlines, "font/ttf" for glyf outlines
  std::u32string missing;  // requested code points the face has no glyph for (default-ignorables never count)
};

// Face `face_index` of `font_bytes` (an OpenType/TrueType file or TTC/OTC collection) with exactly the glyphs
// `codepoints` need, plus their GSUB/GPOS closure so that ligatures, locl forms and kerning still work, and the
// vert/vrt2 alternates of vertical writing when `vertical`. Hinting is dropped (it only matters at low
// resolutions, and is the bulk of some fonts) except in the fonts FreeType knows need their bytecode to draw.
// The same input gives the same bytes. Throws std::invalid_argument when the bytes hold no such face.
SubsetFont subset_font(const std::string& font_bytes, int face_index, const std::u32string& codepoints,
                       bool vertical);

// The distinct code points of `utf8`, ascending, without control characters (C0, DEL, C1): what a font
// embedded for that text must draw. Line feeds and tabs are layout, not glyphs.
std::u32string codepoints_in(const std::string& utf8);

// IDPF font obfuscation: the first 1040 bytes XORed with the SHA-1 of the package's unique identifier (the
// dc:identifier the package's unique-identifier names) with U+0020, U+0009, U+000D and U+000A removed.
// Applying it twice gives the original bytes; the font is listed in META-INF/encryption.xml with the algorithm
// http://www.idpf.org/2008/embedding and stored obfuscated before compression.
std::string obfuscate_font(std::string bytes, const std::string& unique_identifier);

}  // namespace mkepub
