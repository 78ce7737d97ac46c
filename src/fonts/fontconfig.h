// Fonts on this system, found through fontconfig: the faces of a family, names close to a misspelt one, and
// whether a file is a font (CSS Fonts 4 font matching, https://www.w3.org/TR/css-fonts-4/#font-style-matching,
// for which faces make up a family's regular, bold and italic).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mkepub {

namespace fs = std::filesystem;

// One face of a font file; `index` picks the face inside a TTC/OTC collection (0 for a single-face file).
struct FontFace {
  fs::path file;
  int index = 0;
  std::string family, style;  // the font's own English names: "Noto Serif CJK SC", "Bold"
  bool bold = false, italic = false;
};

// The faces fontconfig has for `family` (matched against every name the font gives itself, case-insensitively;
// never a fallback family): the regular face, then bold, italic and bold italic where the family has them.
// Among several candidates for one slot the weight nearest to 400 (700 for bold) wins, then the path. Only
// OpenType/TrueType files (what hb-subset reads) count. Empty when fontconfig has no such family.
std::vector<FontFace> resolve_font_family(const std::string& family);

// Up to `n` installed family names nearest to `wanted` by edit distance (over code points, ignoring case),
// nearest first, ties in name order: for "did you mean" in the error about a family fontconfig cannot find.
std::vector<std::string> nearest_family_names(const std::string& wanted, size_t n);

// The face `index` of `file` when it is an OpenType/TrueType font (or collection) FreeType can read, else
// nullopt: a text file, an image, a Type 1 or bitmap font, a missing file.
std::optional<FontFace> font_from_file(const fs::path& file, int index = 0);

}  // namespace mkepub
