// The generated cover (cover.h): a PNG of the asked size, the same bytes for the same arguments.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "book/cover.h"

using namespace mkepub;

namespace {

std::uint32_t big_endian(const std::string& s, size_t at) {
  std::uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s.at(at + i));
  return v;
}

// The PNG signature, then IHDR as the first chunk: length 13, type, width, height.
void check_png(const std::string& png, std::uint32_t width, std::uint32_t height) {
  REQUIRE(png.size() > 33);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(big_endian(png, 8) == 13);
  CHECK(png.substr(12, 4) == "IHDR");
  CHECK(big_endian(png, 16) == width);
  CHECK(big_endian(png, 20) == height);
  CHECK(png.substr(png.size() - 8, 4) == "IEND");
}

const std::string kChinese = "拥抱失落：在心碎的缝隙中，寻觅微光与新生";
const std::string kLongEnglish =
    "Notes from a Small Kitchen on Bread, Patience and the Long Winter Evenings When Nothing Rises as It Should";

}  // namespace

TEST_CASE("cover: a PNG of the default size, 1600x2560") {
  check_png(render_cover_png("A Year of Posts", {"Jane Doe"}, "en"), 1600, 2560);
}

TEST_CASE("cover: a PNG of the asked size") {
  check_png(render_cover_png(kChinese, {}, "zh-CN", 400, 640), 400, 640);
}

TEST_CASE("cover: the same arguments give the same bytes") {
  CHECK(render_cover_png(kChinese, {"林夕"}, "zh-CN", 400, 640) ==
        render_cover_png(kChinese, {"林夕"}, "zh-CN", 400, 640));
  CHECK(render_cover_png(kLongEnglish, {"A. Baker", "B. Cook"}, "en", 400, 640) ==
        render_cover_png(kLongEnglish, {"A. Baker", "B. Cook"}, "en", 400, 640));
}

TEST_CASE("cover: a Chinese title and a long English title both render, differently") {
  std::string zh = render_cover_png(kChinese, {}, "zh-CN", 400, 640);
  std::string en = render_cover_png(kLongEnglish, {"A. Baker"}, "en", 400, 640);
  check_png(zh, 400, 640);
  check_png(en, 400, 640);
  CHECK(zh != en);
}

TEST_CASE("cover: the text is drawn, not only the background") {
  // Same title, so the same background colour: only the authors differ.
  CHECK(render_cover_png("Title", {}, "en", 400, 640) != render_cover_png("Title", {"Someone"}, "en", 400, 640));
}

TEST_CASE("cover: titles that must wrap, shrink or be cut do not throw") {
  std::string word(300, 'W');  // one word wider than the cover: broken between characters
  std::string many;
  for (int i = 0; i < 200; ++i) many += "很长的标题";
  CHECK_NOTHROW(check_png(render_cover_png(word, {"x"}, "en", 400, 640), 400, 640));
  CHECK_NOTHROW(check_png(render_cover_png(many, {many}, "zh-TW", 400, 640), 400, 640));
  CHECK_NOTHROW(check_png(render_cover_png("", {}, "", 400, 640), 400, 640));
  CHECK_NOTHROW(check_png(render_cover_png("東京の夜：短い話", {"山田太郎", "佐藤花子"}, "ja", 400, 640), 400, 640));
}

TEST_CASE("cover: a size cairo cannot make is refused") {
  CHECK_THROWS_AS(render_cover_png("T", {}, "en", 0, 100), std::invalid_argument);
  CHECK_THROWS_AS(render_cover_png("T", {}, "en", 100, 40000), std::invalid_argument);
}

TEST_CASE("cover: the CJK face follows the language's region") {
  CHECK(cover_font_family("zh-CN") == "Noto Serif CJK SC, serif");
  CHECK(cover_font_family("zh") == "Noto Serif CJK SC, serif");
  CHECK(cover_font_family("zh-Hans") == "Noto Serif CJK SC, serif");
  CHECK(cover_font_family("zh-TW") == "Noto Serif CJK TC, serif");
  CHECK(cover_font_family("zh-Hant") == "Noto Serif CJK TC, serif");
  CHECK(cover_font_family("zh-HK") == "Noto Serif CJK HK, serif");
  CHECK(cover_font_family("ja") == "Noto Serif CJK JP, serif");
  CHECK(cover_font_family("ko-KR") == "Noto Serif CJK KR, serif");
  CHECK(cover_font_family("en") == "serif");
  CHECK(cover_font_family("") == "serif");
  CHECK(cover_font_family("jam") == "serif");  // Jamaican Creole is not Japanese
}
