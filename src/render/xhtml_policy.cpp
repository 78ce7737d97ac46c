// What EPUB 3.3's XHTML content documents accept (https://www.w3.org/TR/epub-33/#sec-xhtml) of HTML, and what
// reading systems must not be handed (https://www.w3.org/TR/epub-33/#sec-scripted-content).
#include "render/xhtml_policy.h"

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace mkepub {
namespace {

const std::set<std::string_view> kAllowed = {
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark",
    "ol", "p", "pre", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr"};

const std::set<std::string_view> kDropped = {
    "script", "iframe", "frame", "frameset", "form", "object", "embed", "applet", "input", "button", "select",
    "textarea", "style", "link", "meta", "noscript", "template", "audio", "video", "canvas", "svg", "math",
    "base", "title", "head", "param", "source", "track", "dialog", "portal"};

bool is_integer(std::string_view v) {
  if (v.empty() || v.size() > 9) return false;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool is_xml_name(std::string_view n) {
  if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
  for (char c : n)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

}  // namespace

bool is_kept_element(std::string_view tag) { return kAllowed.count(tag) > 0; }

bool is_dropped_element(std::string_view tag) { return kDropped.count(tag) > 0; }

std::string_view renamed_element(std::string_view tag) {
  if (tag == "center") return "div";
  if (tag == "font" || tag == "big" || tag == "blink" || tag == "nobr") return "span";
  if (tag == "tt") return "code";
  if (tag == "strike") return "s";
  if (tag == "acronym") return "abbr";
  return tag;
}

bool is_unsafe_url(std::string_view v) {
  std::string s;
  for (char c : v)
    if (!std::isspace(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(c));
  return s.rfind("javascript:", 0) == 0 || s.rfind("vbscript:", 0) == 0 || s.rfind("data:", 0) == 0;
}

std::string escape_stray_percent(std::string_view url) {
  std::string out;
  for (size_t i = 0; i < url.size(); ++i) {
    out += url[i];
    if (url[i] == '%' && !(i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
                           std::isxdigit(static_cast<unsigned char>(url[i + 2]))))
      out += "25";
  }
  return out;
}

bool style_loads_resource(std::string_view v) {
  std::string s;
  for (char c : v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* bad : {"url", "image-set", "expression", "\\"})
    if (s.find(bad) != std::string::npos) return true;
  return false;
}

bool style_is_declarations(std::string_view v) {
  // CSS Syntax's declaration list (https://www.w3.org/TR/css-syntax-3/#parse-list-of-declarations), the grammar of a
  // style attribute: `name: value` pieces split by `;` outside strings, brackets and comments.
  std::string piece;
  std::vector<std::string> pieces;
  std::string closers;  // the brackets open, innermost last
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '/' && i + 1 < v.size() && v[i + 1] == '*') {
      size_t end = v.find("*/", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + 1;
      piece += ' ';
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t end = v.find(c, i + 1);
      if (end == std::string_view::npos) return false;
      piece.append(v.substr(i, end + 1 - i));
      i = end;
      continue;
    }
    if (c == '(' || c == '[') closers += c == '(' ? ')' : ']';
    if (c == ')' || c == ']') {
      if (closers.empty() || closers.back() != c) return false;
      closers.pop_back();
    }
    if (c == '{' || c == '}') return false;
    if (c == ';' && closers.empty()) {
      pieces.push_back(std::move(piece));
      piece.clear();
      continue;
    }
    piece += c;
  }
  if (!closers.empty()) return false;
  pieces.push_back(std::move(piece));
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  for (const auto& p : pieces) {
    std::string_view d = trim(p);
    if (d.empty()) continue;
    size_t colon = d.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view name = trim(d.substr(0, colon)), value = trim(d.substr(colon + 1));
    size_t k = name.rfind("--", 0) == 0 ? 2 : name.rfind('-', 0) == 0 ? 1 : 0;
    if (name.size() <= k || value.empty()) return false;
    if (k < 2 && !(std::isalpha(static_cast<unsigned char>(name[k])) || name[k] == '_')) return false;
    for (char c : name)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

bool attribute_allowed(std::string_view tag, std::string_view name, std::string_view value) {
  if (name == "id" || name == "class" || name == "title" || name == "lang" || name == "dir" || name == "role" ||
      name == "style")
    return true;
  if (name.rfind("aria-", 0) == 0) return is_xml_name(name);
  if (tag == "a") return name == "href";
  if (tag == "img") return name == "src" || name == "alt" || ((name == "width" || name == "height") && is_integer(value));
  if (tag == "td" || tag == "th")
    return ((name == "colspan" || name == "rowspan") && is_integer(value) && value != "0") ||
           (tag == "th" && name == "scope" && (value == "row" || value == "col" || value == "rowgroup" || value == "colgroup"));
  if (tag == "col" || tag == "colgroup") return name == "span" && is_integer(value) && value != "0";
  if (tag == "ol")
    return (name == "start" && is_integer(value)) || name == "reversed" ||
           (name == "type" && (value == "1" || value == "a" || value == "A" || value == "i" || value == "I"));
  if (tag == "li") return name == "value" && is_integer(value);
  if (tag == "details") return name == "open";
  if (tag == "bdo") return name == "dir";
  // A fence's info string after its language (cmark-gfm's): read and removed by render/code_lines.h.
  if (tag == "code") return name == "data-meta";
  return false;
}

}  // namespace mkepub
