// Test support: running the mkepub binary and epubcheck, temporary folders, reading files.
#pragma once

#include <filesystem>
#include <string>

namespace mkepub::test {

namespace fs = std::filesystem;

struct Run {
  int code = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line; stdout and stderr are captured together.
Run run(const std::string& command);
// Runs the mkepub binary under test with `args` (already shell-quoted where needed).
Run run_mkepub(const std::string& args);
std::string quote(const std::string& s);
// The binary with a time and memory bound (`timeout`, `ulimit -v`), so that a hang or a blow-up fails the test
// instead of stalling the suite: 124 is a timeout, 128+N death by signal N.
Run run_mkepub_bounded(const std::string& args, int seconds = 60);

struct Epubcheck {
  int fatals = -1, errors = -1, warnings = -1;
  std::string output;
};
// epubcheck (Debian's package) on `epub`.
Epubcheck epubcheck(const fs::path& epub);
// Every book a test builds goes through epubcheck: 0 fatals, 0 errors, 0 warnings.
void require_valid(const fs::path& epub);

// A fresh empty folder, removed with the object.
struct TempDir {
  fs::path path;
  TempDir();
  ~TempDir();
  fs::path operator/(const std::string& name) const { return path / name; }
};

// How many temporary outputs (`.NAME.tmp-...`) are left in `dir`: a build must leave none, whatever happened.
int temporaries(const fs::path& dir);

std::string slurp(const fs::path& file);
void spit(const fs::path& file, const std::string& text);

}  // namespace mkepub::test
