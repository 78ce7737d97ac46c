// Images fitted for readers (EPUB 3.3 core media types, https://www.w3.org/TR/epub-33/#sec-core-media-types):
// the formats blogs use that readers need not show (WebP, AVIF, HEIC, JPEG XL, BMP, TIFF, ICO) become PNG or
// JPEG, and images larger than a reader's screen are scaled down. Read and written with libvips.
#pragma once

#include <string>

#include "base/image_types.h"

namespace mkepub {

// Scaled down to this many pixels on the long side unless --image-max says otherwise (README: why 2048).
inline constexpr int kDefaultImageMax = 2048;

struct FittedImage {
  enum class Outcome { kept, converted, unreadable } outcome = Outcome::kept;
  std::string bytes;       // converted: the new image
  std::string media_type;  // converted: image/png or image/jpeg
  std::string error;       // unreadable: the library's reason
};

// A raster image of the sniffed `media_type` (not SVG) as the book holds it: `kept` when it is PNG, JPEG or GIF
// within `max_side` pixels (0: any size) and not a photo stored as a large PNG, or an animated GIF; else
// `converted` to PNG (transparent or lossless sources) or JPEG (photos), without metadata, the same bytes on
// every run; `unreadable` when the library cannot decode it.
FittedImage fit_image(const std::string& bytes, const std::string& media_type, int max_side);

// False when fit_image would keep the image as it is without decoding it: PNG, JPEG or GIF whose header says it
// is within `max_side` and that is not a large PNG. Read from the header alone.
bool may_need_fitting(const std::string& bytes, const std::string& media_type, int max_side);

}  // namespace mkepub
