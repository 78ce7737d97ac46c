// SVG images made safe for EPUB (https://www.w3.org/TR/epub-33/#sec-svg): epubcheck rejects external DTD
// identifiers (OPF-073), external entities (HTM-003), and remote resources; and it validates SVG against the
// SVG 1.1 schema (RSC-005), which editors' extras break: the cleaning keeps what that schema accepts.
#include "book/svg.h"

#include <pugixml.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

namespace mkepub {
namespace {

// The attributes SVG 1.1 requires of each shape (https://www.w3.org/TR/SVG11/shapes.html, .../struct.html#ImageElement):
// an element without one is invalid and draws nothing, so it goes.
const std::map<std::string_view, std::vector<std::string_view>> kRequired = {
    {"path", {"d"}},          {"rect", {"width", "height"}}, {"circle", {"r"}},
    {"ellipse", {"rx", "ry"}}, {"polygon", {"points"}},      {"polyline", {"points"}},
    {"image", {"width", "height", "href"}}};  // "href": under any prefix (xlink:href mostly)

// Text and font properties, which SVG 1.1 accepts on text and containers but not on shapes (editors write them
// on paths that once were text).
const std::set<std::string_view> kShapes = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image"};
const std::set<std::string_view> kTextAttributes = {
    "font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant",
    "font-weight", "alignment-baseline", "baseline-shift", "direction", "dominant-baseline", "writing-mode",
    "glyph-orientation-horizontal", "glyph-orientation-vertical", "kerning", "letter-spacing", "text-anchor",
    "text-decoration", "unicode-bidi", "word-spacing"};

// Attributes SVG does not have that editors write: draw.io keeps its whole diagram in `content`.
const std::set<std::string_view> kForeignAttributes = {"content"};

bool is_href(std::string_view an) { return an == "href" || (an.size() > 5 && an.substr(an.size() - 5) == ":href"); }

bool has_attribute(pugi::xml_node el, std::string_view name) {
  for (auto a : el.attributes())
    if (name == a.name() || (name == "href" && is_href(a.name()))) return true;
  return false;
}

bool lacks_required(pugi::xml_node el) {
  auto it = kRequired.find(el.name());
  if (it == kRequired.end()) return false;
  for (auto name : it->second)
    if (!has_attribute(el, name)) return true;
  return false;
}

// A link whose remote href was removed links nowhere: it is a group (`a` without href is not a link, and SVG's
// `a` takes no `target` without one; epubcheck asks every link for a title, ACC-011).
void unlink(pugi::xml_node a) {
  if (has_attribute(a, "href")) return;
  a.set_name("g");
  for (const char* name : {"target", "xlink:title", "xlink:show", "xlink:actuate", "xlink:type", "xlink:role",
                           "xlink:arcrole"})
    a.remove_attribute(name);
}

bool is_local_reference(std::string_view v) { return v.empty() || v[0] == '#'; }

void clean_attributes(pugi::xml_node el) {
  bool shape = kShapes.count(el.name()) > 0;
  std::vector<pugi::xml_attribute> bad;
  for (auto a : el.attributes()) {
    std::string_view an = a.name();
    bool handler = an.size() > 2 && an.substr(0, 2) == "on";
    bool link = is_href(an);
    if (handler || (link && !is_local_reference(a.value())) || kForeignAttributes.count(an) ||
        (shape && kTextAttributes.count(an)))
      bad.push_back(a);
  }
  for (auto a : bad) el.remove_attribute(a);
}

void clean(pugi::xml_node node) {
  clean_attributes(node);
  if (std::string_view(node.name()) == "style") {  // SVG's <style> takes no presentation attributes
    for (const char* name : {"class", "style"}) node.remove_attribute(name);
  }
  std::vector<pugi::xml_node> drop;
  for (auto child : node.children()) {
    if (child.type() != pugi::node_element) {
      if (child.type() == pugi::node_comment || child.type() == pugi::node_pi) drop.push_back(child);
      continue;
    }
    std::string_view name = child.name();
    if (name == "script" || name == "foreignObject" || name.find(":script") != std::string_view::npos) {
      drop.push_back(child);
      continue;
    }
    clean(child);
    if (lacks_required(child)) drop.push_back(child);
    else if (name == "a") unlink(child);
  }
  for (auto d : drop) node.remove_child(d);
}

}  // namespace

std::optional<std::string> clean_svg(const std::string& bytes) {
  pugi::xml_document doc;
  // Without parse_doctype the DTD is skipped, and with it every entity reference it would have defined.
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default)) return std::nullopt;
  auto root = doc.document_element();
  if (std::string_view(root.name()) != "svg" || std::string_view(root.attribute("xmlns").value()) !=
                                                   "http://www.w3.org/2000/svg")
    return std::nullopt;
  clean(root);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str() + "\n";
}

}  // namespace mkepub
