// Book config (mkepub.yaml): one book, or an anthology of `books:` sharing top-level defaults, as Options.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/input_limits.h"

namespace mkepub {

// The books a config file describes: one for a plain config, one per entry of `books:` (each entry's keys
// over the top-level ones, which are defaults shared by all books). Paths (sources, cover, templates,
// output, fonts that are files) are relative to the config file's folder. `cli` is what the command line
// said and `cli_given` the long names of the options the user actually gave ("title", "author", "output",
// "language", "toc-depth", "sort", "cover", "templates", "font", "mono-font", "vertical", ...): those win
// over the config. `sources` names folders and files anywhere (they are the book's inputs), but what a glob
// matches must resolve inside the config's folder or one of those folders: a match leading out (through `..`
// or a symlink) is left out with a warning at the glob. Errors (invalid YAML, unknown keys, wrong types, dates
// that are not dates, a glob that matches nothing) are reported with the config's path, line and column; an
// unknown key's message lists the valid keys, e.g. `mkepub.yaml:3:1: error: unknown key `titel`; valid keys:
// authors, cover, ...`.
// Returns no books when it reported an error.
//
// With `books:`, an entry's `output` is its file; when -o is given it names the folder, and the entry's file
// name goes into it. An entry without `output` gets an empty one (the driver names it).
std::vector<Options> read_book_config(const std::string& yaml, const fs::path& config_file, const Options& cli,
                                      const std::set<std::string>& cli_given, Diagnostics& diag);

// pandoc's -M KEY=VALUE and --metadata-file FILE: book-config keys given on the command line (`yaml`, a map;
// `origin` names it in messages, and relative paths are relative to its folder), applied over `o` where no flag
// in `given` set them already. Each key set goes into `given` as "key:NAME", so that it wins over a config file
// the input holds and over keys applied after it. False when it reported an error (unknown key, wrong type,
// `books`).
bool apply_command_line_keys(const std::string& yaml, const fs::path& origin, Options& o, std::set<std::string>& given,
                             Diagnostics& diag);

// The files and folders a glob such as `posts/2019-*.md` or `posts/**/*.md` names under `base`, sorted:
// `*` and `?` within one name (not matching a leading dot), `**` any number of folders (not through symlinked
// ones, which could loop). A walk that would list more than kMaxGlobListings folders stops, with `*exhausted` set.
std::vector<fs::path> expand_glob(const fs::path& base, const std::string& pattern, bool* exhausted = nullptr);

}  // namespace mkepub
