// Deflating container entries ahead of the zip writer, so that compression runs on every core.
#pragma once

#include <string_view>

#include "base/book.h"

namespace mkepub {

// `data` as a raw DEFLATE stream at `level` (1 fastest .. 9 smallest), and back (`size`: the original's).
std::string deflate_raw(std::string_view data, int level);
std::string inflate_raw(std::string_view data, size_t size);

// `e` with its bytes replaced by their raw DEFLATE stream (RFC 1951, level 6: zip -6's), size and CRC-32 kept.
// Stored entries are left as they are. The same bytes always give the same stream.
void deflate_entry(Entry& e);

// Every entry not yet deflated, on `jobs` threads (0: every core).
void deflate_entries(std::vector<Entry>& entries, int jobs);

// The original bytes of a deflated entry (for the self-check and tests).
std::string inflate_entry(const Entry& e);

}  // namespace mkepub
