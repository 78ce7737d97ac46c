// Small images made with libvips in the tests themselves, in any format it writes, so that no binary is committed.
#pragma once

#include <string>

namespace mkepub::test {

enum class Picture {
  flat,   // one colour: compresses to almost nothing
  photo,  // smooth shapes with grain, like a photograph: JPEG is far smaller than PNG
};

// A width x height picture with `bands` bands (3: RGB, 4: RGBA with half-transparent pixels) saved as `suffix`
// (".png", ".webp", ".avif", ".bmp", ".tif", ".ico", ".gif"...).
std::string make_image(int width, int height, int bands, const std::string& suffix, Picture picture = Picture::flat);

// A GIF of two width x height frames.
std::string make_animated_gif(int width, int height);

// The pixel size and band count libvips reads from `bytes`.
struct ReadBack {
  int width = 0, height = 0, bands = 0;
};
ReadBack read_back(const std::string& bytes);

}  // namespace mkepub::test
