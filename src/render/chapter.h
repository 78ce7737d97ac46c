// Chapters: one post rendered into an XHTML page with its title, date and headings (EPUB 3.3 XHTML documents).
#pragma once

#include <memory>

#include "base/book.h"
#include "base/diagnostics.h"
#include "epub/templates.h"
#include "render/markdown.h"

namespace mkepub {

// The post as a chapter page (still a DOM: links and images are resolved across the book later).
// Its headings are renumbered beneath the chapter title (h1) without jumps, with ASCII ids unique in the page.
Chapter render_chapter(const Post& post, const std::string& href, Diagnostics& diag,
                       const TemplateOverrides& templates = {}, const MarkdownDialect& markdown = {});

// The id a link's fragment names in `ch`: a name it was given (an old id, a heading's slug), a heading's id or
// its text; null when there is none.
const std::string* find_anchor(const Chapter& ch, const std::string& fragment);

// Writes the chapter's pages out (Chapter::parked, Page::parked) and drops their DOMs, which are many times
// bigger than their text; unpark_page reads one back exactly as it was.
void park_pages(Chapter& ch);
std::unique_ptr<pugi::xml_document> unpark_page(Parked& parked);  // and drops `parked`

// A page's language on its root: lang and xml:lang, and its direction: dir="rtl" for a right-to-left language, and
// dir="ltr" for a left-to-right page in a right-to-left book (whose spine turns pages right to left).
void set_page_language(pugi::xml_node root, const std::string& language, const std::string& book_language);

// Sets a page's language (the chapter's own, else the book's; set_page_language) and writes it out.
std::string finish_chapter(pugi::xml_document& page, const std::string& chapter_language,
                           const std::string& book_language);

}  // namespace mkepub
