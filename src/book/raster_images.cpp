// Raster images set aside while the book is assembled, and read again, checked by SHA-256, for the zip.
#include "book/raster_images.h"

#include "base/digest.h"
#include "base/input_limits.h"
#include "base/memory.h"
#include "sources/inputs_read.h"

namespace mkepub {

SetAsideImages set_aside_raster_images(std::vector<Asset>& assets) {
  GiveBackMemoryOnExit give_back;  // every image read to be found
  SetAsideImages files;
  for (auto& a : assets)
    // Converted images and fetched ones the store could not keep exist only in memory.
    if (a.media_type != "image/svg+xml" && !a.converted && !a.source.empty()) {
      files[kPackageDir + a.href] = {a.source, a.sha256};
      std::string().swap(a.bytes);
    }
  return files;
}

bool read_raster_images(std::vector<Entry>& entries, const SetAsideImages& images, Diagnostics& diag) {
  for (auto& e : entries) {
    auto it = images.find(e.path);
    if (it == images.end()) continue;
    const std::string display = it->second.source.generic_string();
    auto bytes = read_input(it->second.source, kMaxAssetBytes);
    if (!bytes) diag.error({display, 0, 0, "cannot read the image again; was it removed?"});
    else if (Sha256().add(*bytes).hex() != it->second.sha256)
      diag.error({display, 0, 0, "the image changed while the book was being made; build again"});
    else e.bytes = std::move(*bytes);
  }
  return !diag.failed();
}

}  // namespace mkepub
