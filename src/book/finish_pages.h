// Finishing: each chapter's pages opened again once the whole book is known, their links and images resolved,
// their language set, then written out, scanned for the self-check and deflated.
#pragma once

#include <map>

#include "base/book.h"
#include "book/links.h"
#include "epub/check.h"
#include "fonts/fonts.h"

namespace mkepub {

struct FinishedPages {
  std::vector<Entry> entries;             // in the book's order, deflated
  std::map<std::string, XmlFacts> facts;  // for the self-check
  FontText font_text;                     // for the embedded fonts' subsets (when `want_font_text`)
  bool every_image_has_alt = true;
};

// On `jobs` threads, each page dropped once finished.
FinishedPages finish_pages(std::vector<Chapter>& chapters, const LinkRewriter& links, const std::string& language,
                           bool want_font_text, int jobs);

}  // namespace mkepub
