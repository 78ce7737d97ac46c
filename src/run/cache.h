// The build cache: a run whose inputs, command line and mkepub binary are all unchanged since the run that
// wrote its outputs leaves those outputs alone (they are byte-deterministic, so they would come out the same).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

// mkepub's version, the bytes of its executable and which shared libraries it runs with: what every key starts
// from, so that a new build of mkepub, or an upgraded library, never reuses what the old one made.
std::string executable_key();

// The key of a run: mkepub's executable, the command line, and every file under `roots` (path and bytes).
std::string run_key(const std::vector<std::string>& args, const std::vector<fs::path>& roots);

// Whether the cache in `dir` has a record for `key` whose outputs all still exist with the bytes recorded.
bool cached_run_is_fresh(const fs::path& dir, const std::string& key);

// Records the outputs a run with `key` wrote (written whole, like the books). False when the cache cannot be
// written: the books are made, and the next run only misses the cache.
bool record_run(const fs::path& dir, const std::string& key, const std::vector<fs::path>& outputs);

// Per book, inside a run that changed (an anthology: --split-by, a config's books): a book whose own posts, the
// images it used last time and everything else under the inputs that is neither a post nor an image are
// unchanged is left alone, so one changed post rebuilds only the books it is in.
struct BookKey {
  std::string shape;    // mkepub's executable and the command line (run_key with no roots)
  std::string shared;   // tree_key of the files every book depends on (configs, includes, templates)
  fs::path output;
  std::vector<fs::path> posts;
};
// Every file under `roots` (path and bytes) except those in `skip` and images.
std::string tree_key(const std::vector<fs::path>& roots, const std::set<fs::path>& skip);
bool cached_book_is_fresh(const fs::path& dir, const BookKey& key);
// `used`: the other files the book was made from (its images, its cover), as the build reported them.
bool record_book(const fs::path& dir, const BookKey& key, const std::vector<fs::path>& used);

}  // namespace mkepub
