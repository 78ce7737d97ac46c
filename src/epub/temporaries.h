// The temporary files outputs are staged in, and what a stopping signal (SIGINT, SIGTERM, SIGHUP) does to them:
// it removes every one, however many threads are creating them, and it waits while books are being committed, so
// that a run stopped at any moment leaves the old books or the new ones, never a mix and never a temporary.
#pragma once

#include <string>

#include "base/book.h"

namespace mkepub {

// Installs the stopping signals' handler now (creating a temporary does too): a run showing a progress line needs
// it from the start, for the line to be erased however early the run is stopped.
void install_stop_handler();

// Creates a new file in `dir` named `prefix` + the process id + a counter, known to the signal handler before it
// exists. Returns its descriptor; its path goes to `path`. Throws std::runtime_error when the folder refuses it.
int create_temporary(const fs::path& dir, const std::string& prefix, std::string& path);

// The temporary at `path` was removed or renamed: the handler forgets it.
void forget_temporary(const std::string& path);

// While one lives, a stopping signal waits: it is raised again when the window closes. Only for commits that
// cannot block (renames, small files), so that a stop is never delayed for long.
class CommitWindow {
 public:
  CommitWindow();
  ~CommitWindow();
  CommitWindow(const CommitWindow&) = delete;
  CommitWindow& operator=(const CommitWindow&) = delete;
};

}  // namespace mkepub
