// The content-addressed store of fetched remote images (see image_store.h for its layout).
#include "sources/image_store.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/digest.h"
#include "base/input_limits.h"
#include "epub/output.h"
#include "sources/inputs_read.h"

namespace mkepub {
namespace {

std::optional<std::string> slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

bool is_digest(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

fs::path ImageStore::object(const std::string& digest) const { return dir_ / "objects" / digest.substr(0, 2) / digest; }

fs::path ImageStore::entry(const std::string& url) const { return dir_ / "urls" / Sha256().add(url).hex(); }

std::optional<ImageStore::Found> ImageStore::get(const std::string& url) const {
  if (dir_.empty()) return std::nullopt;
  auto record = slurp(entry(url));
  if (!record) return std::nullopt;
  std::string digest = record->substr(0, record->find('\n'));
  // The URL is kept beside its digest so that two URLs whose names collide are told apart.
  if (!is_digest(digest) || record->substr(digest.size() + 1) != url + "\n") return std::nullopt;
  fs::path file = object(digest);
  // Read as an input of the run, so that no output of the run may replace it.
  auto bytes = read_input(file, kMaxAssetBytes);
  if (!bytes || Sha256().add(*bytes).hex() != digest) return std::nullopt;
  return Found{file, std::move(*bytes)};
}

std::optional<fs::path> ImageStore::put(const std::string& url, const std::string& bytes) const {
  if (dir_.empty()) return std::nullopt;
  std::string digest = Sha256().add(bytes).hex();
  fs::path file = object(digest);
  std::error_code ec;
  try {
    fs::create_directories(file.parent_path(), ec);
    fs::create_directories(entry(url).parent_path(), ec);
    if (!fs::exists(file, ec)) write_atomically(file, bytes);
    write_atomically(entry(url), digest + "\n" + url + "\n");
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  return file;
}

fs::path image_store_dir(const fs::path& cache_dir) {
  if (!cache_dir.empty()) return cache_dir / "remote-images";
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    return fs::path(xdg) / "mkepub" / "remote-images";
  if (const char* home = std::getenv("HOME"); home && *home == '/')
    return fs::path(home) / ".cache" / "mkepub" / "remote-images";
  return {};
}

}  // namespace mkepub
