// What every fuzz target asserts about the XHTML it gets out of mkepub: that an XML parser and epubcheck take it.
// pugixml alone is lenient (it accepts control characters, duplicate attributes and undeclared prefixes), so
// the rules of XML 1.0 and Namespaces in XML that it skips are checked here too; and each page must pass the
// self-check mkepub runs on every book it writes (epub/check.h: HTML's content model, style attributes), the
// validity oracle: a page the self-check refuses is a book mkepub would stop at with exit 3.
#pragma once

#include <pugixml.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "epub/check.h"

namespace mkepub::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& xml) {
  std::fprintf(stderr, "fuzz check failed: %s\n----\n%s\n----\n", what, xml.c_str());
  std::abort();
}

// XML 1.0 `Char`: no C0 controls but tab and line ends, no surrogates, no U+FFFE/U+FFFF; the bytes valid UTF-8.
inline bool is_xml_text(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    char32_t cp;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) {
      unsigned char d = s[i + k];
      if ((d >> 6) != 2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF) return false;  // overlong or out of range
    if (cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) return false;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return false;
    i += n;
  }
  return true;
}

// An XML Name, ASCII part exact; any non-ASCII letter is let through (rare in mkepub's output, and legal mostly).
inline bool is_xml_name(std::string_view name) {
  if (name.empty()) return false;
  auto start = [](unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; };
  if (!start(name[0])) return false;
  for (unsigned char c : name)
    if (!(start(c) || std::isdigit(c) || c == '-' || c == '.')) return false;
  return name.find(':') == name.rfind(':') && name.front() != ':' && name.back() != ':';
}

inline bool prefix_declared(pugi::xml_node el, std::string_view prefix) {
  if (prefix == "xml" || prefix == "xmlns") return true;
  std::string attr = "xmlns:" + std::string(prefix);
  for (auto n = el; n; n = n.parent())
    if (n.attribute(attr.c_str())) return true;
  return false;
}

// Names, and the values with their character references resolved (pugixml takes `&#1;` without a word).
inline void check_tree(pugi::xml_node el, const std::string& xml) {
  auto prefix_ok = [&](std::string_view name) {
    auto colon = name.find(':');
    return colon == std::string_view::npos || prefix_declared(el, name.substr(0, colon));
  };
  if (!is_xml_name(el.name())) fail("element name is not an XML Name", xml);
  if (!prefix_ok(el.name())) fail("element prefix is not declared", xml);
  std::set<std::string_view> seen;
  for (auto a : el.attributes()) {
    if (!is_xml_name(a.name())) fail("attribute name is not an XML Name", xml);
    if (!prefix_ok(a.name())) fail("attribute prefix is not declared", xml);
    if (!seen.insert(a.name()).second) fail("attribute repeated on one element", xml);
    if (!is_xml_text(a.value())) fail("attribute value has a character XML forbids (a reference, &#1;)", xml);
  }
  for (auto child : el.children()) {
    if (child.type() == pugi::node_element) check_tree(child, xml);
    if (!is_xml_text(child.value())) fail("text has a character XML forbids (a reference, &#1;)", xml);
  }
}

// Aborts (a finding for libFuzzer) unless `xml` is a well-formed, namespace-well-formed XML document.
inline void require_xml(const std::string& xml) {
  if (!is_xml_text(xml)) fail("not XML text (bad UTF-8 or a character XML forbids)", xml);
  pugi::xml_document doc;
  auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration |
                                                            pugi::parse_doctype);
  if (!result) fail(result.description(), xml);
  if (!doc.document_element()) fail("no root element", xml);
  check_tree(doc.document_element(), xml);
}

// require_xml, and the self-check's verdict on the page as a book's XHTML file.
inline void require_page(const std::string& xml) {
  require_xml(xml);
  auto facts = scan_xml("page.xhtml", xml);
  if (!facts.problems.empty()) fail(facts.problems.front().c_str(), xml);
}

}  // namespace mkepub::fuzz
