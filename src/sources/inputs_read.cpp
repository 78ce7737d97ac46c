// The run's inputs by identity (st_dev, st_ino), so that `-o` or `--depfile` naming one under any path is caught.
#include "sources/inputs_read.h"

#include <sys/stat.h>

#include <mutex>
#include <set>
#include <utility>

#include "sources/load.h"

namespace mkepub {
namespace {

std::mutex guard;
std::set<std::pair<dev_t, ino_t>> inputs;

std::optional<std::pair<dev_t, ino_t>> identity_of(const fs::path& file) {
  struct stat st;
  if (stat(file.c_str(), &st) != 0) return std::nullopt;
  return std::make_pair(st.st_dev, st.st_ino);
}

}  // namespace

std::optional<std::string> read_input(const fs::path& file, size_t max_bytes) {
  // Only a regular file is an input: a device (`--cover /dev/zero`) or a FIFO would be read without end.
  struct stat st;
  if (stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto bytes = read_file(file, max_bytes);
  if (bytes)
    if (auto id = identity_of(file)) {
      std::lock_guard<std::mutex> lock(guard);
      inputs.insert(*id);
    }
  return bytes;
}

bool is_input_of_this_run(const fs::path& file) {
  auto id = identity_of(file);
  if (!id) return false;
  std::lock_guard<std::mutex> lock(guard);
  return inputs.count(*id) > 0;
}

}  // namespace mkepub
