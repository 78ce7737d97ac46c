// The container: entries zipped as the OCF requires, byte-for-byte the same for the same entries.
#pragma once

#include <functional>
#include <string_view>

#include "base/book.h"
#include "epub/output.h"

namespace mkepub {

// The .epub bytes: entries in order, mimetype stored, the rest deflated, fixed timestamps, no extra fields.
std::string zip_entries(const std::vector<Entry>& entries);

// The same, written into `sink` (the output file) while it is made; each entry is released once it is written.
void write_zip(std::vector<Entry> entries, const Sink& sink);

// Entries read back from .epub bytes (for tests, golden comparisons and `mkepub check`); throws std::runtime_error
// when the bytes are no ZIP archive or their files add up to more than `max_bytes` unpacked.
std::vector<Entry> unzip_entries(const std::string& bytes, size_t max_bytes = size_t(1) << 40);

}  // namespace mkepub
