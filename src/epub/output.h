// Writing: the only stage that writes files. A book appears whole or not at all, and what is at its path is
// written the way the user means it: a file is replaced, a symlink's target is replaced (the link stays), a FIFO or
// character device is written to in place, and "-" is standard output.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/book.h"

namespace mkepub {

// Bytes handed over piece by piece, each at its offset in the file (a zip writer goes back to complete an
// entry's header), so that a whole book need not be in memory.
using Sink = std::function<void(std::string_view bytes, uint64_t offset)>;

// One output made but not yet in place: its bytes wait in a temporary file (beside the file it will replace, so
// that rename(2) puts it there atomically; in TMPDIR for a stream), which is removed if the output is dropped
// uncommitted, and on SIGINT, SIGTERM and SIGHUP (epub/temporaries.h). Anthologies stage every book, then
// commit them all or none, inside a CommitWindow.
class StagedOutput {
 public:
  // Runs `produce` into the temporary file; throws std::runtime_error (nothing left behind) when that fails.
  StagedOutput(const fs::path& out, const std::function<void(const Sink&)>& produce);
  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput& operator=(StagedOutput&& other) noexcept;
  ~StagedOutput();

  // The file a commit replaces or writes to: `out` through its symlinks; empty for standard output.
  const fs::path& target() const { return target_; }
  uint64_t size() const { return size_; }
  // Written by copying into a stream, which may block: a commit that a stopping signal must be able to cut.
  bool in_place() const { return in_place_; }
  // Puts the bytes in place; throws std::runtime_error, the old file untouched, when that fails.
  void commit();

 private:
  fs::path out_, target_;
  std::string temp_;       // empty once committed or moved from
  bool in_place_ = false;  // a stream (stdout, FIFO, character device): copied into, never replaced
  uint64_t size_ = 0;
  void drop();
};

// Stage and commit at once: one file whose failure loses nothing.
void write_atomically(const fs::path& out, const std::string& bytes);
void write_atomically(const fs::path& out, const std::function<void(const Sink&)>& produce);

// The file `out` means: the end of its chain of symlinks (which need not exist yet), else `out`.
fs::path resolve_output(const fs::path& out);

// Writes the default templates into `dir` (created if missing), to start a --templates folder from. Without
// `force`, a template already there (edited, perhaps) is an error and nothing is written.
void dump_templates(const fs::path& dir, bool force = false);

}  // namespace mkepub
