// Loading: the only stage that reads files. Finds the posts under each input and decodes them.
#pragma once

#include <functional>

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"
#include "epub/templates.h"

namespace mkepub {

// Post files under the inputs (folders searched recursively, in sorted order), decoded.
// Missing inputs, unreadable files and invalid UTF-8 are reported to `diag` and left out.
// Templates overriding the defaults from `dir` (--templates), checked: an XHTML template must be well-formed
// and have the data-slot elements mkepub fills; errors name the file, line and column.
TemplateOverrides load_templates(const fs::path& dir, Diagnostics& diag);

struct Loaded {
  std::vector<SourceFile> sources;
  std::optional<Site> site;  // what the first folder input is (Hexo, Jekyll, a book, or plain posts)
};

// The input that stands for one post read from standard input.
inline const fs::path kStandardInput = "-";

// With `keep_going`, a file that cannot be read or decoded is a warning and is left out. Files are read on
// `jobs` threads (0: every core), and come out in the order they were found. With `one_book`, the posts are
// one book's and past its limits (kMaxPosts, kMaxTotalPostBytes) loading stops with an error; without it (an
// anthology split by year, category or tag) there is no limit on the whole, and each book is checked once split.
Loaded load_sources(const std::vector<fs::path>& inputs, bool keep_going, Diagnostics& diag, int jobs = 0,
                    bool one_book = true);

// UTF-8 text without BOM and with LF line ends, or an InputError naming the first bad byte's line and column.
std::string decode_text(std::string bytes, const std::string& display);

// The bytes of a file, or nullopt when it cannot be read. With `max_bytes`, at most max_bytes + 1 are read: more
// than max_bytes says the file is over the limit, without reading a huge (or endless, /dev/zero) file whole.
std::optional<std::string> read_file(const fs::path& file, size_t max_bytes = std::string::npos - 1);

// Whether `file` is one of `roots` or inside one, both canonical (fs::weakly_canonical). An empty root, what
// weakly_canonical gives for a path it could not resolve, holds nothing.
bool is_within(const std::vector<fs::path>& roots, const fs::path& file);

// A reader of the regular files under `roots` only, up to kMaxAssetBytes (input_limits.h): anything else,
// symlinks leading out included, reads as missing.
std::function<std::optional<std::string>(const fs::path&)> confined_reader(std::vector<fs::path> roots);

}  // namespace mkepub
