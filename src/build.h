// The driver: options in, a checked book out.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "sources/posts.h"
#include "dialects/site.h"

namespace mkepub {

// The posts of a book's inputs, parsed and filtered, with what the folder is (a Hexo site, a book...).
struct Collected {
  std::optional<Site> site;
  std::vector<Post> posts;
};
std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag, PostMemo* memo = nullptr);

// What a built book was made from, for --depfile and the summary table.
struct BookDeps {
  std::vector<fs::path> inputs;
  size_t chapters = 0;
};

// The book of `posts` (already collected, so that anthologies parse each post once), checked.
std::optional<std::vector<Entry>> assemble_book(const Options& options, const std::optional<Site>& site,
                                                std::vector<Post> posts, Diagnostics& diag, BookDeps* deps = nullptr);

// The book's container entries, or nullopt when an input error was reported to `diag`.
// Throws InternalError when the finished book fails its self-check.
std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag);

// `output: input input ...` in make's syntax (ninja reads it too), for --depfile.
std::string make_dependencies(const fs::path& output, BookDeps deps);

// Builds and writes the book; the exit code: 0 written, 1 bad input (nothing written), 3 internal error.
int build(const Options& options, Diagnostics& diag);

}  // namespace mkepub
