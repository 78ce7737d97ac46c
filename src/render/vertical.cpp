// Vertical writing (CSS Writing Modes 3, https://www.w3.org/TR/css-writing-modes-3/#text-combine-upright): the
// page's root class and tate-chu-yoko spans; book.css holds the writing modes and opf.cpp the spine direction.
#include "render/vertical.h"

#include <set>
#include <string>
#include <string_view>

namespace mkepub {
namespace {

// Horizontal or not running text: left alone. Tables are set horizontal-tb, where upright spans mean nothing.
const std::set<std::string_view> kSkipped = {"code", "pre", "kbd", "samp", "table", "rt", "rp", "script",
                                             "style", "svg", "math", "head"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Punctuation that joins digits into one number, date or time: 3.14, 1,000, 2024-01-02, 12:30, 1/2.
bool joins_numbers(char c) { return c == '.' || c == ',' || c == ':' || c == '/' || c == '-'; }

// Whether the digits s[begin, end) stand alone: not part of a word (A4, v2) or of a longer number, date or time.
bool stands_alone(std::string_view s, size_t begin, size_t end) {
  if (begin > 0 && (is_alnum(s[begin - 1]) || (joins_numbers(s[begin - 1]) && begin > 1 && is_alnum(s[begin - 2]))))
    return false;
  if (end < s.size() && (is_alnum(s[end]) || (joins_numbers(s[end]) && end + 1 < s.size() && is_alnum(s[end + 1]))))
    return false;
  return true;
}

bool skipped(pugi::xml_node el) {
  std::string_view name = el.name();
  if (kSkipped.count(name)) return true;
  if (name == "span" && std::string_view(el.attribute("class").value()) == "tcy") return true;
  std::string_view role = el.attribute("role").value();
  return name == "a" && (role == "doc-noteref" || role == "doc-backlink");
}

// Splits one text node around its upright numbers.
void wrap_numbers(pugi::xml_node text) {
  const std::string s = text.value();
  auto parent = text.parent();
  size_t done = 0;
  for (size_t i = 0; i < s.size();) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && is_digit(s[end])) ++end;
    if (end - i <= 2 && stands_alone(s, i, end)) {
      if (i > done) parent.insert_child_before(pugi::node_pcdata, text).set_value(s.substr(done, i - done).c_str());
      auto span = parent.insert_child_before("span", text);
      span.append_attribute("class") = "tcy";
      span.append_child(pugi::node_pcdata).set_value(s.substr(i, end - i).c_str());
      done = end;
    }
    i = end;
  }
  if (done == 0) return;
  if (done == s.size()) parent.remove_child(text);
  else text.set_value(s.substr(done).c_str());
}

void set_upright_numbers(pugi::xml_node el) {
  for (auto child = el.first_child(); child;) {
    auto next = child.next_sibling();
    if (child.type() == pugi::node_pcdata) wrap_numbers(child);
    else if (child.type() == pugi::node_element && !skipped(child)) set_upright_numbers(child);
    child = next;
  }
}

}  // namespace

void make_vertical(pugi::xml_document& page) {
  auto root = page.document_element();
  std::string classes = root.attribute("class").value();
  if ((" " + classes + " ").find(" vertical ") == std::string::npos) {
    classes += classes.empty() ? "vertical" : " vertical";
    if (!root.attribute("class")) root.append_attribute("class");
    root.attribute("class") = classes.c_str();
  }
  set_upright_numbers(root.child("body"));
}

}  // namespace mkepub
