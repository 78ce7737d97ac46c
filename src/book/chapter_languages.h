// Each chapter's language, where it differs from the book's (EPUB 3.3: xml:lang and lang on the page's root).
#pragma once

#include "base/book.h"
#include "base/language.h"

namespace mkepub {

// A post's language: its front matter's, else its text's (`counts`, one per chapter) when that differs from the
// book's primary language. Detection knows only primary languages: it does not overrule a book's zh-TW with zh.
void set_chapter_languages(std::vector<Chapter>& chapters, const std::vector<ScriptCounts>& counts,
                           const std::string& book_language);

}  // namespace mkepub
