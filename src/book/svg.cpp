// SVG images made safe for EPUB (https://www.w3.org/TR/epub-33/#sec-svg): epubcheck rejects external DTD
// identifiers (OPF-073), external entities (HTM-003), and remote resources.
#include "book/svg.h"

#include <pugixml.hpp>

#include <sstream>
#include <string_view>
#include <vector>

namespace mkepub {
namespace {

bool is_local_reference(std::string_view v) { return v.empty() || v[0] == '#'; }

void clean_attributes(pugi::xml_node el) {
  std::vector<pugi::xml_attribute> bad;
  for (auto a : el.attributes()) {
    std::string_view an = a.name();
    bool handler = an.size() > 2 && an.substr(0, 2) == "on";
    bool link = an == "href" || (an.size() > 5 && an.substr(an.size() - 5) == ":href");
    if (handler || (link && !is_local_reference(a.value()))) bad.push_back(a);
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
