// One invocation of mkepub: the run cache, the books planned and built, the report. main() calls it once.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

struct RunRequest {
  Options options;
  std::set<std::string> given;              // the long names of the flags the user gave: they win over a config
  std::vector<std::string> shaping_args;    // the arguments that shape the books, for the cache's keys
  bool use_cache = true;                    // --no-cache: neither read nor written
  std::vector<std::string> metadata;        // -M KEY=VALUE, in order: book-config keys over any config
  fs::path metadata_file;                   // --metadata-file: book-config keys under -M's, over any config
};

// Prints the report to standard error. The exit code: 0 written (or up to date), 1 bad input (nothing written,
// or with --keep-going only the books that built), 3 internal error.
int run(RunRequest request);

}  // namespace mkepub
