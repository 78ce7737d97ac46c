// Errors and warnings, collected for the whole run (ninja's `file:line: message` style).
#include "base/diagnostics.h"

namespace mkepub {

std::string Diagnostic::format(const char* severity) const {
  std::string s = path;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (col > 0) s += ":" + std::to_string(col);
  }
  if (!s.empty()) s += ": ";
  return s + severity + ": " + message;
}

void Diagnostics::error(Diagnostic d) {
  std::lock_guard lock(mu_);
  errors_.push_back(std::move(d));
}

void Diagnostics::warn(Diagnostic d) {
  std::lock_guard lock(mu_);
  warnings_.push_back(std::move(d));
}

void Diagnostics::note(Diagnostic d) {
  std::lock_guard lock(mu_);
  notes_.push_back(std::move(d));
}

void Diagnostics::post_error(Diagnostic d, bool keep_going) {
  if (!keep_going) return error(std::move(d));
  d.message += "; post left out (--keep-going)";
  d.kind = "post left out";
  warn(std::move(d));
}

bool Diagnostics::failed() const {
  std::lock_guard lock(mu_);
  return !errors_.empty();
}

std::vector<Diagnostic> Diagnostics::errors() const {
  std::lock_guard lock(mu_);
  return errors_;
}

std::vector<Diagnostic> Diagnostics::warnings() const {
  std::lock_guard lock(mu_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::notes() const {
  std::lock_guard lock(mu_);
  return notes_;
}

}  // namespace mkepub
