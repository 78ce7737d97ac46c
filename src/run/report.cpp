// The run's report: errors in full, warnings grouped by kind with counts.
#include "run/report.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "base/terminal.h"

namespace mkepub {
namespace {

// The severity as a message shows it: coloured on a terminal, as plain text anywhere else.
std::string label(const char* severity, const ReportOptions& o) {
  return o.colour ? coloured_severity(severity) : severity;
}

std::string kind_of(const Diagnostic& d) { return d.kind.empty() ? "other" : d.kind; }

// By file, then line: posts are rendered in parallel, and the report must not depend on the threads' timing.
std::vector<Diagnostic> in_order(std::vector<Diagnostic> list) {
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.path != b.path ? a.path < b.path : a.line < b.line;
  });
  return list;
}

void grouped(const std::vector<Diagnostic>& list, const char* severity, const ReportOptions& o, std::string& out) {
  std::map<std::string, size_t> shown, total;
  for (const auto& d : list) ++total[kind_of(d)];
  for (const auto& d : list) {
    if (o.verbose || shown[kind_of(d)]++ < o.shown_per_kind) out += d.format(label(severity, o).c_str()) + "\n";
  }
  if (o.verbose) return;
  for (const auto& [kind, n] : total)
    if (n > o.shown_per_kind)
      out += "... and " + std::to_string(n - o.shown_per_kind) + " more " + severity + "s of kind `" + kind +
             "` (--verbose lists them all)\n";
}

// An unknown tag is said once a book, where it is first used (posts warn each on their own, in parallel).
std::vector<Diagnostic> once_a_book(std::vector<Diagnostic> list) {
  std::set<std::string> said;
  std::erase_if(list, [&](const Diagnostic& d) { return d.kind == "unknown tag" && !said.insert(d.message).second; });
  return list;
}

}  // namespace

std::string format_report(const Diagnostics& diag, const ReportOptions& o) {
  std::string out;
  auto warnings = once_a_book(in_order(diag.warnings()));
  if (!o.quiet) {
    grouped(in_order(diag.notes()), "note", o, out);
    grouped(warnings, "warning", o, out);
  }
  for (const auto& d : in_order(diag.errors())) out += d.format(label("error", o).c_str()) + "\n";
  if (!o.quiet && !warnings.empty()) {
    std::map<std::string, size_t> total;
    for (const auto& d : warnings) ++total[kind_of(d)];
    std::string parts;
    for (const auto& [kind, n] : total) parts += (parts.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    out += std::to_string(warnings.size()) + " warning(s): " + parts + "\n";
  }
  return out;
}

}  // namespace mkepub
