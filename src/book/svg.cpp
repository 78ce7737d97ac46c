// SVG images made safe for EPUB (https://www.w3.org/TR/epub-33/#sec-svg): epubcheck rejects external DTD
// identifiers (OPF-073), external entities (HTM-003), and remote resources; and it validates SVG against the
// SVG 1.1 schema (RSC-005), which editors' extras break: the cleaning keeps what that schema accepts.
#include "book/svg.h"

#include <pugixml.hpp>

#include "render/css_loads.h"
#include "render/xhtml_policy.h"

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

constexpr std::string_view kSvgNamespace = "http://www.w3.org/2000/svg";

bool is_href(std::string_view an) { return an == "href" || (an.size() > 5 && an.substr(an.size() - 5) == ":href"); }

std::string_view local_name(std::string_view qname) {
  size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The namespace an element's prefix (or the default one) is bound to where it stands, by the nearest xmlns
// declaration (Namespaces in XML 1.0, section 6), so that `s:script` with xmlns:s=SVG is known for a script.
std::string_view namespace_of(pugi::xml_node el) {
  std::string_view name = el.name();
  size_t colon = name.find(':');
  std::string decl = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (auto n = el; n && n.type() == pugi::node_element; n = n.parent())
    if (auto a = n.attribute(decl.c_str())) return a.value();
  return "";
}

// Elements that run, embed or load content, under any prefix: SVG's own script, foreignObject's XHTML, and
// HTML's embedding elements, which are no SVG 1.1 and whose fallback epubcheck would ask for.
const std::set<std::string_view> kActive = {"script", "foreignObject", "iframe", "object", "embed", "handler"};
// Inkscape's flowed text (flowRoot and its parts) is SVG 1.2 draft that never became a standard: epubcheck
// refuses it (RSC-005) and browsers draw nothing of it, so the book shows what the web did.
const std::set<std::string_view> kFlowed = {"flowRoot",        "flowRegion", "flowPara",          "flowSpan", "flowDiv",
                                            "flowRegionBreak", "flowLine",   "flowRegionExclude", "flowRef"};
// SVG 1.1's animation elements (https://www.w3.org/TR/SVG11/animate.html): `attributeName` says what they change.
const std::set<std::string_view> kAnimations = {"set", "animate", "animateColor", "animateTransform", "animateMotion"};

// An animation that would turn a link into script or set a handler: one targeting href or on*, or whose
// values carry a javascript:, vbscript: or data: URL.
bool animates_into_script(pugi::xml_node el) {
  std::string_view target = el.attribute("attributeName").value();
  while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
  if (is_href(target) || local_name(target).rfind("on", 0) == 0) return true;
  for (const char* name : {"to", "from", "by", "values"}) {
    std::string_view v = el.attribute(name).value();
    for (size_t start = 0; start <= v.size();) {  // `values` is a `;`-separated list
      size_t semi = v.find(';', start);
      if (semi == std::string_view::npos) semi = v.size();
      if (is_unsafe_url(v.substr(start, semi - start))) return true;
      start = semi + 1;
    }
  }
  return false;
}

bool is_dropped(pugi::xml_node el) {
  std::string_view name = local_name(el.name()), ns = namespace_of(el);
  if (kActive.count(name) || kFlowed.count(name)) return true;
  if (ns == "http://www.w3.org/1999/xhtml") return true;  // HTML belongs in foreignObject only
  return ns == kSvgNamespace && kAnimations.count(name) && animates_into_script(el);
}

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

// Every link is a group: an SVG image shown by <img> is not interactive, so its links lead nowhere, and epubcheck
// refuses one even to a fragment of the same file (RSC-011, a reference to a document outside the spine) and
// asks each for a title (ACC-011).
void unlink(pugi::xml_node a) {
  a.set_name("g");
  std::vector<pugi::xml_attribute> link;
  for (auto attr : a.attributes()) {
    std::string_view name = attr.name();
    if (name == "target" || is_href(name) || name.rfind("xlink:", 0) == 0) link.push_back(attr);
  }
  for (auto attr : link) a.remove_attribute(attr);
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
        (shape && kTextAttributes.count(an)) || css_value_loads(a.value()))
      bad.push_back(a);
  }
  for (auto a : bad) el.remove_attribute(a);
}

void clean(pugi::xml_node node) {
  clean_attributes(node);
  if (local_name(node.name()) == "style") {  // SVG's <style> takes no presentation attributes
    for (const char* name : {"class", "style"}) node.remove_attribute(name);
    std::string css;
    for (auto t : node.children())
      if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) css += t.value();
    auto kept = css_without_loads(css);
    if (!kept || *kept != css) {
      while (node.first_child()) node.remove_child(node.first_child());
      if (kept) node.append_child(pugi::node_pcdata).set_value(kept->c_str());
    }
  }
  std::vector<pugi::xml_node> drop;
  for (auto child : node.children()) {
    if (child.type() != pugi::node_element) {
      if (child.type() == pugi::node_comment || child.type() == pugi::node_pi) drop.push_back(child);
      continue;
    }
    std::string_view name = child.name();
    if (is_dropped(child)) {
      drop.push_back(child);
      continue;
    }
    clean(child);
    if (lacks_required(child)) drop.push_back(child);
    else if (local_name(name) == "a") unlink(child);
  }
  for (auto d : drop) node.remove_child(d);
}

}  // namespace

std::optional<std::string> clean_svg(const std::string& bytes) {
  pugi::xml_document doc;
  // Without parse_doctype the DTD is skipped, and with it every entity reference it would have defined.
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default)) return std::nullopt;
  auto root = doc.document_element();
  if (std::string_view(root.name()) != "svg" || std::string_view(root.attribute("xmlns").value()) != kSvgNamespace)
    return std::nullopt;
  clean(root);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str() + "\n";
}

}  // namespace mkepub
