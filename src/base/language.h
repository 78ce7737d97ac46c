// Languages: BCP 47 tags (RFC 5646) given by the user or posts, or detected from the text's scripts.
#pragma once

#include <map>
#include <vector>
#include <string>
#include <string_view>

namespace mkepub {

// Script counts of running text, for detection.
struct ScriptCounts {
  long han = 0, kana = 0, hangul = 0, latin = 0;
  // Right-to-left scripts: Arabic-script letters (with those only Persian, or only Urdu, uses among them) and Hebrew.
  long arabic = 0, persian = 0, urdu = 0, hebrew = 0;
  std::map<char32_t, long> han_chars;  // to tell Simplified from Traditional Chinese
  void add(std::string_view text);
  ScriptCounts& operator+=(const ScriptCounts& o) {
    han += o.han, kana += o.kana, hangul += o.hangul, latin += o.latin;
    arabic += o.arabic, persian += o.persian, urdu += o.urdu, hebrew += o.hebrew;
    for (const auto& [c, n] : o.han_chars) han_chars[c] += n;
    return *this;
  }
};

// The counts of a whole book from its chapters'.
inline ScriptCounts total(const std::vector<ScriptCounts>& parts) {
  ScriptCounts all;
  for (const auto& c : parts) all += c;
  return all;
}

// "zh-CN", "zh-TW", "ja", "ko", "ar", "fa", "ur", "he" or "en" from the scripts a text is written in. Kana in at
// least 1 of 20 CJK characters makes Japanese (Chinese has none); Han otherwise makes Chinese, unless the text is
// overwhelmingly Latin (40 Latin letters per CJK character: a few Chinese names in an English post leave it
// English). Arabic or Hebrew letters at least half as many as Latin ones make a right-to-left text; in Arabic script,
// the letters only Urdu or only Persian uses tell them from Arabic.
std::string detect_language(const ScriptCounts& counts);

// Whether a BCP 47 tag names a language written right to left (Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto,
// Sindhi, Uyghur, Sorani, Dhivehi, Syriac; or any tag with the Arab, Hebr, Syrc, Thaa or Nkoo script subtag).
bool is_rtl_language(std::string_view tag);

// A user's or post's language written as a BCP 47 tag: "zh_CN" -> "zh-CN", "EN" -> "en"; "" when it is not one.
std::string normalize_language(std::string_view tag);

}  // namespace mkepub
