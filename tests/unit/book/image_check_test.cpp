// Whole or damaged PNG, JPEG and GIF by their structure (image_check.h), and fit_image keeping damaged ones out.
#include <doctest/doctest.h>

#include "book/image_check.h"
#include "book/image_convert.h"
#include "test_images.h"

using namespace mkepub;
using mkepub::test::make_animated_gif;
using mkepub::test::make_image;
using mkepub::test::Picture;

TEST_CASE("core_image_fault: images libvips wrote are whole") {
  CHECK(core_image_fault(make_image(8, 8, 4, ".png"), "image/png") == "");
  CHECK(core_image_fault(make_image(8, 8, 3, ".jpg", Picture::photo), "image/jpeg") == "");
  CHECK(core_image_fault(make_image(8, 8, 3, ".gif"), "image/gif") == "");
  CHECK(core_image_fault(make_animated_gif(8, 8), "image/gif") == "");
  CHECK(core_image_fault("not checked", "image/webp") == "");
}

TEST_CASE("core_image_fault: a PNG with a damaged byte, cut short, or without its header is damaged") {
  std::string png = make_image(8, 8, 4, ".png");
  std::string flipped = png;
  flipped[png.size() - 20] ^= 0x40;  // inside the image data: its CRC no longer matches
  CHECK(core_image_fault(flipped, "image/png").find("damaged (CRC)") != std::string::npos);
  CHECK(core_image_fault(png.substr(0, png.size() - 12), "image/png") == "the PNG is cut short");  // no IEND
  CHECK(core_image_fault(png.substr(0, 20), "image/png") == "the PNG is cut short");
  std::string no_header = png.substr(0, 8) + png.substr(8 + 25);  // IHDR removed
  CHECK(core_image_fault(no_header, "image/png") == "the PNG does not start with its header");
}

TEST_CASE("core_image_fault: a JPEG cut short, ending before its scan, or with broken markers is damaged") {
  std::string jpeg = make_image(16, 16, 3, ".jpg", Picture::photo);
  CHECK(core_image_fault(jpeg.substr(0, jpeg.size() - 2), "image/jpeg") == "the JPEG is cut short");  // no EOI
  CHECK(core_image_fault(jpeg.substr(0, 30), "image/jpeg") == "the JPEG is cut short");
  CHECK(core_image_fault(std::string("\xFF\xD8\xFF\xD9", 4), "image/jpeg") == "the JPEG ends before its picture");
  CHECK(core_image_fault(std::string("\xFF\xD8\xFF\xE0\x00\x04xy\x00\x00", 10), "image/jpeg") ==
        "the JPEG's markers are damaged");
}

TEST_CASE("core_image_fault: a GIF cut inside its picture or with no picture is damaged") {
  std::string gif = make_image(16, 16, 3, ".gif", Picture::photo);
  CHECK(core_image_fault(gif.substr(0, gif.size() / 2), "image/gif") == "the GIF is cut short");
  std::string screen = gif.substr(0, 13);  // the header and logical screen, without a global colour table
  screen[10] = static_cast<char>(screen[10] & 0x7F);
  CHECK(core_image_fault(screen + ";", "image/gif") == "the GIF has no image");
  CHECK(core_image_fault(gif.substr(0, 13) + ";", "image/gif") == "the GIF is cut short");  // in its colour table
  CHECK(core_image_fault(gif.substr(0, gif.size() - 1), "image/gif") == "");                // only the trailer missing
}

TEST_CASE("fit_image: a damaged PNG, JPEG or GIF within the size is unreadable, not kept") {
  std::string png = make_image(8, 8, 3, ".png");
  png[png.size() - 20] ^= 0x40;
  auto fitted = fit_image(png, "image/png", kDefaultImageMax);
  CHECK(fitted.outcome == FittedImage::Outcome::unreadable);
  CHECK(fitted.error.find("CRC") != std::string::npos);
  std::string jpeg = make_image(16, 16, 3, ".jpg", Picture::photo);
  CHECK(fit_image(jpeg.substr(0, jpeg.size() / 2), "image/jpeg", kDefaultImageMax).outcome ==
        FittedImage::Outcome::unreadable);
}
