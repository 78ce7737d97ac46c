// Chapter languages: declared (front matter) over detected (script counts), compared with the book's.
#include "book/chapter_languages.h"

namespace mkepub {

void set_chapter_languages(std::vector<Chapter>& chapters, const std::vector<ScriptCounts>& counts,
                           const std::string& book_language) {
  auto primary = [](const std::string& tag) { return tag.substr(0, tag.find('-')); };
  for (size_t i = 0; i < chapters.size(); ++i) {
    auto declared = normalize_language(chapters[i].post->language);
    auto lang = declared.empty() ? detect_language(counts[i]) : declared;
    if (lang == book_language || (declared.empty() && primary(lang) == primary(book_language))) continue;
    chapters[i].language = lang;
  }
}

}  // namespace mkepub
