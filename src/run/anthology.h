// Anthologies: many books in one run (a config's `books:`, or --split-by year|category|tag), built in
// parallel from posts parsed once, written into one folder, with a summary table and make-style dependencies.
#pragma once

#include <set>

#include "build.h"

namespace mkepub {

// One book of an anthology, planned: its options (output set) and the posts it takes.
struct PlannedBook {
  Options options;
  std::optional<Site> site;
  std::vector<Post> posts;
};

// One book per year, category or tag of `collected` (a post with several categories or tags is in each of
// their books), titled "Title · group", written as `<out_dir>/<group>.epub`.
std::vector<PlannedBook> split_books(const Options& options, const Collected& collected, const std::string& by);

// The config file an invocation means: INPUT itself when it is a .yaml/.yml file, else INPUT/mkepub.yaml.
std::optional<fs::path> find_config(const std::vector<fs::path>& inputs);

// What the run asked for beyond each book's options.
struct AnthologyRun {
  int shard = 1, shards = 1;  // --shard K/N: only books whose position is K modulo N (1-based)
  fs::path depfile;           // --depfile: make/ninja dependencies of every book written
  bool quiet = false;
  int jobs = 0;
  std::vector<fs::path>* written = nullptr;  // the books written, for the cache's record
  fs::path cache_dir;       // --cache-dir: unchanged books are not built again (see BookKey); empty: no cache
  std::string cache_shape;  // the run's executable and command line, for the books' keys
};

// Builds the books (every error of every book reported), writes each that succeeded, prints the summary
// table to `summary` unless quiet; the exit code: 0 all written, 1 any failed.
int build_books(std::vector<PlannedBook> books, const AnthologyRun& run, Diagnostics& diag, std::string& summary);

// Builds what a book config describes: one book, or each of its `books:` (named after their titles in the
// folder -o names when they give no output). `cli_given` names the flags the user gave: they win.
int build_from_config(const fs::path& config, const Options& cli, const std::set<std::string>& cli_given,
                      Diagnostics& diag, std::string& summary, std::vector<fs::path>* written = nullptr);

}  // namespace mkepub
