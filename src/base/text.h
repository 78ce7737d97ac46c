// Small text helpers shared by the stages: UTF-8 code points and script classes (Unicode blocks).
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace mkepub {

// The code point at s[i] (advancing i), or U+FFFD for a malformed byte. Input is validated UTF-8.
char32_t next_code_point(std::string_view s, size_t& i);
// The last code point of s, or 0 when s is empty.
char32_t last_code_point(std::string_view s);
char32_t first_code_point(std::string_view s);
// The UTF-8 bytes of one code point.
std::string utf8_of(char32_t c);

bool is_han(char32_t c);
bool is_kana(char32_t c);
bool is_hangul(char32_t c);
// Han, kana and CJK punctuation: scripts written without spaces, where a source line break is not a space.
bool is_spaceless_cjk(char32_t c);

// `s` without the characters XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF), which HTML
// text, YAML escapes ("\x01") and TOML escapes may carry; pugixml would write them as references XML rejects too.
// A byte that is not UTF-8 becomes U+FFFD: yaml-cpp writes the escapes `\N` and `\_` as single Latin-1 bytes.
std::string xml_text(std::string_view s);
// How much of `s`, from the start, xml_text keeps as it is: s.size() when it has nothing to drop.
size_t xml_text_length(std::string_view s);

// `s` without the spaces, tabs and line ends around it.
// Line and column (in characters, from 1) of byte `offset` in UTF-8 `text`.
std::pair<int, int> position_of(const std::string& text, size_t offset);

std::string_view trim(std::string_view s);
// ASCII letters in lower case, every other byte as it is (names, keys, CSS: case-insensitive in ASCII only).
std::string ascii_lower(std::string_view s);

// Lowercase ASCII slug of the letters and digits in `text` ("Hello, World!" -> "hello-world").
std::string ascii_slug(std::string_view text);
// Hexo/GitHub-style anchor: lowercase, spaces to '-', punctuation dropped, other scripts kept.
std::string unicode_slug(std::string_view text);

}  // namespace mkepub
