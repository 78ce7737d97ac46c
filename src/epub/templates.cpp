// Templates: the chapter page, nav page and stylesheet, embedded from templates/ by cmake/embed.cmake.
#include "epub/templates.h"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "base/text.h"

namespace mkepub {

const std::map<std::string, std::string_view>& embedded_templates();  // generated

std::vector<std::string> template_names() {
  std::vector<std::string> names;
  for (const auto& [name, text] : embedded_templates()) names.push_back(name);
  return names;
}

std::vector<std::string> required_slots(const std::string& name) {
  if (name == "chapter.xhtml") return {"title", "heading", "content"};
  if (name == "nav.xhtml") return {"toc", "landmarks"};
  if (name == "cover.xhtml") return {"cover"};
  if (name == "titlepage.xhtml") return {"book-title"};
  return {};
}

std::string template_text(const std::string& name, const TemplateOverrides& overrides) {
  if (auto it = overrides.find(name); it != overrides.end()) return it->second;
  const auto& all = embedded_templates();
  auto it = all.find(name);
  if (it == all.end()) throw std::out_of_range("no template " + name);
  return std::string(it->second);
}

void load_xhtml_template(const std::string& name, pugi::xml_document& doc, const TemplateOverrides& overrides) {
  auto text = template_text(name, overrides);
  auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default |
                                                               pugi::parse_doctype | pugi::parse_ws_pcdata_single);
  if (!result) throw std::runtime_error("template " + name + " is not well-formed XML: " + result.description());
}

pugi::xml_node take_slot(pugi::xml_node root, const char* name) {
  auto node = root.find_node([&](pugi::xml_node n) {
    return n.type() == pugi::node_element && std::string_view(n.attribute("data-slot").value()) == name;
  });
  if (node) node.remove_attribute("data-slot");
  return node;
}

void unwrap_element(pugi::xml_node element) {
  auto parent = element.parent();
  while (auto child = element.first_child()) parent.insert_move_before(child, element);
  parent.remove_child(element);
}

namespace {

const std::set<std::string_view> kVoid = {"area", "base", "br", "col", "embed", "hr", "img",
                                          "input", "link", "meta", "source", "track", "wbr"};

const std::set<std::string_view> kBlock = {
    "html", "head", "title", "meta", "link", "body", "section", "header", "footer", "nav", "aside", "div", "p",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "blockquote", "pre", "hr", "figure", "details", "summary", "caption", "colgroup"};

// pugixml writes `<p />` for any empty element; readers that parse XHTML as HTML need `<p></p>`. A line end
// after each block (outside <pre>, where it would show) keeps the files readable in golden diffs.
void tidy(pugi::xml_node node, bool in_pre) {
  for (auto child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (!child.first_child() && !kVoid.count(child.name())) child.append_child(pugi::node_pcdata);
    bool pre = in_pre || std::string_view(child.name()) == "pre";
    tidy(child, pre);
    bool next_is_newline = child.next_sibling().type() == pugi::node_pcdata &&
                           std::string_view(child.next_sibling().value()).rfind('\n', 0) == 0;
    if (!in_pre && kBlock.count(child.name()) && !next_is_newline)
      child = node.insert_child_after(pugi::node_pcdata, child), child.set_value("\n");
  }
}

void drop_non_xml_characters(pugi::xml_node node) {
  auto is_clean = [](const char* v) { std::string_view s = v; return xml_text_length(s) == s.size(); };
  for (auto a : node.attributes())
    if (!is_clean(a.value())) a.set_value(xml_text(a.value()).c_str());
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata)
    if (!is_clean(node.value())) node.set_value(xml_text(node.value()).c_str());
  for (auto child : node.children()) drop_non_xml_characters(child);
}

}  // namespace

std::string serialize_xml(pugi::xml_document& doc) {
  drop_non_xml_characters(doc);
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str();
}

std::string serialize_xhtml(pugi::xml_document& doc) {
  drop_non_xml_characters(doc);
  tidy(doc, false);
  // Straight into the string that is returned: pages are written thousands of times a book.
  struct Writer : pugi::xml_writer {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
  } w;
  const size_t start = w.out.size();
  doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  if (w.out.compare(start, 9, "<!DOCTYPE") == 0) w.out.insert(w.out.find('>', start) + 1, "\n");
  return std::move(w.out);
}

}  // namespace mkepub
