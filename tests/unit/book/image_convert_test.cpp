// Images fitted for readers (image_convert.h): bytes in, bytes and media type out.
#include <doctest/doctest.h>

#include "book/image_convert.h"
#include "test_images.h"

using namespace mkepub;
using mkepub::test::make_image;
using mkepub::test::Picture;
using mkepub::test::read_back;
using Outcome = FittedImage::Outcome;

namespace {

FittedImage fit(const std::string& bytes, int max_side = kDefaultImageMax) {
  return fit_image(bytes, sniff_image_type(bytes), max_side);
}

}  // namespace

TEST_CASE("fit_image: WebP, AVIF, HEIC, JPEG XL, BMP, TIFF and ICO become PNG or JPEG of the same size") {
  for (const char* suffix : {".webp", ".avif", ".heic", ".jxl", ".bmp", ".tif", ".ico"}) {
    CAPTURE(suffix);
    auto fitted = fit(make_image(48, 24, 3, suffix));
    REQUIRE(fitted.outcome == Outcome::converted);
    CHECK((fitted.media_type == "image/png" || fitted.media_type == "image/jpeg"));
    CHECK(sniff_image_type(fitted.bytes) == fitted.media_type);
    auto back = read_back(fitted.bytes);
    CHECK(back.width == 48);
    CHECK(back.height == 24);
  }
}

TEST_CASE("fit_image: photos (lossy WebP, AVIF) become JPEG, lossless and transparent pictures PNG") {
  CHECK(fit(make_image(32, 32, 3, ".avif")).media_type == "image/jpeg");
  CHECK(fit(make_image(32, 32, 3, ".webp")).media_type == "image/jpeg");
  CHECK(fit(make_image(32, 32, 3, ".bmp")).media_type == "image/png");
  auto transparent = fit(make_image(32, 32, 4, ".webp"));
  CHECK(transparent.media_type == "image/png");
  CHECK(read_back(transparent.bytes).bands == 4);
}

TEST_CASE("fit_image: PNG, JPEG and GIF within the size are kept as they are") {
  CHECK(fit(make_image(300, 200, 3, ".png")).outcome == Outcome::kept);
  CHECK(fit(make_image(2048, 100, 3, ".jpg")).outcome == Outcome::kept);
  CHECK(fit(make_image(30, 20, 3, ".gif")).outcome == Outcome::kept);
  // A signature and nothing whole after it is no picture: it stays out (epubcheck refuses it, PKG-021).
  CHECK(fit(std::string("\x89PNG\r\n\x1a\n", 8) + "png-bytes").outcome == Outcome::unreadable);
}

TEST_CASE("fit_image: an image longer than the limit is scaled down to it") {
  auto fitted = fit(make_image(4000, 1000, 3, ".png"));
  REQUIRE(fitted.outcome == Outcome::converted);
  CHECK(fitted.media_type == "image/png");
  auto back = read_back(fitted.bytes);
  CHECK(back.width == 2048);
  CHECK(back.height == 512);
  auto tall = fit(make_image(100, 800, 3, ".jpg"), 400);
  REQUIRE(tall.outcome == Outcome::converted);
  CHECK(tall.media_type == "image/jpeg");
  CHECK(read_back(tall.bytes).height == 400);
  CHECK(read_back(tall.bytes).width == 50);
}

TEST_CASE("fit_image: --image-max 0 never scales") {
  CHECK(fit(make_image(4000, 1000, 3, ".png"), 0).outcome == Outcome::kept);
  auto webp = fit(make_image(3000, 10, 3, ".webp"), 0);
  REQUIRE(webp.outcome == Outcome::converted);
  CHECK(read_back(webp.bytes).width == 3000);
}

TEST_CASE("fit_image: an opaque photo stored as a large PNG becomes JPEG, a transparent one stays PNG") {
  std::string photo = make_image(2000, 2000, 3, ".png", Picture::photo);
  REQUIRE(photo.size() > (1 << 20));
  auto fitted = fit(photo);
  REQUIRE(fitted.outcome == Outcome::converted);
  CHECK(fitted.media_type == "image/jpeg");
  CHECK(fitted.bytes.size() * 2 < photo.size());
  CHECK(read_back(fitted.bytes).width == 2000);

  std::string with_alpha = make_image(2000, 2000, 4, ".png", Picture::photo);
  REQUIRE(with_alpha.size() > (1 << 20));
  CHECK(fit(with_alpha).outcome == Outcome::kept);
}

TEST_CASE("fit_image: the same image gives the same bytes every time") {
  std::string webp = make_image(300, 200, 4, ".webp", Picture::photo);
  CHECK(fit(webp).bytes == fit(webp).bytes);
  std::string big = make_image(3000, 500, 3, ".jpg", Picture::photo);
  CHECK(fit(big).bytes == fit(big).bytes);
}

TEST_CASE("fit_image: an image the library cannot decode is unreadable, with its reason") {
  std::string webp = make_image(64, 64, 3, ".webp");
  auto cut = fit(webp.substr(0, 40));
  CHECK(cut.outcome == Outcome::unreadable);
  CHECK_FALSE(cut.error.empty());
  // A PNG whose header asks for scaling but whose pixels are gone.
  std::string png = make_image(3000, 10, 3, ".png");
  CHECK(fit(png.substr(0, 60)).outcome == Outcome::unreadable);
}

TEST_CASE("fit_image: an animated GIF is kept as it is, however large, a still one is scaled") {
  CHECK(fit(mkepub::test::make_animated_gif(3000, 100)).outcome == Outcome::kept);
  auto still = fit(make_image(3000, 100, 3, ".gif"));
  REQUIRE(still.outcome == Outcome::converted);
  CHECK(still.media_type == "image/png");
  CHECK(read_back(still.bytes).width == 2048);
}

TEST_CASE("fit_image: a JPEG saved at low quality is not made heavier by scaling it down") {
  std::string low = make_image(2600, 1300, 3, ".jpg[Q=50]", Picture::photo);
  auto fitted = fit(low);
  REQUIRE(fitted.outcome == Outcome::converted);
  CHECK(fitted.media_type == "image/jpeg");
  CHECK(read_back(fitted.bytes).width == 2048);
  CHECK(fitted.bytes.size() < low.size());
}
