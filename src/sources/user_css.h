// --css FILE: the user's own stylesheets, added after every rule of the book's (pandoc's --css).
#pragma once

#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// The text of `files`, in order, each under a comment naming it, kept inside the book as templates are
// (render/css_loads.h): `@import` rules go and `url(...)` becomes `none`, with a warning where the first was; a
// leading `@charset` goes (it may only open a stylesheet). An unreadable file is an error.
std::string load_user_css(const std::vector<fs::path>& files, Diagnostics& diag);

// One stylesheet's text cleaned as above; `display` names it in warnings.
std::string clean_user_css(const std::string& css, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
