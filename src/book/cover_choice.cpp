// Choosing the cover, and drawing one when none is given (its 16 MB of pixels given back as it ends).
#include "book/cover_choice.h"

#include "base/memory.h"
#include "book/cover.h"
#include "book/links.h"
#include "sources/inputs_read.h"

namespace mkepub {

std::optional<Asset> choose_cover(const Options& options, const std::optional<Site>& site, const Metadata& meta,
                                  const std::function<std::optional<std::string>(const fs::path&)>& read,
                                  Diagnostics& diag) {
  GiveBackMemoryOnExit give_back;
  fs::path file = options.cover;
  if (file.empty() && site)
    if (auto it = site->config.variables.find("cover"); it != site->config.variables.end() && !it->second.empty())
      file = it->second[0] == '/' ? site->source_dir / it->second.substr(1) : site->root / it->second;
  if (file.empty())
    return Asset{{}, "images/cover.png", "image/png", render_cover_png(meta.title, meta.creators, meta.language)};
  bool from_site = options.cover.empty();
  auto bytes = from_site ? read(file) : read_input(file);
  std::string type = bytes ? sniff_image_type(*bytes) : "";
  if (!type.empty() && type != "image/svg+xml") {  // a WebP, AVIF... cover is converted as the posts' images are
    auto fitted = fit_image(*bytes, type, options.image_max);
    if (fitted.outcome == FittedImage::Outcome::unreadable) {  // a damaged cover is the user's to mend
      diag.error({file.generic_string(), 0, 0, "the cover image cannot be read (" + fitted.error + ")"});
      return std::nullopt;
    }
    if (fitted.outcome == FittedImage::Outcome::converted) {
      *bytes = std::move(fitted.bytes);
      type = fitted.media_type;
    }
  }
  if (!bytes || type.empty() || type == "image/svg+xml") {
    diag.error({file.generic_string(), 0, 0,
                bytes ? "the cover must be a PNG, JPEG or GIF image (or WebP, AVIF, HEIC, JPEG XL, BMP, TIFF, ICO)"
                : from_site ? "cannot read the cover image inside the input folders"
                            : "cannot read the cover image"});
    return std::nullopt;
  }
  std::string ext = type == "image/png" ? ".png" : type == "image/gif" ? ".gif" : ".jpg";
  return Asset{file, "images/cover" + ext, type, std::move(*bytes)};
}

}  // namespace mkepub
