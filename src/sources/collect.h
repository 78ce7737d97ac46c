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

// Nullopt when an error was reported. `memo` lets the books of one config parse a shared post once. With `split`
// the posts are to be split into books (--split-by), each checked against a book's limits then, not all together.
std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag, PostMemo* memo = nullptr,
                                       bool split = false);

}  // namespace mkepub
