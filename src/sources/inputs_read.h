// The files a run reads to make its books, remembered so that no output of the run (a book, a depfile) replaces
// one of them: posts, includes, site and book configs, SUMMARY.md, book.toml, templates, fonts, images, the cover.
#pragma once

#include <optional>
#include <string>

#include "base/book.h"

namespace mkepub {

// read_file (sources/load.h) for what a book is made from: the file, once read, is one of the run's inputs.
// Nullopt for anything but a regular file (symlinks followed): a device or a FIFO is never read.
std::optional<std::string> read_input(const fs::path& file, size_t max_bytes = std::string::npos - 1);

// Whether `file` is the same file (device and inode, through symlinks and hard links) as one the run read with
// read_input.
bool is_input_of_this_run(const fs::path& file);

}  // namespace mkepub
