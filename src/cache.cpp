// The build cache, keyed by content (SHA-256): inputs, command line, and the mkepub binary itself.
#include "cache.h"

#include <algorithm>
#include <sstream>

#include "digest.h"
#include "load.h"
#include "output.h"

namespace mkepub {
namespace {

std::string hash_file(const fs::path& file) {
  auto bytes = read_file(file);
  return bytes ? Sha256().add(*bytes).hex() : "";
}

void add_tree(Sha256& h, const fs::path& root) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) {
    h.add(root.generic_string()).add("\n").add(hash_file(root)).add("\n");
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) h.add(f.generic_string()).add("\n").add(hash_file(f)).add("\n");
}

}  // namespace

std::string run_key(const std::vector<std::string>& args, const std::vector<fs::path>& roots) {
  Sha256 h;
  h.add(MKEPUB_VERSION).add("\n").add(hash_file("/proc/self/exe")).add("\n");
  for (const auto& a : args) h.add(a).add(std::string_view("\0", 1));
  for (const auto& r : roots) add_tree(h, r);
  return h.hex();
}

bool cached_run_is_fresh(const fs::path& dir, const std::string& key) {
  auto record = read_file(dir / (key + ".run"));
  if (!record) return false;
  std::istringstream in(*record);
  std::string hash, path;
  size_t outputs = 0;
  while (in >> hash && std::getline(in >> std::ws, path)) {
    if (hash_file(path) != hash) return false;
    ++outputs;
  }
  return outputs > 0;
}

void record_run(const fs::path& dir, const std::string& key, const std::vector<fs::path>& outputs) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string record;
  for (const auto& o : outputs) record += hash_file(o) + " " + fs::absolute(o).generic_string() + "\n";
  write_atomically(dir / (key + ".run"), record);
}

}  // namespace mkepub
