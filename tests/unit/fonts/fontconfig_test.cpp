// Fonts on this system (fontconfig.h). Needs the fonts setup.sh installs: fonts-lxgw-wenkai, fonts-noto-cjk.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "fonts/fontconfig.h"
#include "../strings.h"

using namespace mkepub;

namespace {

const FontFace* find_face(const std::vector<FontFace>& faces, bool bold, bool italic) {
  auto it = std::find_if(faces.begin(), faces.end(),
                         [&](const FontFace& f) { return f.bold == bold && f.italic == italic; });
  return it == faces.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("font family: LXGW WenKai gives its Regular and Bold files, never Light or the Mono family") {
  auto faces = resolve_font_family("LXGW WenKai");
  REQUIRE(faces.size() == 2);  // WenKai has Light, Regular and Bold, and no italic
  CHECK(faces[0].file.filename() == "LXGWWenKai-Regular.ttf");
  CHECK(faces[0].family == "LXGW WenKai");
  CHECK(faces[0].style == "Regular");
  CHECK_FALSE(faces[0].bold);
  CHECK_FALSE(faces[0].italic);
  CHECK(faces[1].file.filename() == "LXGWWenKai-Bold.ttf");
  CHECK(faces[1].style == "Bold");
  CHECK(faces[1].bold);
  CHECK(faces[1].index == 0);
  CHECK(std::filesystem::exists(faces[0].file));
}

TEST_CASE("font family: names match without regard to case, and in the font's other languages") {
  auto faces = resolve_font_family("lxgw wenkai");
  REQUIRE_FALSE(faces.empty());
  CHECK(faces[0].file.filename() == "LXGWWenKai-Regular.ttf");
  auto chinese = resolve_font_family("霞鹜文楷");
  REQUIRE_FALSE(chinese.empty());
  CHECK(chinese[0].family == "LXGW WenKai");
}

TEST_CASE("font family: Noto Serif CJK SC is a face inside the .ttc collection, not its first (JP) face") {
  auto faces = resolve_font_family("Noto Serif CJK SC");
  REQUIRE(faces.size() >= 2);
  for (const auto& f : faces) {
    CHECK(f.file.extension() == ".ttc");
    CHECK(f.family == "Noto Serif CJK SC");
    auto read_back = font_from_file(f.file, f.index);  // the face the index names is the SC one
    REQUIRE(read_back);
    CHECK(read_back->family == "Noto Serif CJK SC");
  }
  auto regular = find_face(faces, false, false);
  REQUIRE(regular);
  CHECK(regular->file.filename() == "NotoSerifCJK-Regular.ttc");
  CHECK(regular->index > 0);
  REQUIRE(find_face(faces, true, false));
  CHECK(find_face(faces, true, false)->file.filename() == "NotoSerifCJK-Bold.ttc");

  auto japanese = resolve_font_family("Noto Serif CJK JP");
  REQUIRE_FALSE(japanese.empty());
  CHECK(japanese[0].file == regular->file);
  CHECK(japanese[0].index != regular->index);
}

TEST_CASE("font family: an unknown family gives nothing, never a fallback, and the nearest names say why") {
  CHECK(resolve_font_family("LXGW WenKia").empty());
  CHECK(resolve_font_family("LXGW").empty());
  CHECK(resolve_font_family("").empty());
  auto near = nearest_family_names("LXGW Wenkia", 3);
  REQUIRE(near.size() == 3);
  CHECK(near[0] == "LXGW WenKai");
  auto exact_but_case = nearest_family_names("LXGW Wenkai", 2);
  REQUIRE(!exact_but_case.empty());
  CHECK(exact_but_case[0] == "LXGW WenKai");
  CHECK(nearest_family_names("Noto Serif CJK", 5).size() == 5);
  CHECK(nearest_family_names("anything", 0).empty());
}

TEST_CASE("font file: a font file gives its face, anything else nullopt") {
  auto wenkai = resolve_font_family("LXGW WenKai");
  REQUIRE_FALSE(wenkai.empty());
  auto face = font_from_file(wenkai[0].file);
  REQUIRE(face);
  CHECK(face->family == "LXGW WenKai");
  CHECK(face->style == "Regular");
  CHECK(face->file == wenkai[0].file);

  CHECK_FALSE(font_from_file(std::string(MKEPUB_SOURCE_DIR) + "/README.md"));
  CHECK_FALSE(font_from_file(std::string(MKEPUB_SOURCE_DIR) + "/no-such-font.ttf"));
  CHECK_FALSE(font_from_file(std::string(MKEPUB_SOURCE_DIR) + "/fonts"));  // a folder
  CHECK_FALSE(font_from_file(wenkai[0].file, 1));                          // a single-face file has no face 1

  // A file that opens like a TrueType font and is not one.
  auto fake = std::filesystem::temp_directory_path() / "mkepub-font-test-fake.ttf";
  std::ofstream(fake, std::ios::binary) << std::string("\0\1\0\0", 4) << "not really a font";
  CHECK_FALSE(font_from_file(fake));
  std::filesystem::remove(fake);
}
