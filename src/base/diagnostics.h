// Errors and warnings: one shape for every message, `path:line:col: error: text`, collected for the whole run.
#pragma once

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace mkepub {

struct Diagnostic {
  std::string path;
  int line = 0;  // 0: the message is about the whole file
  int col = 0;
  std::string message;
  std::string kind;  // warnings of one kind are grouped in the run's summary ("missing image", ...)
  std::string format(const char* severity) const;
};

// Thrown where one input cannot go on; the driver catches it, records it and carries on with the next input.
struct InputError : std::runtime_error {
  Diagnostic where;
  explicit InputError(Diagnostic d) : std::runtime_error(d.message), where(std::move(d)) {}
};

// A broken promise inside mkepub itself (the self-check failed): exit 3.
struct InternalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Diagnostics {
 public:
  void error(Diagnostic d);
  void warn(Diagnostic d);
  void note(Diagnostic d);
  // An error that concerns one post only: with --keep-going the post is left out with a warning instead.
  void post_error(Diagnostic d, bool keep_going);
  bool failed() const;
  std::vector<Diagnostic> errors() const;
  std::vector<Diagnostic> warnings() const;
  std::vector<Diagnostic> notes() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> errors_, warnings_, notes_;
};

}  // namespace mkepub
