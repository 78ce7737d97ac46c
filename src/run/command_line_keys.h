// pandoc's habits: book-config keys given on the command line with -M KEY=VALUE and --metadata-file FILE.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// `pairs` (-M, in order) then `file` (--metadata-file, when not empty) applied over `o` as book-config keys:
// a flag the user gave wins over both, -M over the file, both over a config file the input holds. -M's VALUE
// is text (`-M title=a: b` is the title "a: b"), `true`/`false`/a number where the key wants one, and a key
// given twice gets a list (`-M author=A -M author=B`); KEY alone is `true`. Errors name `-M` or the file with a
// line and column. False when one was reported.
bool apply_command_line_keys(const std::vector<std::string>& pairs, const fs::path& file, Options& o,
                             std::set<std::string>& given, Diagnostics& diag);

// The YAML map that -M's pairs stand for, one line per key in the order first given.
std::string yaml_of_pairs(const std::vector<std::string>& pairs);

}  // namespace mkepub
