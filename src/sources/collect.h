// Collecting: the posts of a book's inputs, loaded, parsed and filtered, with what the folder is.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"
#include "sources/posts.h"

namespace mkepub {

struct Collected {
  std::optional<Site> site;
  std::vector<Post> posts;
};

// Nullopt when an error was reported. `memo` lets the books of one config parse a shared post once.
std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag, PostMemo* memo = nullptr);

}  // namespace mkepub
