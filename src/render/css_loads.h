// CSS that loads nothing: in SVG images and in templates, `@import` and `url(...)` to anything but a fragment of
// the same file would name a resource the book does not hold, remote ones included (EPUB 3.3,
// https://www.w3.org/TR/epub-33/#sec-resource-locations; epubcheck RSC-006, RSC-007).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mkepub {

// `css` (a stylesheet, or a <style> element's text) with its @import rules removed and each url() that is not
// `#fragment` written `none`; nullopt when it hides names behind CSS escapes or loads by other means (image-set(),
// expression()), which only a full CSS parser could follow.
std::optional<std::string> css_without_loads(std::string_view css);

// Whether a style attribute or an SVG presentation attribute (`fill="url(...)"`) loads something outside its file.
bool css_value_loads(std::string_view value);

}  // namespace mkepub
