// A post's images in the formats blogs use (WebP, BMP, TIFF, AVIF) and larger than readers need: the book holds
// them as PNG or JPEG within --image-max, keeps their alt text, and passes epubcheck.
#include <doctest/doctest.h>

#include <map>

#include "base/image_types.h"
#include "epub/container.h"
#include "support.h"
#include "unit/book/test_images.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

std::map<std::string, std::string> entries_of(const fs::path& epub) {
  std::map<std::string, std::string> out;
  for (auto& e : unzip_entries(slurp(epub))) out[e.path] = e.bytes;
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("images: WebP, BMP, TIFF and AVIF become PNG or JPEG, large ones are scaled, the book is valid") {
  TempDir tmp;
  spit(tmp / "in/photo.webp", make_image(64, 48, 3, ".webp", Picture::photo));
  spit(tmp / "in/icon.bmp", make_image(32, 32, 3, ".bmp"));
  spit(tmp / "in/scan.tif", make_image(40, 30, 3, ".tif"));
  spit(tmp / "in/sky.avif", make_image(50, 25, 3, ".avif", Picture::photo));
  spit(tmp / "in/wide.png", make_image(3000, 100, 3, ".png"));
  spit(tmp / "in/small.png", make_image(20, 10, 3, ".png"));
  spit(tmp / "in/broken.webp", make_image(64, 48, 3, ".webp").substr(0, 40));
  spit(tmp / "in/post.md",
       "---\ntitle: Pictures\n---\n![A photo](photo.webp) ![An icon](icon.bmp) ![A scan](scan.tif)\n\n"
       "![The sky](sky.avif) ![A banner](wide.png) ![Small](small.png)\n\n![Broken](broken.webp)\n");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  // The broken one: one warning naming it, and its alt text.
  CHECK(has(r.output, "post.md:8: warning: image `broken.webp` cannot be read ("));
  CHECK_FALSE(has(r.output, "left out"));

  auto entries = entries_of(tmp / "book.epub");
  std::string page;
  for (const auto& [path, bytes] : entries)
    if (has(bytes, "A photo")) page = bytes;
  REQUIRE_FALSE(page.empty());
  CHECK(has(page, "<p>Broken</p>"));
  int images = 0;
  for (const char* alt : {"A photo", "An icon", "A scan", "The sky", "A banner", "Small"}) {
    CAPTURE(alt);
    size_t at = page.find(std::string("alt=\"") + alt + "\"");
    REQUIRE(at != std::string::npos);
    size_t src = page.rfind("src=\"../", at);
    REQUIRE(src != std::string::npos);
    std::string href = page.substr(src + 8, page.find('"', src + 8) - src - 8);
    const std::string& bytes = entries["EPUB/" + href];
    std::string type = sniff_image_type(bytes);
    CHECK((type == "image/png" || type == "image/jpeg"));
    CHECK(href.ends_with(type == "image/png" ? ".png" : ".jpg"));
    CHECK(read_back(bytes).width <= 2048);
    ++images;
  }
  CHECK(images == 6);
  // The small PNG is the file itself, byte for byte.
  bool small_as_is = false;
  for (const auto& [path, bytes] : entries) small_as_is = small_as_is || bytes == slurp(tmp / "in/small.png");
  CHECK(small_as_is);
  // The declared media types are the sniffed ones.
  const std::string& opf = entries["EPUB/content.opf"];
  CHECK(has(opf, "media-type=\"image/jpeg\""));
  CHECK(has(opf, "media-type=\"image/png\""));
  CHECK_FALSE(has(opf, "image/webp"));
}

TEST_CASE("images: --image-max 0 keeps a large PNG as it is") {
  TempDir tmp;
  std::string wide = make_image(3000, 100, 3, ".png");
  spit(tmp / "in/wide.png", wide);
  spit(tmp / "in/post.md", "---\ntitle: Wide\n---\n![A banner](wide.png)\n");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "book.epub") + " --image-max 0");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(entries_of(tmp / "book.epub")["EPUB/images/i0001.png"] == wide);
}
