// Languages: BCP 47 tags (https://www.rfc-editor.org/rfc/rfc5646), detected from Unicode scripts when not given.
#include "base/language.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/chinese.h"
#include "base/text.h"

namespace mkepub {

void ScriptCounts::add(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (auto b = static_cast<unsigned char>(text[i]); b < 0x80) {  // most text: no code point to decode
      latin += ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? 1 : 0;
      ++i;
      continue;
    }
    char32_t c = next_code_point(text, i);
    if (c < 0x80) latin += std::isalpha(static_cast<int>(c)) ? 1 : 0;
    else if (is_kana(c)) ++kana;
    else if (is_han(c)) ++han, ++han_chars[c];
    else if (is_hangul(c)) ++hangul;
  }
}

std::string detect_language(const ScriptCounts& c) {
  long cjk = c.han + c.kana + c.hangul;
  // A few CJK names in an English text do not make it Chinese: ask for CJK to be a real share of the letters
  // (one CJK character carries about as much as a short English word).
  if (cjk == 0 || cjk * 4 < c.latin / 10) return "en";
  if (c.hangul > c.han + c.kana) return "ko";
  if (c.kana * 20 >= c.han + c.kana) return "ja";
  return chinese_variant(c.han_chars);
}

std::string normalize_language(std::string_view tag) {
  std::vector<std::string> parts(1);
  for (char ch : tag) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '_' || c == '-') parts.emplace_back();
    else if (std::isalnum(c)) parts.back() += static_cast<char>(std::tolower(c));
    else return "";
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    auto& p = parts[i];
    if (p.empty() || p.size() > 8) return "";
    bool alpha = std::all_of(p.begin(), p.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (i == 0 && (!alpha || p.size() < 2)) return "";
    // RFC 5646 2.1.1: regions upper case (zh-CN), scripts title case (zh-Hant), the rest lower case.
    if (i > 0 && alpha && p.size() == 2) std::transform(p.begin(), p.end(), p.begin(), ::toupper);
    if (i > 0 && alpha && p.size() == 4) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    out += (i ? "-" : "") + p;
  }
  return out;
}

}  // namespace mkepub
