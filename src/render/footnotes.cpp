// Footnotes that pop up (EPUB 3 Structural Semantics Vocabulary `noteref`/`footnote`, DPUB-ARIA `doc-noteref`/
// `doc-footnote`). Readers need the back-link first (Kindle merged notes otherwise, pandoc PR #4491) and no <sup>
// inside the reference (jgm/pandoc#1995).
#include "render/footnotes.h"

#include <map>
#include <string_view>

namespace mkepub {
namespace {

bool has_class(pugi::xml_node n, std::string_view cls) {
  std::string_view all = n.attribute("class").value();
  for (size_t pos = 0; pos <= all.size();) {
    size_t end = all.find(' ', pos);
    if (end == std::string_view::npos) end = all.size();
    if (all.substr(pos, end - pos) == cls) return true;
    pos = end + 1;
  }
  return false;
}

void set(pugi::xml_node n, const char* name, const std::string& value) {
  if (!n.attribute(name)) n.append_attribute(name);
  n.attribute(name) = value.c_str();
}

}  // namespace

void make_popup_footnotes(pugi::xml_node content, const std::string& prefix) {
  auto notes = content.find_child([](pugi::xml_node n) {
    return std::string_view(n.name()) == "section" && has_class(n, "footnotes");
  });
  if (!notes) return;
  std::map<std::string, std::string> renamed;  // cmark-gfm id -> book-wide id
  auto rename = [&](const std::string& old) { return renamed.emplace(old, prefix + old).first->second; };

  for (auto x : content.select_nodes(".//sup[@class='footnote-ref']/a")) {
    auto a = x.node();
    auto sup = a.parent();
    std::string target = std::string(a.attribute("href").value()).substr(1);
    set(a, "href", "#" + rename(target));
    set(a, "id", rename(a.attribute("id").value()));
    set(a, "epub:type", "noteref");
    set(a, "role", "doc-noteref");
    set(a, "class", "noteref");
    sup.parent().insert_move_before(a, sup);
    sup.parent().remove_child(sup);
  }
  int number = 0;
  for (auto li : notes.child("ol").children("li")) {
    ++number;
    auto aside = content.insert_child_before("aside", notes);
    set(aside, "id", rename(li.attribute("id").value()));
    set(aside, "epub:type", "footnote");
    set(aside, "role", "doc-footnote");
    set(aside, "class", "footnote");
    pugi::xml_node back;  // the first back-link moves to the front, labelled with the note's number
    for (auto x : li.select_nodes(".//a[@class='footnote-backref']")) {
      auto a = x.node();
      if (!back) {
        back = a;
        continue;
      }
      a.parent().remove_child(a);
    }
    while (auto child = li.first_child()) aside.append_move(child);
    if (!back) continue;
    back.remove_attribute("class");
    back.remove_attribute("aria-label");
    set(back, "href", "#" + rename(std::string(back.attribute("href").value()).substr(1)));
    set(back, "role", "doc-backlink");
    back.text().set(std::to_string(number).c_str());
    auto first_p = aside.child("p") ? aside.child("p") : aside;
    first_p.prepend_child(pugi::node_pcdata).set_value(" ");
    first_p.prepend_move(back);
  }
  content.remove_child(notes);
}

}  // namespace mkepub
