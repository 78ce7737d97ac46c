// What the user reads at the end of a run: errors in full, warnings grouped by kind so that a 3,000-post build
// does not bury the user in 3,000 lines.
#pragma once

#include <string>

#include "base/diagnostics.h"

namespace mkepub {

struct ReportOptions {
  bool verbose = false;  // every warning and note, one per line
  bool quiet = false;    // errors only
  size_t shown_per_kind = 3;
  bool colour = false;  // error:, warning: and note: in colour (on a terminal, NO_COLOR unset: base/terminal.h)
};

// Notes and warnings (grouped unless verbose: the first few of each kind, then a count), then every error,
// then a one-line summary of the warnings by kind.
std::string format_report(const Diagnostics& diag, const ReportOptions& options);

}  // namespace mkepub
