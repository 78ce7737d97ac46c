// Heading anchors as a Hexo site publishes them (hexo-renderer-marked's `heading`, hexo-util's `slugize`), so that
// links written `#Getting-Started` or `#安装-Hexo` find their heading in the book.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace mkepub {

// hexo-util's slugize(str, {transform: 0}): diacritics of Latin-1 letters to their base letter, control characters
// dropped, each run of white space and ASCII punctuation (`~!@#$%^&*()-_+=[]{}|\;:"'<>,.?/` and the backtick) one
// `-`, none at either end; case and every other character (CJK, full-width punctuation) kept. modifyAnchors 1/2
// (lower/upper case) are the same ids in another case: links match ids without regard to ASCII case.
std::string hexo_slugize(std::string_view text);

// The ids one post's headings get, in order: hexo-renderer-marked slugizes the heading's HTML without its tags
// (so `&` counts as `&amp;`, `'` as `&#39;`, as marked escapes them), and numbers a repeated id `-1`, `-2`...
class HexoHeadingIds {
 public:
  std::string next(std::string_view heading_text);

 private:
  std::map<std::string, int> seen_;
};

}  // namespace mkepub
