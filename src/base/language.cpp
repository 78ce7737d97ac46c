// Languages: BCP 47 tags (https://www.rfc-editor.org/rfc/rfc5646), detected from Unicode scripts when not given.
#include "base/language.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/chinese.h"
#include "base/text.h"

namespace mkepub {
namespace {

// The Arabic script's blocks (Unicode 15: Arabic, Supplement, Extended-A, Presentation Forms A and B), letters only:
// not its digits and punctuation, which other scripts' texts borrow.
bool is_arabic_letter(char32_t c) {
  if (c >= 0x0600 && c <= 0x06FF) return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5;
  return (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

}  // namespace

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
    else if (c >= 0x0590 && c <= 0x05FF) ++hebrew;
    else if (is_arabic_letter(c)) {
      ++arabic;
      if (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC)
        ++persian;  // پ چ ژ گ ک ی, which Arabic does not use (Urdu does)
      if (c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA || c == 0x06BE || c == 0x06C1 || c == 0x06D2)
        ++urdu;  // ٹ ڈ ڑ ں ھ ہ ے
    }
  }
}

std::string detect_language(const ScriptCounts& c) {
  long cjk = c.han + c.kana + c.hangul;
  if (long rtl = c.arabic + c.hebrew; rtl > 0 && rtl * 2 >= c.latin && rtl > cjk * 2) {
    if (c.hebrew > c.arabic) return "he";
    // Urdu's own letters (ے ہ ں) are a few hundredths of an Urdu text; Persian's (ی ک above all) a tenth of a
    // Persian one, and Urdu shares them.
    if (c.urdu * 50 >= c.arabic) return "ur";
    if (c.persian * 20 >= c.arabic) return "fa";
    return "ar";
  }
  // A few CJK names in an English text do not make it Chinese: ask for CJK to be a real share of the letters
  // (one CJK character carries about as much as a short English word).
  if (cjk == 0 || cjk * 4 < c.latin / 10) return "en";
  if (c.hangul > c.han + c.kana) return "ko";
  if (c.kana * 20 >= c.han + c.kana) return "ja";
  return chinese_variant(c.han_chars);
}

bool is_rtl_language(std::string_view tag) {
  std::string t = normalize_language(tag);
  std::string primary = t.substr(0, t.find('-'));
  for (const char* rtl : {"ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "ckb", "dv", "syr", "arc", "prs", "pnb"})
    if (primary == rtl) return true;
  for (const char* script : {"-Arab", "-Hebr", "-Syrc", "-Thaa", "-Nkoo"})
    if (t.find(script) != std::string::npos) return true;
  return false;
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
