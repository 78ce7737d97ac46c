// Embedded fonts: subsetting with HarfBuzz's hb-subset, and IDPF font obfuscation (EPUB 3.3 section 4.6,
// https://www.w3.org/TR/epub-33/#sec-font-obfuscation). HarfBuzz lives behind this file only.
#include "fonts/subset.h"

#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "base/digest.h"
#include "base/handle.h"
#include "base/text.h"

namespace mkepub {
namespace {

using Blob = std::unique_ptr<hb_blob_t, Deleter<hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, Deleter<hb_face_destroy>>;
using Set = std::unique_ptr<hb_set_t, Deleter<hb_set_destroy>>;
using Input = std::unique_ptr<hb_subset_input_t, Deleter<hb_subset_input_destroy>>;

// The fonts FreeType treats as "tricky" (src/truetype/ttobjs.c, trick_names): old DynaLab and MingLiU CJK fonts
// that build glyphs from components placed by their hinting bytecode, and draw garbage without it.
bool needs_bytecode(hb_face_t* face) {
  static const char* const tricky[] = {"cpop", "DFGirl-W6-WIN-BF", "DFGothic-EB", "DFGyoSho-Lt", "DFHei",
                                       "DFHSGothic-W5", "DFHSMincho-W3", "DFHSMincho-W7", "DFKaiSho-SB",
                                       "DFKaiShu", "DFKai-SB", "DFMing", "DLC", "HuaTianKaiTi?", "HuaTianSongTi?",
                                       "Ming(for ISO10646)", "MingLiU", "MingMedium", "PMingLiU", "MingLi43"};
  char name[256] = {};
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &size, name);
  std::string family(name);
  return std::any_of(std::begin(tricky), std::end(tricky),
                     [&](const char* t) { return family.find(t) != std::string::npos; });
}

// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): never drawn, so never "missing".
bool is_default_ignorable(char32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
         (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
         c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

std::u32string missing_from(hb_face_t* face, const std::u32string& codepoints) {
  Set has(hb_set_create());
  hb_face_collect_unicodes(face, has.get());
  std::u32string missing;
  for (char32_t c : codepoints)
    if (!hb_set_has(has.get(), c) && !is_default_ignorable(c)) missing += c;
  return missing;
}

Input subset_input(hb_face_t* face, const std::u32string& codepoints, bool vertical, bool cff) {
  Input input(hb_subset_input_create_or_fail());
  if (!input) throw std::bad_alloc();
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : codepoints) hb_set_add(unicodes, c);
  // The default feature set already holds the vertical ones; asked for by name so that it cannot drift.
  hb_set_t* features = hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  if (vertical)
    for (hb_tag_t tag : {HB_TAG('v', 'e', 'r', 't'), HB_TAG('v', 'r', 't', '2')}) hb_set_add(features, tag);
  // The OFL asks that an embedded font keep its authorship and licence (OFL-FAQ 1.15): the default name IDs
  // 0-6 hold the copyright and names; 13 and 14 are the licence and its URL.
  hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
  for (hb_codepoint_t id : {HB_OT_NAME_ID_LICENSE, HB_OT_NAME_ID_LICENSE_URL}) hb_set_add(names, id);
  if (cff || !needs_bytecode(face))
    hb_subset_input_set_flags(input.get(), hb_subset_input_get_flags(input.get()) | HB_SUBSET_FLAGS_NO_HINTING);
  return input;
}

}  // namespace

SubsetFont subset_font(const std::string& font_bytes, int face_index, const std::u32string& codepoints,
                       bool vertical) {
  Blob blob(hb_blob_create(font_bytes.data(), static_cast<unsigned>(font_bytes.size()), HB_MEMORY_MODE_READONLY,
                           nullptr, nullptr));
  if (face_index < 0 || static_cast<unsigned>(face_index) >= hb_face_count(blob.get()))
    throw std::invalid_argument("not an OpenType font, or no face " + std::to_string(face_index) + " in it");
  Face face(hb_face_create(blob.get(), static_cast<unsigned>(face_index)));
  if (hb_face_get_glyph_count(face.get()) == 0)
    throw std::invalid_argument("face " + std::to_string(face_index) + " has no glyphs");

  Blob cff(hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' ')));
  Blob cff2(hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', '2')));
  bool is_cff = hb_blob_get_length(cff.get()) > 0 || hb_blob_get_length(cff2.get()) > 0;

  auto input = subset_input(face.get(), codepoints, vertical, is_cff);
  Face subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) throw std::invalid_argument("HarfBuzz could not subset face " + std::to_string(face_index));
  Blob out(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);

  SubsetFont result;
  result.bytes.assign(data, length);
  result.media_type = is_cff ? "font/otf" : "font/ttf";
  result.missing = missing_from(face.get(), codepoints);
  return result;
}

std::u32string codepoints_in(const std::string& utf8) {
  std::vector<bool> seen(0x110000);
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = next_code_point(utf8, i);
    if (c < 0x110000 && !(c < 0x20 || (c >= 0x7F && c <= 0x9F)) && !seen[c]) {
      seen[c] = true;
      out += c;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string obfuscate_font(std::string bytes, const std::string& unique_identifier) {
  std::string key_source;
  for (char c : unique_identifier)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') key_source += c;
  const std::string key = sha1(key_source);
  for (size_t i = 0; i < bytes.size() && i < 1040; ++i) bytes[i] = static_cast<char>(bytes[i] ^ key[i % key.size()]);
  return bytes;
}

}  // namespace mkepub
