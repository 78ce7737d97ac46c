// Polling rather than inotify: it sees every kind of save (in place, write-and-rename, a folder replaced) the
// same way, on any file system, and the inputs of a book are small enough to walk a few times a second.
#include "run/serve_watch.h"

#include <algorithm>
#include <string>

namespace mkepub {
namespace {

// FNV-1a over the bytes given, continued from `h`.
uint64_t mix(uint64_t h, const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

bool is_ignored(const fs::path& p, const std::vector<fs::path>& ignored) {
  return std::find(ignored.begin(), ignored.end(), p.lexically_normal()) != ignored.end();
}

uint64_t add_file(uint64_t h, const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) return h;
  auto time = fs::last_write_time(file, ec).time_since_epoch().count();
  if (ec) return h;
  std::string name = file.generic_string();
  h = mix(h, name.data(), name.size() + 1);
  h = mix(h, &size, sizeof size);
  return mix(h, &time, sizeof time);
}

}  // namespace

uint64_t watch_fingerprint(const std::vector<fs::path>& roots, const std::vector<fs::path>& ignored) {
  std::vector<fs::path> skip;
  for (const auto& p : ignored) skip.push_back(fs::absolute(p).lexically_normal());
  uint64_t h = 14695981039346656037ULL;
  for (const auto& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      h = add_file(h, root);
      continue;
    }
    // Sorted, so that the same files in another directory order give the same fingerprint.
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      std::error_code kind;
      if (it->is_directory(kind) && (name == ".git" || name == "node_modules" || is_ignored(fs::absolute(p), skip))) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(kind) && !is_ignored(fs::absolute(p), skip)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) h = add_file(h, f);
  }
  return h;
}

}  // namespace mkepub
