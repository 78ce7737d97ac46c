// Image types and header sizes from the first bytes (image_types.h).
#include <doctest/doctest.h>

#include "base/image_types.h"
#include "../book/test_images.h"

using namespace mkepub;
using mkepub::test::make_image;

TEST_CASE("sniff_image_type: the core types by their signatures") {
  CHECK(sniff_image_type(std::string("\x89PNG\r\n\x1a\n", 8) + "png-bytes") == "image/png");
  CHECK(sniff_image_type("\xFF\xD8\xFF\xE0jpeg-bytes") == "image/jpeg");
  CHECK(sniff_image_type("GIF87a...") == "image/gif");
  CHECK(sniff_image_type("GIF89a-gif-bytes") == "image/gif");
  CHECK(sniff_image_type("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "image/svg+xml");
  // What a server sends for a missing image: a page, even one holding an <svg>, or text.
  CHECK(sniff_image_type("<!DOCTYPE html><html><body><svg></svg></body></html>").empty());
  CHECK(sniff_image_type("Not Found").empty());
  CHECK(sniff_image_type("BMW page").empty());  // a bitmap's magic alone is two letters of text
  CHECK(sniff_image_type("II").empty());
  CHECK(sniff_image_type("").empty());
  CHECK(sniff_image_type("\xFF\xD8\xFF\xE0") == "image/jpeg");  // a JPEG cut short is still one to try
  CHECK(sniff_image_type("") == "");
  CHECK(sniff_image_type("plain text") == "");
}

TEST_CASE("sniff_image_type: the formats that are converted, from files libvips wrote") {
  CHECK(sniff_image_type(make_image(8, 8, 3, ".webp")) == "image/webp");
  CHECK(sniff_image_type(make_image(8, 8, 3, ".avif")) == "image/avif");
  CHECK(sniff_image_type(make_image(8, 8, 3, ".heic")) == "image/heic");
  CHECK(sniff_image_type(make_image(8, 8, 3, ".jxl")) == "image/jxl");
  CHECK(sniff_image_type(make_image(8, 8, 3, ".bmp")) == "image/bmp");
  CHECK(sniff_image_type(make_image(8, 8, 3, ".tif")) == "image/tiff");
  CHECK(sniff_image_type(make_image(8, 8, 4, ".ico")) == "image/vnd.microsoft.icon");
}

TEST_CASE("sniff_image_type: look-alikes are not images") {
  CHECK(sniff_image_type("BMW is a car") == "");                  // "BM" without a DIB header
  CHECK(sniff_image_type(std::string("\0\0\1\0\0\0", 6)) == "");  // an icon file of no icons
  CHECK(sniff_image_type(std::string("\0\0\0\x18"
                                     "ftypmp42",
                                     12)) == "");  // an MP4 video
  CHECK(sniff_image_type(std::string("\0\0\0\x1c"
                                     "ftypmif1\0\0\0\0mif1avif",
                                     24)) == "image/avif");
  CHECK(sniff_image_type(std::string("\0\0\0\x18"
                                     "ftypheic\0\0\0\0mif1",
                                     20)) == "image/heic");
}

TEST_CASE("webp_is_lossy: by the image chunk") {
  CHECK(webp_is_lossy(std::string("RIFF\0\0\0\0WEBPVP8 \0\0\0\0", 20)));
  CHECK_FALSE(webp_is_lossy(std::string("RIFF\0\0\0\0WEBPVP8L\0\0\0\0", 20)));
  // The extended format: VP8X, then ALPH before the picture.
  CHECK(webp_is_lossy(std::string("RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0", 20) + std::string(10, '\0') +
                      std::string("ALPH\x01\0\0\0x\0VP8 \0\0\0\0", 18)));
}

TEST_CASE("is_core_image_type: what readers must show") {
  CHECK(is_core_image_type("image/png"));
  CHECK(is_core_image_type("image/svg+xml"));
  CHECK_FALSE(is_core_image_type("image/webp"));
}

TEST_CASE("core_image_size: PNG, GIF and JPEG headers") {
  auto png = core_image_size(make_image(40, 30, 3, ".png"), "image/png");
  REQUIRE(png);
  CHECK(png->width == 40);
  CHECK(png->height == 30);
  auto gif = core_image_size(make_image(41, 31, 3, ".gif"), "image/gif");
  REQUIRE(gif);
  CHECK(gif->width == 41);
  CHECK(gif->height == 31);
  auto jpeg = core_image_size(make_image(42, 32, 3, ".jpg"), "image/jpeg");
  REQUIRE(jpeg);
  CHECK(jpeg->width == 42);
  CHECK(jpeg->height == 32);
  CHECK_FALSE(core_image_size(std::string("\x89PNG\r\n\x1a\n", 8) + "png-bytes", "image/png"));
  CHECK_FALSE(core_image_size("\xFF\xD8\xFF\xE0jpeg", "image/jpeg"));
}
