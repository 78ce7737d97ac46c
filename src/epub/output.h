// Writing: the only stage that writes files. The book appears whole or not at all.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/book.h"

namespace mkepub {

// Writes `bytes` to a temporary file beside `out` and renames it into place; throws std::runtime_error
// (with no temporary file left and any existing `out` untouched) when that fails.
void write_atomically(const fs::path& out, const std::string& bytes);

// The same for bytes made while they are written: `produce` hands them to the sink piece by piece, each at its
// offset in the file (a zip writer goes back to complete an entry's header), so they need not all be in memory.
using Sink = std::function<void(std::string_view bytes, uint64_t offset)>;
void write_atomically(const fs::path& out, const std::function<void(const Sink&)>& produce);

// Writes the default templates into `dir` (created if missing), to start a --templates folder from.
void dump_templates(const fs::path& dir);

}  // namespace mkepub
