// What `mkepub serve` watches: the files a build reads, summed up so that a save anywhere among them shows.
#pragma once

#include <cstdint>
#include <vector>

#include "base/book.h"

namespace mkepub {

// A fingerprint of every file under `roots` (files or folders, searched recursively): each file's path, size and
// modification time. Paths under `ignored` (the book being written, the cache) and folders named .git or
// node_modules (never read by a build, often large) are left out. A file that vanishes during the walk is skipped:
// the next walk sees the change settled.
uint64_t watch_fingerprint(const std::vector<fs::path>& roots, const std::vector<fs::path>& ignored);

}  // namespace mkepub
