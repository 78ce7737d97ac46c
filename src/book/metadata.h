// Book metadata: what the package document says of the book, from the options and the posts.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/language.h"

namespace mkepub {

// Without configured authors, a book whose posts have more authors than this names this many as its creators (those
// who wrote the most chapters) and the others as contributors.
inline constexpr size_t kMostCreators = 3;

// `fallback_title` names the book when neither the options nor a single post do (the input folder's name).
// `text` counts the scripts of the book's running text, for language detection.
Metadata make_metadata(const Options& options, const std::vector<Chapter>& chapters,
                       const std::string& fallback_title, const ScriptCounts& text);

}  // namespace mkepub
