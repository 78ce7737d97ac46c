// The build cache: a run whose inputs, command line and mkepub binary are all unchanged since the run that
// wrote its outputs leaves those outputs alone (they are byte-deterministic, so they would come out the same).
#pragma once

#include <string>
#include <vector>

#include "book.h"

namespace mkepub {

// The key of a run: mkepub's executable, the command line, and every file under `roots` (path and bytes).
std::string run_key(const std::vector<std::string>& args, const std::vector<fs::path>& roots);

// Whether the cache in `dir` has a record for `key` whose outputs all still exist with the bytes recorded.
bool cached_run_is_fresh(const fs::path& dir, const std::string& key);

// Records the outputs a run with `key` wrote (written whole, like the books).
void record_run(const fs::path& dir, const std::string& key, const std::vector<fs::path>& outputs);

}  // namespace mkepub
