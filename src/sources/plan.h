// The plan of one book, made before anything is rendered: the options with the site's defaults, the posts in
// reading order, the templates, and the only folders anything may be read from.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"
#include "epub/templates.h"
#include "render/markdown.h"
#include "sources/posts.h"

namespace mkepub {

struct BookPlan {
  Options options;  // the site's configuration filled in where the command line and book config said nothing
  std::optional<Site> site;
  std::vector<Post> posts;        // in the book's order
  std::vector<fs::path> roots;    // the input folders and --resource-path: nothing outside them is read
  ReadInclude read;               // reads a file under `roots` only
  TemplateOverrides templates;    // --templates, loaded and checked
  MarkdownDialect markdown;       // what the site's own Markdown renderer does beyond CommonMark + GFM
  std::string fallback_title;     // the first input's name, for a book nothing else names
};

// Nullopt when the book has no posts or its templates are broken (reported to `diag`).
std::optional<BookPlan> plan_book(const Options& options, std::optional<Site> site, std::vector<Post> posts,
                                  Diagnostics& diag);

}  // namespace mkepub
