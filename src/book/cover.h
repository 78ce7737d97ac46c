// The generated cover: a PNG with the title and authors, for books given no cover image (EPUB 3.3 cover-image,
// https://www.w3.org/TR/epub-33/#sec-cover-image).
#pragma once

#include <string>
#include <vector>

namespace mkepub {

// A PNG cover, `width` x `height` (default 1600x2560), with the title and authors set in a font fontconfig
// finds for `language` (a BCP 47 tag: zh-CN, zh-TW, ja, ko, en...), so that library thumbnails show the book.
// Deterministic: the same arguments give the same bytes (on the same fonts). Throws std::invalid_argument for a
// size cairo cannot make, std::runtime_error when cairo fails.
std::string render_cover_png(const std::string& title, const std::vector<std::string>& authors,
                             const std::string& language, int width = 1600, int height = 2560);

// The font family list the cover asks fontconfig for: the Noto Serif CJK face of the language's region for
// Chinese, Japanese and Korean ("Noto Serif CJK TC, serif" for zh-TW), else "serif".
std::string cover_font_family(const std::string& language);

}  // namespace mkepub
