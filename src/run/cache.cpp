// The build cache, keyed by content (SHA-256): inputs, command line, and the mkepub binary itself.
#include "run/cache.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "base/digest.h"
#include "sources/load.h"
#include "epub/output.h"

namespace mkepub {
namespace {

std::string hash_file(const fs::path& file) {
  auto bytes = read_file(file);
  return bytes ? Sha256().add(*bytes).hex() : "";
}

// An input's hash, read once a run: the run's key, the books' shared key and each book's key (checked, then
// recorded after the build) all cover the same files. Books are checked on several threads.
std::string hash_input(const fs::path& file) {
  static std::mutex mutex;
  static std::map<fs::path, std::string> known;
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(file); it != known.end()) return it->second;
  }
  std::string hash = hash_file(file);
  std::lock_guard lock(mutex);
  return known.emplace(file, hash).first->second;
}

std::vector<fs::path> files_under(const fs::path& root) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) return {root};
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

void add_tree(Sha256& h, const fs::path& root) {
  for (const auto& f : files_under(root)) h.add(f.generic_string()).add("\n").add(hash_input(f)).add("\n");
}

bool is_image(const fs::path& f) {
  std::string ext = f.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico"})
    if (ext == e) return true;
  return false;
}

fs::path record_of(const fs::path& dir, const BookKey& key) {
  return dir / (Sha256().add(key.shape).add("\n").add(fs::absolute(key.output).generic_string()).hex() + ".book");
}

std::string book_hash(const BookKey& key, const std::vector<fs::path>& used) {
  Sha256 h;
  h.add(key.shape).add("\n").add(key.shared).add("\n").add(fs::absolute(key.output).generic_string()).add("\n");
  for (const auto& list : {key.posts, used})
    for (const auto& f : list) h.add(f.generic_string()).add("\n").add(hash_input(f)).add("\n");
  return h.hex();
}

}  // namespace

std::string tree_key(const std::vector<fs::path>& roots, const std::set<fs::path>& skip) {
  Sha256 h;
  for (const auto& r : roots)
    for (const auto& f : files_under(r))
      if (!is_image(f) && !skip.count(fs::weakly_canonical(f))) h.add(f.generic_string()).add("\n").add(hash_input(f)).add("\n");
  return h.hex();
}

bool cached_book_is_fresh(const fs::path& dir, const BookKey& key) {
  auto record = read_file(record_of(dir, key));
  if (!record) return false;
  std::istringstream in(*record);
  std::string hash, output_hash, line;
  if (!std::getline(in, hash) || !std::getline(in, output_hash)) return false;
  std::vector<fs::path> used;
  while (std::getline(in, line))
    if (!line.empty()) used.push_back(line);
  return book_hash(key, used) == hash && hash_file(key.output) == output_hash;
}

bool record_book(const fs::path& dir, const BookKey& key, const std::vector<fs::path>& used) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string record = book_hash(key, used) + "\n" + hash_file(key.output) + "\n";
  for (const auto& f : used) record += f.generic_string() + "\n";
  try {
    write_atomically(record_of(dir, key), record);
  } catch (const std::runtime_error&) {
    return false;
  }
  return true;
}

// The shared libraries mkepub runs with (cmark-gfm, gumbo, pango...), each named with its size and time: an
// upgraded library may render the same post otherwise. Not their bytes, which would take longer than a build.
std::string libraries_key() {
  std::ifstream maps("/proc/self/maps");
  std::set<std::string> files;
  for (std::string line; std::getline(maps, line);)
    if (auto at = line.find(" /"); at != std::string::npos && line.find(".so", at) != std::string::npos)
      files.insert(line.substr(at + 1));
  Sha256 h;
  for (const auto& f : files) {
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    auto time = fs::last_write_time(f, ec).time_since_epoch().count();
    h.add(f).add(" ").add(std::to_string(size)).add(" ").add(std::to_string(time)).add("\n");
  }
  return h.hex();
}

std::string executable_key() {
  // Made once a run: the chapter cache asks for it once a book.
  static const std::string key =
      std::string(MKEPUB_VERSION) + "\n" + hash_file("/proc/self/exe") + "\n" + libraries_key();
  return key;
}

std::string run_key(const std::vector<std::string>& args, const std::vector<fs::path>& roots) {
  Sha256 h;
  h.add(executable_key()).add("\n");
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

bool record_run(const fs::path& dir, const std::string& key, const std::vector<fs::path>& outputs) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string record;
  for (const auto& o : outputs) record += hash_file(o) + " " + fs::absolute(o).generic_string() + "\n";
  try {
    write_atomically(dir / (key + ".run"), record);
  } catch (const std::runtime_error&) {
    return false;
  }
  return true;
}

}  // namespace mkepub
