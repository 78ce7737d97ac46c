// Fonts on this system (fontconfig), for embedding: a family's faces picked as CSS Fonts 4 font matching does
// (https://www.w3.org/TR/css-fonts-4/#font-style-matching). fontconfig lives behind this file only.
#include "fonts/fontconfig.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <tuple>

#include "base/text.h"

namespace mkepub {
namespace {

struct PatternFree {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetFree {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
using Pattern = std::unique_ptr<FcPattern, PatternFree>;
using FontSet = std::unique_ptr<FcFontSet, FontSetFree>;

// A face as fontconfig lists it, with what picking a family's slots needs.
struct Listed {
  FontFace face;
  std::vector<std::string> families;  // every name the font gives its family, in every language
  int weight = 400;                   // OpenType scale
  int width = 100;                    // percent of normal
  int slant = FC_SLANT_ROMAN;
};

// Every installed face. FcInit loads the configuration once per process and is safe to call again.
FontSet list_all_fonts() {
  FcInit();
  Pattern all(FcPatternCreate());
  auto* objects = FcObjectSetBuild(FC_FAMILY, FC_FAMILYLANG, FC_STYLE, FC_STYLELANG, FC_FILE, FC_INDEX,
                                   FC_WEIGHT, FC_WIDTH, FC_SLANT, FC_FONTFORMAT, nullptr);
  FontSet set(FcFontList(nullptr, all.get(), objects));
  FcObjectSetDestroy(objects);
  return set;
}

std::vector<std::string> strings_of(FcPattern* p, const char* object) {
  std::vector<std::string> out;
  FcChar8* s = nullptr;
  for (int i = 0; FcPatternGetString(p, object, i, &s) == FcResultMatch; ++i)
    out.emplace_back(reinterpret_cast<const char*>(s));
  return out;
}

// The English name among a font's localised names (fontconfig pairs FC_FAMILY with FC_FAMILYLANG by position);
// the first name when none is marked English.
std::string english_name(FcPattern* p, const char* object, const char* lang_object) {
  auto names = strings_of(p, object);
  auto langs = strings_of(p, lang_object);
  for (size_t i = 0; i < names.size() && i < langs.size(); ++i)
    if (langs[i] == "en") return names[i];
  return names.empty() ? std::string() : names.front();
}

int integer_of(FcPattern* p, const char* object, int otherwise) {
  int v = 0;
  if (FcPatternGetInteger(p, object, 0, &v) == FcResultMatch) return v;
  double d = 0;  // a variable font gives ranges; its default instance is taken as the normal face
  return FcPatternGetDouble(p, object, 0, &d) == FcResultMatch ? static_cast<int>(d) : otherwise;
}

// hb-subset reads sfnt only: OpenType/TrueType and their collections. WOFF, Type 1 and bitmap fonts are fonts
// FreeType reads but mkepub cannot embed.
bool is_sfnt_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char tag[4] = {};
  if (!in.read(tag, 4)) return false;
  std::string t(tag, 4);
  return t == std::string("\0\1\0\0", 4) || t == "OTTO" || t == "true" || t == "ttcf";
}

Listed listed_of(FcPattern* p) {
  Listed l;
  FcChar8* file = nullptr;
  if (FcPatternGetString(p, FC_FILE, 0, &file) == FcResultMatch) l.face.file = reinterpret_cast<const char*>(file);
  l.face.index = integer_of(p, FC_INDEX, 0);
  l.face.family = english_name(p, FC_FAMILY, FC_FAMILYLANG);
  l.face.style = english_name(p, FC_STYLE, FC_STYLELANG);
  l.families = strings_of(p, FC_FAMILY);
  l.weight = FcWeightToOpenType(integer_of(p, FC_WEIGHT, FC_WEIGHT_REGULAR));
  l.width = integer_of(p, FC_WIDTH, FC_WIDTH_NORMAL);
  l.slant = integer_of(p, FC_SLANT, FC_SLANT_ROMAN);
  l.face.bold = l.weight >= 600;
  l.face.italic = l.slant != FC_SLANT_ROMAN;
  return l;
}

std::u32string folded(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    out += c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c))) : c;
  }
  return out;
}

size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How far a face is from what a slot asks for: weight first, then width (condensed faces last), then italic
// over oblique; the path and index make the choice deterministic when a family is installed twice.
auto slot_cost(const Listed& l, int weight) {
  return std::make_tuple(std::abs(l.weight - weight), std::abs(l.width - 100), l.slant, l.face.file, l.face.index);
}

}  // namespace

std::vector<FontFace> resolve_font_family(const std::string& family) {
  auto wanted = folded(family);
  auto set = list_all_fonts();
  std::vector<Listed> candidates;
  for (int i = 0; set && i < set->nfont; ++i) {
    auto l = listed_of(set->fonts[i]);
    if (l.face.index >> 16) continue;  // a variable font's named instance: the font itself is listed too
    bool named = std::any_of(l.families.begin(), l.families.end(),
                             [&](const std::string& f) { return folded(f) == wanted; });
    if (named && is_sfnt_file(l.face.file)) candidates.push_back(std::move(l));
  }
  std::vector<FontFace> faces;
  for (bool italic : {false, true}) {
    for (bool bold : {false, true}) {
      const Listed* best = nullptr;
      int weight = bold ? 700 : 400;
      for (const auto& c : candidates) {
        if (c.face.bold != bold || c.face.italic != italic) continue;
        if (!best || slot_cost(c, weight) < slot_cost(*best, weight)) best = &c;
      }
      if (best) faces.push_back(best->face);
    }
  }
  return faces;
}

std::vector<std::string> nearest_family_names(const std::string& wanted, size_t n) {
  auto set = list_all_fonts();
  std::set<std::u32string> seen;
  std::vector<std::pair<size_t, std::string>> ranked;
  auto target = folded(wanted);
  for (int i = 0; set && i < set->nfont; ++i)
    for (const auto& name : strings_of(set->fonts[i], FC_FAMILY))
      if (auto key = folded(name); seen.insert(key).second) ranked.emplace_back(edit_distance(target, key), name);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> names;
  for (size_t i = 0; i < ranked.size() && i < n; ++i) names.push_back(ranked[i].second);
  return names;
}

std::optional<FontFace> font_from_file(const fs::path& file, int index) {
  if (index < 0 || !is_sfnt_file(file)) return std::nullopt;
  FcInit();
  int count = 0;
  Pattern p(FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), static_cast<unsigned>(index), nullptr,
                            &count));
  if (!p) return std::nullopt;
  auto face = listed_of(p.get()).face;
  face.file = file;
  face.index = index;
  return face;
}

}  // namespace mkepub
