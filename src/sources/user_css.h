// --css FILE: the user's own stylesheets, added after every rule of the book's (pandoc's --css).
#pragma once

#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// The text of `files`, in order, each under a comment naming it. What would reach outside the book is dropped
// with a warning at its line and column: `@import` rules and declarations with `url(...)` (the book carries no
// file a stylesheet names, and a remote one is forbidden in EPUB), and `@charset`, which may only open a file.
// An unreadable file is an error.
std::string load_user_css(const std::vector<fs::path>& files, Diagnostics& diag);

// One stylesheet's text cleaned as above; `display` names it in warnings.
std::string clean_user_css(const std::string& css, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
