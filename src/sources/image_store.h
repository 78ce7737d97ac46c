// The store of fetched remote images: their bytes by SHA-256, and which digest each URL gave, so that a rebuild
// needs no network and gives the same bytes.
#pragma once

#include <optional>
#include <string>

#include "base/book.h"

namespace mkepub {

// Layout under `dir`: objects/<ab>/<sha256> (the bytes), urls/<sha256 of the URL> ("<digest>\n<url>\n"). Every
// file is written whole (temp + rename), so that two runs filling the store at once never see half a file.
class ImageStore {
 public:
  explicit ImageStore(fs::path dir) : dir_(std::move(dir)) {}

  // The bytes stored for `url` and their file, when the store has them and they still hash to their name.
  struct Found {
    fs::path file;
    std::string bytes;
  };
  std::optional<Found> get(const std::string& url) const;

  // Stores `bytes` as what `url` gave; the object's file, or nothing when the store cannot be written.
  std::optional<fs::path> put(const std::string& url, const std::string& bytes) const;

 private:
  fs::path dir_;
  fs::path object(const std::string& digest) const;
  fs::path entry(const std::string& url) const;
};

// Where the store is: `<cache_dir>/remote-images` when a cache folder is given, else under $XDG_CACHE_HOME/mkepub
// or ~/.cache/mkepub; empty when none of these is known (images are then fetched on every run).
fs::path image_store_dir(const fs::path& cache_dir);

}  // namespace mkepub
