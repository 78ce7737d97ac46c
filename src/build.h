// The driver: one book, from its collected posts to its checked, deflated container entries.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"
#include "sources/collect.h"

namespace mkepub {

// What a built book was made from, for --depfile, the anthology cache and the summary table.
struct BookDeps {
  std::vector<fs::path> inputs;
  size_t chapters = 0;
  bool complete = true;  // false: a remote image could not be had, so the book is not recorded in the run cache
};

// The book of `posts` (collected once, so that anthologies parse each post once): nullopt when an input error was
// reported to `diag`. Throws InternalError when the finished book fails its self-check.
std::optional<std::vector<Entry>> make_book(const Options& options, std::optional<Site> site, std::vector<Post> posts,
                                            Diagnostics& diag, BookDeps* deps = nullptr);

// collect_posts, then make_book.
std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag);

}  // namespace mkepub
