// Embedded fonts (EPUB 3.3 core media types font/ttf, font/otf; epub-readers.md "Fonts"): faces resolved with
// fontconfig, subset with HarfBuzz to the characters each face styles in this book.
#include "fonts/fonts.h"

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <string_view>

#include "fonts/fontconfig.h"
#include "sources/load.h"
#include "fonts/subset.h"
#include "base/text.h"
#include "sources/inputs_read.h"

namespace mkepub {

const std::map<std::string, std::string_view>& embedded_font_config();  // generated from fonts/*.yaml

namespace {

enum Slot { regular, bold, italic, mono, slots };
static_assert(slots == FontText::kSlots);

// Which face draws a text node: code in the mono face, headings and strong text bold, emphasis italic.
Slot slot_of(pugi::xml_node text) {
  bool is_bold = false, is_italic = false;
  for (auto n = text.parent(); n; n = n.parent()) {
    std::string_view name = n.name();
    if (name == "code" || name == "pre" || name == "kbd" || name == "samp") return mono;
    if (name == "b" || name == "strong" || name == "th" || (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'))
      is_bold = true;
    if (name == "em" || name == "i" || name == "cite" || name == "dfn" || name == "var") is_italic = true;
  }
  return is_bold ? bold : is_italic ? italic : regular;
}

// Each character once: a book's text is megabytes, the characters it uses a few thousand.
std::string distinct(const std::string& text) {
  std::string out;
  for (char32_t c : codepoints_in(text)) out += utf8_of(c);
  return out;
}

// What no page's text holds but the body face draws: the markers of numbered lists (a split list goes on at its
// `start`). The front pages' text comes with `t` (with_front_pages_text, epub/package.h), styled as they are.
FontText with_list_markers(FontText t) {
  t.by_slot[regular] += "0123456789.–、, ";
  return t;
}

std::vector<FontFace> faces_for(const std::string& wanted, const std::string& language, Diagnostics& diag) {
  std::string family = wanted == "auto" ? configured_family(language) : wanted;
  if (family.empty()) return {};
  std::error_code ec;
  if (fs::is_regular_file(family, ec)) {
    auto face = font_from_file(family);
    if (!face) diag.error({family, 0, 0, "not an OpenType or TrueType font"});
    return face ? std::vector<FontFace>{*face} : std::vector<FontFace>{};
  }
  auto faces = resolve_font_family(family);
  if (faces.empty()) {
    std::string near;
    for (const auto& n : nearest_family_names(family, 3)) near += (near.empty() ? "" : ", ") + ("\"" + n + "\"");
    diag.error({"--font", 0, 0, "no font family \"" + family + "\" is installed" + (near.empty() ? "" : "; nearest: " + near)});
  }
  return faces;
}

std::string font_name(size_t index, const std::string& ext) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "fonts/f%04zu%s", index + 1, ext.c_str());
  return buf;
}

}  // namespace

void collect_font_text(const pugi::xml_document& page, const std::string& where, FontText& t) {
  FontText mine;
  for (auto x : page.select_nodes("//text()")) mine.by_slot[slot_of(x.node())] += x.node().value();
  for (int s = 0; s < slots; ++s) {
    mine.by_slot[s] = distinct(mine.by_slot[s]);
    std::string_view v = mine.by_slot[s];
    for (size_t i = 0; i < v.size();) mine.chapters_of[next_code_point(v, i)].insert(where);
  }
  add_font_text(t, std::move(mine));
}

// Appended, not merged: each part is already its page's distinct characters, and embed_fonts takes the
// distinct code points of the whole (codepoints_in) once, instead of once per page.
void add_font_text(FontText& into, FontText part) {
  for (int s = 0; s < FontText::kSlots; ++s) into.by_slot[s] += part.by_slot[s];
  for (auto& [c, where] : part.chapters_of) into.chapters_of[c].merge(where);
}

std::string configured_family(const std::string& language) {
  const auto& files = embedded_font_config();
  auto it = files.find("fonts.yaml");
  if (it == files.end()) return "";
  YAML::Node config = YAML::Load(std::string(it->second));
  for (std::string tag = language; !tag.empty(); tag = tag.find('-') == std::string::npos ? "" : tag.substr(0, tag.rfind('-'))) {
    if (!config[tag] || !config[tag].IsSequence()) continue;
    for (const auto& family : config[tag])
      if (!resolve_font_family(family.as<std::string>()).empty()) return family.as<std::string>();
    return "";
  }
  return "";
}

std::vector<EmbeddedFont> embed_fonts(const Options& options, const Book& book, FontText chapters_text,
                                      Diagnostics& diag) {
  std::vector<EmbeddedFont> out;
  if (options.fonts.empty() && options.mono_font.empty()) return out;
  FontText texts = with_list_markers(std::move(chapters_text));
  std::vector<std::pair<std::string, bool>> families;  // family, is mono
  for (const auto& f : options.fonts) families.push_back({f, false});
  if (!options.mono_font.empty()) families.push_back({options.mono_font, true});
  std::u32string body_missing;  // what the first body family lacks goes to the next one
  bool first_body = true;
  for (const auto& [wanted, is_mono] : families) {
    for (const auto& face : faces_for(wanted, book.meta.language, diag)) {
      if (is_mono && (face.bold || face.italic)) continue;  // code is set upright and regular
      auto bytes = read_input(face.file);
      if (!bytes) continue;
      Slot slot = is_mono ? mono : face.bold ? bold : face.italic ? italic : regular;
      std::string text = texts.by_slot[slot];
      if (slot == regular && !is_mono) {
        // Without a bold or italic face the reader makes them from the regular one: it needs their characters.
        for (Slot s : {bold, italic}) text += texts.by_slot[s];
      }
      auto codepoints = codepoints_in(text);
      if (!first_body && !is_mono) codepoints = body_missing;
      if (codepoints.empty()) continue;
      SubsetFont cut = subset_font(*bytes, face.index, codepoints, book.vertical);
      if (first_body && !is_mono && slot == regular) body_missing = cut.missing;
      if (!cut.missing.empty() && (is_mono || first_body)) {
        std::string chars, where;
        std::set<std::string> chapters;
        for (size_t i = 0; i < cut.missing.size() && i < 20; ++i) {
          chars += utf8_of(cut.missing[i]);
          for (const auto& c : texts.chapters_of[cut.missing[i]]) chapters.insert(c);
        }
        for (const auto& c : chapters) where += (where.empty() ? "" : ", ") + c;
        diag.warn({face.file.generic_string(), 0, 0,
                   face.family + " " + face.style + " lacks " + std::to_string(cut.missing.size()) +
                       " character(s) the book uses: " + chars + " (in " + where + "); readers fall back to their own fonts",
                   "font lacks characters"});
      }
      EmbeddedFont font;
      font.href = font_name(out.size(), cut.media_type == "font/otf" ? ".otf" : ".ttf");
      font.media_type = cut.media_type;
      font.bytes = options.obfuscate_fonts ? obfuscate_font(std::move(cut.bytes), book.meta.identifier) : std::move(cut.bytes);
      font.obfuscated = options.obfuscate_fonts;
      font.family = face.family;
      font.bold = face.bold;
      font.italic = face.italic;
      font.mono = is_mono;
      out.push_back(std::move(font));
    }
    if (!is_mono) first_body = false;
  }
  return out;
}

std::string font_face_css(const std::vector<EmbeddedFont>& fonts) {
  if (fonts.empty()) return "";
  std::string css = "\n/* Embedded fonts, subset to this book's characters. */\n", body, code;
  for (const auto& f : fonts) {
    css += "@font-face {\n  font-family: \"" + f.family + "\";\n  font-weight: " + (f.bold ? "bold" : "normal") +
           ";\n  font-style: " + (f.italic ? "italic" : "normal") + ";\n  src: url(../" + f.href + ");\n}\n";
    std::string& list = f.mono ? code : body;
    if (list.find("\"" + f.family + "\"") == std::string::npos) list += "\"" + f.family + "\", ";
  }
  // html[lang] outranks the stylesheet's html:lang(...) stacks by coming later with the same specificity.
  if (!body.empty()) css += "html[lang] {\n  font-family: " + body + "serif;\n}\n";
  if (!code.empty()) css += "code, pre, kbd, samp {\n  font-family: " + code + "monospace;\n}\n";
  return css;
}

}  // namespace mkepub
