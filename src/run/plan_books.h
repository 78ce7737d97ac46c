// Planning a run's books: one book, one per year/category/tag (--split-by), or a book config's (mkepub.yaml), each
// with its options (output set) and its posts, collected once.
#pragma once

#include <set>

#include "sources/collect.h"

namespace mkepub {

struct PlannedBook {
  Options options;
  std::optional<Site> site;
  std::vector<Post> posts;
};

struct PlannedRun {
  std::vector<PlannedBook> books;
  bool anthology = false;  // --split-by or a config's `books:`: sharded, built in parallel, a summary table
};

// The config file an invocation means: INPUT itself when it is a .yaml/.yml file, else INPUT/mkepub.yaml.
std::optional<fs::path> find_config(const std::vector<fs::path>& inputs);

// One book per year, category or tag of `collected` (a post with several categories or tags is in each of
// their books), titled "Title · group", written as `<out_dir>/<group>.epub`. The whole has no limit; a book past
// one book's (kMaxPosts, kMaxTotalPostBytes in input_limits.h) is an error in `diag`, naming its file.
std::vector<PlannedBook> split_books(const Options& options, Collected collected, const std::string& by,
                                     Diagnostics& diag);

// The books `options` asks for; `cli_given` names the flags the user gave (they win over a book config).
// Nullopt when an error was reported.
std::optional<PlannedRun> plan_books(const Options& options, const std::set<std::string>& cli_given,
                                     Diagnostics& diag);

}  // namespace mkepub
