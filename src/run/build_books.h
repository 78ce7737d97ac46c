// Building a run's books and writing them, the one write path for every kind of build: each book is made and
// staged (epub/output.h), then all are put in place or none (--keep-going: those that built), then the depfile.
#pragma once

#include "run/plan_books.h"

namespace mkepub {

struct BooksWritten {
  int exit_code = 1;                // 0 every book written (or unchanged), 1 input errors
  std::vector<fs::path> written;    // the books put in place, in plan order
  std::vector<fs::path> unchanged;  // the books the cache found up to date, left as they are
  bool complete = true;             // every book written got all its remote images (else no run cache record)
  std::vector<fs::path> failed;     // the books that did not build
  std::string summary;              // the anthology's table, unless quiet
};

// `run` is the run's own options (shard, depfile, jobs, cache, keep_going); books of an anthology are sharded,
// built in parallel (one thread each) and may be taken from the cache unchanged.
BooksWritten build_books(PlannedRun plan, const Options& run, Diagnostics& diag);

}  // namespace mkepub
