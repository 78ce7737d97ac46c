// Dialects: JSX attributes on HTML tags in MDX, as React renders them (https://react.dev/reference/react-dom/components/common):
// `className` is `class`, `htmlFor` is `for`, a style object is CSS text, `{" "}` is a space, and an attribute whose
// value is any other expression is dropped: it needs JavaScript to have a value.
#include <cctype>
#include <string_view>

#include "dialects/docusaurus/docusaurus.h"

namespace mkepub {
namespace {

// The end of a `{...}` expression starting at `open` (one past its `}`), skipping strings; npos if unclosed.
size_t expression_end(std::string_view s, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// React's unitless properties (a number stays a number); every other number is in px.
bool is_unitless(std::string_view key) {
  for (std::string_view k : {"flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity", "order",
                             "orphans", "widows", "zIndex", "zoom", "columnCount", "tabSize", "aspectRatio"})
    if (key == k) return true;
  return false;
}

// `fontSize` -> `font-size`, `WebkitBoxShadow` -> `-webkit-box-shadow`.
std::string css_property(std::string_view key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (std::isupper(c)) out += '-', out += static_cast<char>(std::tolower(c));
    else out += static_cast<char>(c);
  }
  return out;
}

// `{color: "#fff", fontSize: 12}` (the object, without the attribute's own braces) as CSS declarations; entries
// whose value is not a string or number literal are left out.
std::string css_of_style_object(std::string_view object) {
  object = trim(object);
  if (object.size() < 2 || object.front() != '{' || object.back() != '}') return "";
  object = object.substr(1, object.size() - 2);
  std::string css;
  size_t start = 0;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i <= object.size(); ++i) {
    if (i < object.size()) {
      char c = object[i];
      if (quote) {
        if (c == '\\') ++i;
        else if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') quote = c;
      else if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') --depth;
      if (c != ',' || depth != 0) continue;
    }
    std::string_view entry = trim(object.substr(start, i - start));
    start = i + 1;
    size_t colon = entry.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = trim(entry.substr(0, colon)), value = trim(entry.substr(colon + 1));
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
      key = key.substr(1, key.size() - 2);
    std::string v;
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      v = value.substr(1, value.size() - 2);
    } else if (!value.empty() && value.find_first_not_of("0123456789.-") == std::string_view::npos) {
      v = std::string(value) + (is_unitless(key) || value == "0" ? "" : "px");
    } else {
      continue;
    }
    if (v.find_first_of("\"<>;") != std::string::npos || key.empty()) continue;
    css += (css.empty() ? "" : "; ") + css_property(key) + ": " + v;
  }
  return css;
}

}  // namespace

std::string html_of_jsx_attributes(const std::string& line) {
  if (line.find_first_of("{<") == std::string::npos) return line;
  std::string out;
  char quote = 0;
  bool in_tag = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (!in_tag) {
      if (c == '{' && (line.compare(i, 5, "{\" \"}") == 0 || line.compare(i, 5, "{' '}") == 0)) {
        out += ' ';
        i += 4;
        continue;
      }
      if (c == '<' && i + 1 < line.size() && std::islower(static_cast<unsigned char>(line[i + 1]))) in_tag = true;
      out += c;
      continue;
    }
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      out += c;
    } else if (c == '>') {
      in_tag = false;
      out += c;
    } else if (c == '=' && i + 1 < line.size() && line[i + 1] == '{') {
      // The attribute's name is what precedes `=`; its value, the expression.
      size_t name_start = out.find_last_of(" \t\n<");
      std::string name = out.substr(name_start + 1);
      size_t end = expression_end(line, i + 1);
      if (end == std::string::npos) return line;  // an expression running on: left as written
      std::string_view expr = std::string_view(line).substr(i + 2, end - i - 3);
      out.resize(name_start + 1);
      if (name == "className") name = "class";
      if (name == "htmlFor") name = "for";
      std::string css = name == "style" ? css_of_style_object(expr) : "";
      std::string_view literal = trim(expr);
      if (!css.empty()) {
        out += "style=\"" + css + "\"";
      } else if (literal.size() >= 2 && (literal.front() == '"' || literal.front() == '\'') &&
                 literal.back() == literal.front() && name != "style") {
        out += name + "=\"" + std::string(literal.substr(1, literal.size() - 2)) + "\"";
      } else if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        out.pop_back();  // dropped, with the space before it
      }
      i = end - 1;
    } else {
      out += c;
      // React's names for two HTML attributes.
      for (auto [jsx, html] : {std::pair<std::string_view, std::string_view>{" className=", " class="}, {" htmlFor=", " for="}})
        if (out.size() >= jsx.size() && out.compare(out.size() - jsx.size(), jsx.size(), jsx) == 0)
          out.replace(out.size() - jsx.size(), jsx.size(), html);
    }
  }
  return out;
}

}  // namespace mkepub
