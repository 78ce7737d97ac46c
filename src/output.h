// Writing: the only stage that writes files. The book appears whole or not at all.
#pragma once

#include <string>

#include "book.h"

namespace mkepub {

// Writes `bytes` to a temporary file beside `out` and renames it into place; throws std::runtime_error
// (with no temporary file left and any existing `out` untouched) when that fails.
void write_atomically(const fs::path& out, const std::string& bytes);

// Writes the default templates into `dir` (created if missing), to start a --templates folder from.
void dump_templates(const fs::path& dir);

}  // namespace mkepub
