// What an e-book page may carry of a post's HTML: the elements and attributes EPUB's XHTML accepts, and what is
// removed because a reading system must not run or load it. The rules only; xhtml.cpp applies them to a tree.
#pragma once

#include <string>
#include <string_view>

namespace mkepub {

// Elements kept as they are.
bool is_kept_element(std::string_view tag);
// Elements removed with everything inside them: active content, forms, and head-only elements.
bool is_dropped_element(std::string_view tag);
// Old presentational elements as their modern equivalent (`center` is a `div`); others unchanged.
std::string_view renamed_element(std::string_view tag);
// The attributes EPUB's XHTML schema accepts on each kept element; the rest are dropped silently.
bool attribute_allowed(std::string_view tag, std::string_view name, std::string_view value);
// A javascript:, vbscript: or data: URL.
bool is_unsafe_url(std::string_view v);
// `url` with each `%` that does not start a percent escape written as `%25`: a template's placeholder such as
// `%VERSION%` left in a link is not a URL, and epubcheck refuses it (RSC-020).
std::string escape_stray_percent(std::string_view url);
// A style that loads something (`url(...)`, `image-set(...)`, old IE's `expression(...)`), or hides it behind a
// CSS escape: a remote one is invalid in EPUB, and a local one would have to be in the book.
bool style_loads_resource(std::string_view v);
// A style attribute CSS can parse: `name: value` declarations split by `;`. JSX's `style={{padding: 0}}` read as
// HTML is not, and epubcheck refuses the page (CSS-008).
bool style_is_declarations(std::string_view v);

}  // namespace mkepub
