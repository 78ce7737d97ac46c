// Errors and warnings, collected for the whole run (ninja's `file:line: message` style).
#include "diagnostics.h"

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
