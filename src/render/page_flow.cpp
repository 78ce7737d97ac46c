// Pictures and bare URLs in justified text (page_flow.h).
#include "render/page_flow.h"

#include <string>
#include <string_view>
#include <vector>

#include "base/dom.h"

namespace mkepub {
namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// An image, or a link holding only an image (and white space).
bool is_picture(pugi::xml_node n) {
  if (is_named(n, "img")) return true;
  if (!is_named(n, "a")) return false;
  int images = 0;
  for (auto c : n.children()) {
    if (c.type() == pugi::node_pcdata && is_blank(c.value())) continue;
    if (!is_picture(c) || ++images > 1) return false;
  }
  return images == 1;
}

bool only_pictures(pugi::xml_node p) {
  bool any = false;
  for (auto c : p.children()) {
    if (c.type() == pugi::node_pcdata && is_blank(c.value())) continue;
    if (is_named(c, "br")) continue;
    if (!is_picture(c)) return false;
    any = true;
  }
  return any;
}

void add_class(pugi::xml_node n, const char* name) {
  auto cls = n.attribute("class");
  if (!cls) {
    n.append_attribute("class") = name;
    return;
  }
  std::string value = cls.value();
  cls.set_value((value.empty() ? value : value + " ").append(name).c_str());
}

// The picture starts a line of the source: the text before it ends in a line break, and before that there is
// text (or other inline content) that is not a picture.
bool begins_line_after_text(pugi::xml_node picture) {
  auto before = picture.previous_sibling();
  if (!before || before.type() != pugi::node_pcdata) return false;
  std::string_view text = before.value();
  const size_t last = text.find_last_not_of(" \t");
  if (last == std::string_view::npos || text[last] != '\n') return false;
  if (!is_blank(text)) return true;
  auto earlier = before.previous_sibling();
  return earlier && !is_picture(earlier) && !is_named(earlier, "br");
}

}  // namespace

void place_images(pugi::xml_node content) {
  for (auto p : elements_below(content, [](pugi::xml_node n) { return is_named(n, "p"); })) {
    if (only_pictures(p)) {
      add_class(p, "image");
      continue;
    }
    std::vector<pugi::xml_node> breaks;
    for (auto c : p.children())
      if (is_picture(c) && begins_line_after_text(c)) breaks.push_back(c);
    for (auto picture : breaks) {
      auto text = picture.previous_sibling();
      std::string value = text.value();
      value.erase(value.find_last_not_of(" \t\n") == std::string::npos ? 0 : value.find_last_not_of(" \t\n") + 1);
      if (value.empty())
        p.remove_child(text);
      else
        text.set_value(value.c_str());
      p.insert_child_before("br", picture);
    }
  }
}

void mark_bare_urls(pugi::xml_node content) {
  for (auto a : elements_below(content, [](pugi::xml_node n) { return is_named(n, "a") && n.attribute("href"); })) {
    const std::string_view href = a.attribute("href").value();
    const std::string_view text = a.text().get();
    if (a.first_child() != a.last_child() || text.empty()) continue;
    // As shown: the whole address, or it without its scheme (`www.` autolinks, `mailto:` addresses).
    const std::string shown(text);
    if (href == shown || href == "http://" + shown || href == "https://" + shown || href == "mailto:" + shown)
      add_class(a, "url");
  }
}

}  // namespace mkepub
