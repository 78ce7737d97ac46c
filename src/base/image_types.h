// Image types and sizes from their first bytes, without decoding (image_convert.h decodes).
#pragma once

#include <optional>
#include <string>

namespace mkepub {

// The media type of an image from its first bytes: the EPUB core types (image/png, image/jpeg, image/gif,
// image/svg+xml), the raster formats fit_image converts (image/webp, image/avif, image/heic, image/jxl,
// image/bmp, image/tiff, image/vnd.microsoft.icon), or "" for anything else.
std::string sniff_image_type(const std::string& bytes);

// Whether readers must show `media_type` as it is (PNG, JPEG, GIF, SVG).
bool is_core_image_type(const std::string& media_type);

// A WebP whose picture is lossy ("VP8 "), not lossless ("VP8L").
bool webp_is_lossy(const std::string& bytes);

struct ImageSize {
  int width = 0, height = 0;
};
// The pixel size a PNG, GIF or JPEG header declares; none when the header cannot be read.
std::optional<ImageSize> core_image_size(const std::string& bytes, const std::string& media_type);

}  // namespace mkepub
