// Golden books: each tests/golden/<case>/ holds its input (input/, or a file `source` naming a folder of the
// repository), optionally a file `flags` with command-line flags (only `--vertical` so far), and expected/, the
// unpacked book. MKEPUB_UPDATE_GOLDEN=1 rewrites expected/; review it in git.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "build.h"
#include "run/depfile.h"
#include "epub/container.h"
#include "epub/deflate.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const fs::path kGolden = fs::path(MKEPUB_SOURCE_DIR) / "tests/golden";

fs::path input_of(const fs::path& dir) {
  if (fs::exists(dir / "source")) {
    auto rel = slurp(dir / "source");
    rel.erase(rel.find_last_not_of(" \n") + 1);
    return fs::path(MKEPUB_SOURCE_DIR) / rel;
  }
  return dir / "input";
}

std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.insert(e.path().lexically_relative(root).generic_string());
  return files;
}

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  size_t line = std::count(want.begin(), want.begin() + i, '\n') + 1;
  size_t from = want.rfind('\n', i == 0 ? 0 : i - 1);
  from = from == std::string::npos ? 0 : from + 1;
  return "line " + std::to_string(line) + ":\n  expected: " + want.substr(from, want.find('\n', from) - from) +
         "\n  actual:   " + got.substr(from, got.find('\n', from) - from);
}

// The case's `flags` file, if any, applied to `options`.
void apply_flags(const fs::path& dir, Options& options) {
  if (!fs::exists(dir / "flags")) return;
  std::istringstream flags(slurp(dir / "flags"));
  for (std::string flag; flags >> flag;) {
    if (flag == "--vertical") options.vertical = true;
    else FAIL("golden ", dir.filename().string(), ": flags: `", flag, "` is not supported here");
  }
}

void check_case(const fs::path& dir) {
  Options options;
  options.inputs = {input_of(dir)};
  // Never the network, nor a store (none is given): a remote image stays a link, whatever the machine can reach.
  options.remote_images = RemoteImageMode::offline;
  apply_flags(dir, options);
  Diagnostics diag;
  auto entries = build_entries(options, diag);
  REQUIRE_MESSAGE(entries.has_value(), "the golden input failed to build");

  const fs::path expected = dir / "expected";
  if (std::getenv("MKEPUB_UPDATE_GOLDEN")) {
    fs::remove_all(expected);
    for (const auto& e : *entries) spit(expected / e.path, inflate_entry(e));
  }
  std::set<std::string> built;
  for (const auto& e : *entries) {
    built.insert(e.path);
    const std::string bytes = inflate_entry(e);
    INFO("golden ", dir.filename().string(), ": ", e.path);
    REQUIRE_MESSAGE(fs::exists(expected / e.path), "not in expected/ (rerun with MKEPUB_UPDATE_GOLDEN=1?)");
    auto want = slurp(expected / e.path);
    CHECK_MESSAGE(want == bytes, first_difference(want, bytes));
  }
  CHECK(files_under(expected) == built);

  TempDir tmp;
  spit(tmp / "book.epub", zip_entries(*entries));
  auto check = epubcheck(tmp / "book.epub");
  INFO(check.output);
  CHECK(check.fatals == 0);
  CHECK(check.errors == 0);
  CHECK(check.warnings == 0);
}

}  // namespace

TEST_CASE("golden books match their expected trees and pass epubcheck") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(kGolden))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  for (const auto& dir : cases) {
    SUBCASE(dir.filename().string().c_str()) { check_case(dir); }
  }
}
