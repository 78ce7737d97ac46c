// The pages before the chapters: the cover page and the title page (templates cover.xhtml, titlepage.xhtml).
#pragma once

#include "base/book.h"

namespace mkepub {

inline constexpr const char* kCoverPage = "cover.xhtml";
inline constexpr const char* kTitlePage = "titlepage.xhtml";

// The cover page: the cover image alone, as readers show it first.
std::string render_cover_page(const Book& book);
// The title page: title, subtitle, authors and the posts' date range.
std::string render_title_page(const Book& book);

}  // namespace mkepub
