// PNG encoding of a drawn image (the generated cover), tuned for speed: a cover is 4 million pixels.
#pragma once

#include <cstdint>
#include <string>

namespace mkepub {

// `pixels` as cairo's RGB24 lays them out (32-bit native-endian 0x00RRGGBB, rows `stride` bytes apart) to a
// PNG file: 8-bit RGB, no timestamps (the same pixels give the same bytes).
std::string encode_png(const unsigned char* pixels, int width, int height, int stride);

}  // namespace mkepub
