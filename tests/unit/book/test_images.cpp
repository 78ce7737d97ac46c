// Test images made with libvips (test_images.h).
#include "test_images.h"

#include <vips/vips.h>

#include <memory>
#include <stdexcept>

#include "book/image_convert.h"

namespace mkepub::test {
namespace {

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// `out` by reference: read after the call that fills it, whatever order the arguments are evaluated in.
Image check(int failed, VipsImage*& out) {
  if (failed) throw std::runtime_error(vips_error_buffer());
  return Image(out);
}

}  // namespace

std::string make_image(int width, int height, int bands, const std::string& suffix, Picture picture) {
  fit_image("", "image/webp", 0);  // starts libvips, as mkepub does
  VipsImage* out = nullptr;
  Image rgb;
  if (picture == Picture::flat) {
    rgb = check(vips_black(&out, width, height, "bands", 3, nullptr), out);
    rgb = check(vips_linear1(rgb.get(), &out, 1, 90, "uchar", TRUE, nullptr), out);
  } else {
    // Coarse noise enlarged into smooth blobs, with fine grain over it; the same picture every time (seeded).
    Image coarse = check(
        vips_gaussnoise(&out, width / 16 + 1, height / 16 + 1, "sigma", 60.0, "mean", 128.0, "seed", 7, nullptr), out);
    Image smooth = check(vips_resize(coarse.get(), &out, 16, "kernel", VIPS_KERNEL_LINEAR, nullptr), out);
    Image cropped = check(vips_crop(smooth.get(), &out, 0, 0, width, height, nullptr), out);
    Image grain = check(vips_gaussnoise(&out, width, height, "sigma", 4.0, "mean", 0.0, "seed", 3, nullptr), out);
    Image sum = check(vips_add(cropped.get(), grain.get(), &out, nullptr), out);
    VipsImage* three[3] = {sum.get(), cropped.get(), sum.get()};
    Image joined = check(vips_bandjoin(three, &out, 3, nullptr), out);
    rgb = check(vips_cast_uchar(joined.get(), &out, nullptr), out);
  }
  rgb = check(vips_copy(rgb.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
  if (bands == 4) {  // alpha: opaque on the left half, half-transparent on the right
    Image x = check(vips_xyz(&out, width, height, nullptr), out);
    Image column = check(vips_extract_band(x.get(), &out, 0, nullptr), out);
    Image alpha = check(vips_more_const1(column.get(), &out, width / 2, nullptr), out);  // 255 where x > w/2
    alpha = check(vips_linear1(alpha.get(), &out, -0.5, 255, "uchar", TRUE, nullptr), out);
    rgb = check(vips_bandjoin2(rgb.get(), alpha.get(), &out, nullptr), out);
  }
  void* buf = nullptr;
  size_t len = 0;
  int failed = suffix == ".bmp" || suffix == ".ico"
                   ? vips_magicksave_buffer(rgb.get(), &buf, &len, "format", suffix.c_str() + 1, nullptr)
                   : vips_image_write_to_buffer(rgb.get(), suffix.c_str(), &buf, &len, "strip", TRUE, nullptr);
  if (failed) throw std::runtime_error(vips_error_buffer());
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return bytes;
}

std::string make_animated_gif(int width, int height) {
  fit_image("", "image/webp", 0);
  VipsImage* out = nullptr;
  Image strip = check(vips_black(&out, width, height * 2, "bands", 3, nullptr), out);
  strip = check(vips_cast_uchar(strip.get(), &out, nullptr), out);
  strip = check(vips_copy(strip.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
  vips_image_set_int(strip.get(), "page-height", height);  // libvips' frames: one strip, cut every height rows
  void* buf = nullptr;
  size_t len = 0;
  if (vips_gifsave_buffer(strip.get(), &buf, &len, nullptr)) throw std::runtime_error(vips_error_buffer());
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return bytes;
}

ReadBack read_back(const std::string& bytes) {
  Image image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!image) {
    vips_error_clear();
    return {};
  }
  return {vips_image_get_width(image.get()), vips_image_get_height(image.get()), vips_image_get_bands(image.get())};
}

}  // namespace mkepub::test
