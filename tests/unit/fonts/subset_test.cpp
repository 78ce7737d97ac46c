// Embedded fonts (subset.h): hb-subset to the book's characters, read back with HarfBuzz itself; IDPF font
// obfuscation. Needs fonts-lxgw-wenkai and fonts-noto-cjk (setup.sh installs them).
#include <doctest/doctest.h>

#include <hb-ot.h>
#include <hb.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "fonts/fontconfig.h"
#include "fonts/subset.h"

using namespace mkepub;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string seed_text() {
  std::string text;
  for (const auto& e : std::filesystem::directory_iterator(std::string(MKEPUB_SOURCE_DIR) + "/seeds"))
    if (e.path().extension() == ".txt") text += read_file(e.path());
  return text;
}

std::string face_bytes(const std::string& family, int& index) {
  auto faces = resolve_font_family(family);
  REQUIRE_FALSE(faces.empty());
  index = faces[0].index;
  return read_file(faces[0].file);
}

// What a font file's face `index` maps in its cmap, read with HarfBuzz directly, not through subset.cpp.
struct Coverage {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_set_t* unicodes = hb_set_create();
  Coverage(const std::string& bytes, unsigned index)
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr,
                            nullptr)),
        face(hb_face_create(blob, index)) {
    hb_face_collect_unicodes(face, unicodes);
  }
  ~Coverage() {
    hb_set_destroy(unicodes);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  bool has(char32_t c) const { return hb_set_has(unicodes, c); }
  unsigned glyphs() const { return hb_face_get_glyph_count(face); }
  std::string name(hb_ot_name_id_t id) const {
    char text[512] = {};
    unsigned size = sizeof text;
    hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, text);
    return text;
  }
};

}  // namespace

TEST_CASE("subset: codepoints_in gives each code point once, in order, without control characters") {
  CHECK(codepoints_in("") == U"");
  CHECK(codepoints_in("ba\tb\na\r\x7f") == U"ab");
  CHECK(codepoints_in("中文，中文。 A") == U" A。中文，");  // U+3002 comes before Han, U+FF0C after
  CHECK(codepoints_in("\xc2\x85x\xc2\xa0") == U"x\u00a0");  // U+0085 is a C1 control, U+00A0 is not
  CHECK(codepoints_in("😀a") == U"a😀");
}

TEST_CASE("subset: LXGW WenKai cut to the seed's characters keeps every one of them and is small") {
  int index = 0;
  auto font = face_bytes("LXGW WenKai", index);
  auto wanted = codepoints_in(seed_text());
  REQUIRE(wanted.size() > 600);
  wanted += U'\U0001F600';  // WenKai has no emoji
  Coverage original(font, index);
  REQUIRE_FALSE(original.has(U'\U0001F600'));

  auto subset = subset_font(font, index, wanted, false);
  CHECK(subset.media_type == "font/ttf");
  CHECK(subset.bytes.size() < 350 * 1024);
  CHECK(subset.bytes.size() * 20 < font.size());
  Coverage cut(subset.bytes, 0);
  CHECK(cut.glyphs() > 600);
  CHECK(cut.glyphs() < original.glyphs() / 10);
  std::u32string lost;
  for (char32_t c : wanted)
    if (original.has(c) && !cut.has(c)) lost += c;
  CHECK(lost.empty());
  CHECK_FALSE(cut.has(U'龘'));  // nothing beyond what was asked for (the seed has no 龘)
  CHECK(subset.missing == U"\U0001F600");
  CHECK(cut.name(HB_OT_NAME_ID_FONT_FAMILY) == "LXGW WenKai");
  CHECK(cut.name(HB_OT_NAME_ID_COPYRIGHT) == original.name(HB_OT_NAME_ID_COPYRIGHT));  // the OFL asks for both
  CHECK(cut.name(HB_OT_NAME_ID_LICENSE).find("SIL Open Font License") != std::string::npos);
  CHECK(cut.name(HB_OT_NAME_ID_LICENSE_URL) == original.name(HB_OT_NAME_ID_LICENSE_URL));

  CHECK(subset_font(font, index, wanted, false).bytes == subset.bytes);  // deterministic
}

TEST_CASE("subset: Noto Serif CJK SC from its collection comes out as a single-face OTF with the SC glyphs") {
  int index = 0;
  auto font = face_bytes("Noto Serif CJK SC", index);
  auto subset = subset_font(font, index, U"中文骨，。", true);
  CHECK(subset.media_type == "font/otf");
  CHECK(subset.bytes.substr(0, 4) == "OTTO");
  CHECK(subset.missing.empty());
  Coverage cut(subset.bytes, 0);
  for (char32_t c : std::u32string(U"中文骨，。")) CHECK(cut.has(c));
  CHECK(cut.glyphs() < 100);
  CHECK(subset.bytes.size() < 64 * 1024);
}

TEST_CASE("subset: a vertical book keeps the vert alternates of CJK punctuation") {
  int index = 0;
  auto font = face_bytes("Noto Serif CJK SC", index);
  auto horizontal = subset_font(font, index, U"，。「」", false);
  auto vertical = subset_font(font, index, U"，。「」", true);
  Coverage cut(vertical.bytes, 0);
  CHECK(cut.glyphs() > 5);  // .notdef, the four characters and at least one vertical form
  hb_font_t* hb_font = hb_font_create(cut.face);
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, "「", -1, 0, -1);
  hb_buffer_set_direction(buffer, HB_DIRECTION_TTB);
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(hb_font, buffer, nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* shaped = hb_buffer_get_glyph_infos(buffer, &n);
  hb_codepoint_t nominal = 0;
  REQUIRE(hb_font_get_nominal_glyph(hb_font, U'「', &nominal));
  REQUIRE(n == 1);
  CHECK(shaped[0].codepoint != nominal);  // shaped top to bottom, the bracket turns
  hb_buffer_destroy(buffer);
  hb_font_destroy(hb_font);
  CHECK(Coverage(horizontal.bytes, 0).glyphs() <= cut.glyphs());
}

TEST_CASE("subset: bytes that are no font, or a face the collection lacks, are an error") {
  CHECK_THROWS_AS(subset_font("not a font at all", 0, U"a", false), std::invalid_argument);
  int index = 0;
  auto font = face_bytes("LXGW WenKai", index);
  CHECK_THROWS_AS(subset_font(font, 1, U"a", false), std::invalid_argument);
  CHECK_THROWS_AS(subset_font(font, -1, U"a", false), std::invalid_argument);
}

TEST_CASE("obfuscate font: IDPF key is the SHA-1 of the identifier without white space, over 1040 bytes") {
  // printf '%s' 'urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62' | sha1sum
  //   -> 89f012c998a06a7815d750b916a315cfd4f0d4eb
  const std::string key("\x89\xf0\x12\xc9\x98\xa0\x6a\x78\x15\xd7\x50\xb9\x16\xa3\x15\xcf\xd4\xf0\xd4\xeb", 20);
  const std::string zeros(1100, '\0');
  auto out = obfuscate_font(zeros, " urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62\r\n\t");
  REQUIRE(out.size() == zeros.size());
  CHECK(out.substr(0, 20) == key);
  CHECK(out.substr(20, 20) == key);  // the key repeats
  CHECK(out.substr(1020, 20) == key);  // 1040 is 52 keys exactly
  CHECK(out.substr(1040) == std::string(60, '\0'));
  CHECK(obfuscate_font(zeros, "urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62") == out);
}

TEST_CASE("obfuscate font: applying it twice gives the original, short files included") {
  int index = 0;
  auto font = face_bytes("LXGW WenKai", index);
  auto sample = font.substr(0, 4096);
  auto once = obfuscate_font(sample, "urn:uuid:00000000-0000-0000-0000-000000000000");
  CHECK(once != sample);
  CHECK(once.substr(1040) == sample.substr(1040));
  CHECK(obfuscate_font(once, "urn:uuid:00000000-0000-0000-0000-000000000000") == sample);
  CHECK(obfuscate_font(obfuscate_font("abc", "x"), "x") == "abc");
  CHECK(obfuscate_font("", "x").empty());
}
