// Raw HTML's nesting depth from its tags alone (HTML Standard 13.2.6, simplified: only what deepens the tree).
#include "render/nesting.h"

#include "base/input_limits.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mkepub {
namespace {

// Void elements, and elements whose end tag may be left out because the next one of their kind (or the end of
// their parent) closes them: neither nests when repeated.
const std::set<std::string, std::less<>> kNotNesting = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc",
    "rp", "colgroup", "caption", "html", "head", "body", "!doctype"};

std::string lower_name(std::string_view s, size_t from) {
  std::string name;
  for (size_t i = from; i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '!'); ++i)
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  return name;
}

}  // namespace

std::string too_deep_message() {
  return "nested more than " + std::to_string(kMaxNesting) +
         " levels deep (quotes, lists, emphasis or HTML elements inside each other); e-book readers cannot show that";
}

HtmlNesting::Peak HtmlNesting::feed(std::string_view html, size_t limit) {
  Peak peak{open_.size(), 0};
  int line = 0;
  size_t gt = 0;  // the next `>`, found once for all the tags before it: `<a<a<a...` stays linear
  for (size_t i = 0; i < html.size() && peak.depth <= limit; ++i) {
    if (html[i] == '\n') ++line;
    if (html[i] != '<') continue;
    if (!raw_text_end_.empty()) {  // script and style hold text, not tags
      std::string head = lower_name(html, i + 2);
      if (html.substr(i, 2) == "</" && "</" + head == raw_text_end_) raw_text_end_.clear();
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      line += static_cast<int>(std::count(html.begin() + i, html.begin() + end, '\n'));
      i = end - 1;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::string name = lower_name(html, i + (closing ? 2 : 1));
    if (name.empty() || name[0] == '!') continue;
    if (gt != std::string_view::npos && gt <= i) gt = html.find('>', i);
    // `<x/>` closes itself only in SVG and MathML; in HTML the slash is ignored and `<div/>` stays open.
    bool foreign = std::find_if(open_.begin(), open_.end(), [](const std::string& n) { return n == "svg" || n == "math"; }) != open_.end();
    bool self_closing = foreign && gt != std::string_view::npos && gt > i && html[gt - 1] == '/';
    if (closing) {
      auto it = std::find(open_.rbegin(), open_.rend(), name);
      if (it != open_.rend()) open_.erase(std::next(it).base(), open_.end());
    } else if (!self_closing && !kNotNesting.count(name)) {
      if (name == "script" || name == "style") raw_text_end_ = "</" + name;
      open_.push_back(std::move(name));
      if (open_.size() > peak.depth) peak = {open_.size(), line};
    }
  }
  return peak;
}

}  // namespace mkepub
