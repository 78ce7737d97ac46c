// Languages: BCP 47 tags (RFC 5646) given by the user or posts, or detected from the text's scripts.
#pragma once

#include <string>
#include <string_view>

namespace mkepub {

// Script counts of running text, for detection.
struct ScriptCounts {
  long han = 0, kana = 0, hangul = 0, latin = 0;
  void add(std::string_view text);
  ScriptCounts& operator+=(const ScriptCounts& o) {
    han += o.han, kana += o.kana, hangul += o.hangul, latin += o.latin;
    return *this;
  }
};

// "zh", "ja", "ko" or "en" from the scripts a text is written in. Any kana makes Japanese (Chinese has none);
// Han with no kana is Chinese, whatever the amount of Latin code and names around it.
std::string detect_language(const ScriptCounts& counts);

// A user's or post's language written as a BCP 47 tag: "zh_CN" -> "zh-CN", "EN" -> "en"; "" when it is not one.
std::string normalize_language(std::string_view tag);

}  // namespace mkepub
