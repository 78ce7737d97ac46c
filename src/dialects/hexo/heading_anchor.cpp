// Dialects, Hexo: heading anchors as hexo-renderer-marked makes them
// (https://github.com/hexojs/hexo-renderer-marked lib/renderer.js `heading`, https://github.com/hexojs/hexo-util
// lib/slugize.ts and escape_diacritic.ts).
#include "dialects/hexo/heading_anchor.h"

#include "base/text.h"
#include "dialects/tags/tag_render.h"

namespace mkepub {
namespace {

// JavaScript's `\s`: ASCII white space and the Unicode space separators, which slugize turns into `-` too.
bool is_js_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_special(char32_t c) {
  return is_js_space(c) ||
         (c < 0x80 && std::string_view("~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/").find(char(c)) != std::string_view::npos);
}

// escapeDiacritic for U+00C0..U+00FF (the letters Western headings carry); `*` keeps the character as it is.
std::string_view latin1_base(char32_t c) {
  static constexpr std::string_view kBase[64] = {
      "A", "A", "A", "A", "A", "A", "AE", "C", "E",  "E",  "E", "E", "I", "I", "I", "I", "D",  "N", "O",  "O", "O", "O",
      "O", "*", "O", "U", "U", "U", "U",  "Y", "TH", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
      "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "*", "o", "u", "u", "u", "u",  "y", "th", "y"};
  return c >= 0xC0 && c <= 0xFF ? kBase[c - 0xC0] : "*";
}

}  // namespace

std::string hexo_slugize(std::string_view text) {
  std::string out;
  bool pending = false;  // a run of special characters waits for the next kept character
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = next_code_point(text, i);
    if (c < 0x20) continue;
    if (is_special(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += '-';
    pending = false;
    std::string_view base = latin1_base(c);
    if (base == "*") out.append(text.substr(start, i - start));
    else out += base;
  }
  return out;
}

std::string HexoHeadingIds::next(std::string_view heading_text) {
  const std::string escaped = tags::html_escape(heading_text);
  std::string id = hexo_slugize(trim(escaped));
  int& count = seen_[id];
  if (count > 0) return id + "-" + std::to_string(count++);
  count = 1;
  return id;
}

}  // namespace mkepub
