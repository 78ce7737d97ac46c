// The driver: options in, a checked book out.
#pragma once

#include "book.h"
#include "diagnostics.h"

namespace mkepub {

// The book's container entries, or nullopt when an input error was reported to `diag`.
// Throws InternalError when the finished book fails its self-check.
std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag);

// Builds and writes the book; the exit code: 0 written, 1 bad input (nothing written), 3 internal error.
int build(const Options& options, Diagnostics& diag);

}  // namespace mkepub
