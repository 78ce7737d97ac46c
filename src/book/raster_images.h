// PNG, JPEG and GIF go into the book byte for byte, so they are not held while the pages are finished and
// packaged (13 MB for powershell-docs-en): read to be found and named, they are read again into their entries
// once the book has passed its self-check, and must then be the bytes it was checked with. Images image_convert
// made (other formats, scaled) are few and at most 2048² pixels: they stay in memory rather than be made again.
#pragma once

#include <map>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

struct SetAside {
  fs::path source;
  std::string sha256;  // what resolve_images found it by
};
using SetAsideImages = std::map<std::string, SetAside>;  // path in the zip -> the file

// Drops the bytes of every raster image of `assets`, returning where to read each again.
SetAsideImages set_aside_raster_images(std::vector<Asset>& assets);

// Fills the entries of `images` with their files' bytes; false (reported) when one is gone or changed.
bool read_raster_images(std::vector<Entry>& entries, const SetAsideImages& images, Diagnostics& diag);

}  // namespace mkepub
