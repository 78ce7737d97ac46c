// Long posts split into several files (epub-readers.md: "Keep each XHTML file well under 300 KB").
#include "render/split.h"

#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace mkepub {
namespace {

struct Counter : pugi::xml_writer {
  size_t bytes = 0;
  void write(const void*, size_t size) override { bytes += size; }
};

size_t measure(pugi::xml_node n) {
  Counter c;
  n.print(c, "", pugi::format_raw);
  return c.bytes;
}

bool is_heading(pugi::xml_node n) {
  std::string_view name = n.name();
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Where to cut `text` at or before `at`: after a space or a CJK full stop, comma or closing mark found in the last
// quarter, else at the start of the character `at` is in (UTF-8 continuation bytes are 10xxxxxx).
size_t cut_point(std::string_view text, size_t at) {
  for (size_t i = at; i > at - at / 4; --i) {
    if (text[i - 1] == ' ' || text[i - 1] == '\n') return i;
    if (i >= 3 &&
        (text.substr(i - 3, 3) == "\u3002" || text.substr(i - 3, 3) == "\uff0c" || text.substr(i - 3, 3) == "\u3001"))
      return i;
  }
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// A paragraph's text nodes cut into pieces of at most `limit` bytes once written (escaping makes a byte at most
// five: `&amp;`), so that break_up can share them out between paragraphs.
void cut_long_text(pugi::xml_node paragraph, size_t limit) {
  const size_t chunk = std::max<size_t>(limit / 5, 64);
  for (auto child = paragraph.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_pcdata) continue;
    std::string text = child.value();
    if (text.size() <= chunk) continue;
    size_t from = cut_point(text, chunk);
    child.set_value(text.substr(0, from).c_str());
    auto last = child;
    while (from < text.size()) {
      size_t to =
          text.size() - from <= chunk ? text.size() : from + cut_point(std::string_view(text).substr(from), chunk);
      if (to == from) to = from + chunk;  // no character boundary found: a run of invalid bytes, cut anywhere
      last = paragraph.insert_child_after(pugi::node_pcdata, last);
      last.set_value(text.substr(from, to - from).c_str());
      from = to;
    }
    child = last;
  }
}

// The rows or items of a long list or table, or the text and inline elements of a long paragraph, moved into
// several smaller ones of the same kind (a paragraph's pieces are paragraphs: a reader starts a new file there).
void break_up(pugi::xml_node big, size_t limit) {
  std::string_view name = big.name();
  pugi::xml_node rows = big;
  if (name == "table") rows = big.child("tbody") ? big.child("tbody") : big;
  else if (name == "p") cut_long_text(big, limit);
  else if (name != "ul" && name != "ol") return;
  // What each new table repeats, in order: its caption and head, and its body emptied. Found once: looking through
  // the children of a paragraph or list for each new piece took time that grew with the square of its length.
  std::vector<pugi::xml_node> repeated;
  if (name == "table")
    for (auto c : big.children()) {
      std::string_view cn = c.name();
      if (c.type() == pugi::node_element && (rows != big || cn == "thead" || cn == "caption")) repeated.push_back(c);
    }
  auto parent = big.parent();
  pugi::xml_node piece = big;
  size_t size = 0;
  int item = 0, start = big.attribute("start").as_int(1);
  for (auto row = rows.first_child(); row;) {
    auto next = row.next_sibling();
    bool is_row = row.type() == pugi::node_element || name == "p";  // a paragraph's text counts as a row
    item += is_row;
    size_t s = measure(row);
    if (is_row && size > 0 && size + s > limit) {
      // A new list (or table, with the same header) continues where the last one stopped.
      // An empty copy, not a deep one: copying what is left of a big table for each piece took time that grew
      // with the square of its size.
      auto copy = parent.insert_child_after(big.name(), piece);
      for (auto a : big.attributes()) copy.append_attribute(a.name()) = a.value();
      for (auto c : repeated) {
        if (rows != big && c == rows) {  // the tbody, empty
          auto body = copy.append_child(c.name());
          for (auto a : c.attributes()) body.append_attribute(a.name()) = a.value();
        } else if (c != row) {
          copy.append_copy(c);
        }
      }
      copy.remove_attribute("id");
      if (name == "ol") {
        copy.remove_attribute("start");
        copy.append_attribute("start") = start + item - 1;
      }
      piece = copy;
      size = 0;
    }
    if (piece != big) (name == "table" && piece.child("tbody") ? piece.child("tbody") : piece).append_move(row);
    size += s;
    row = next;
  }
}

}  // namespace

void split_long_chapter(Chapter& ch, size_t limit) {
  if (measure(*ch.doc) <= limit) return;
  auto section = ch.doc->document_element().child("body").child("section");
  if (!section) return;
  for (auto child = section.first_child(); child; child = child.next_sibling())
    if (measure(child) > limit / 2) break_up(child, limit / 2);

  // A skeleton of the page (head, body, empty section) for each continued page.
  pugi::xml_document skeleton;
  skeleton.reset(*ch.doc);
  auto skeleton_section = skeleton.document_element().child("body").child("section");
  while (skeleton_section.first_child()) skeleton_section.remove_child(skeleton_section.first_child());

  size_t size = measure(*ch.doc) - measure(section);
  pugi::xml_node target;  // empty while the first page fills
  std::string stem = ch.href.substr(0, ch.href.rfind('.'));
  for (auto child = section.first_child(); child;) {
    auto next = child.next_sibling();
    size_t s = measure(child);
    bool full = size + s > limit || (is_heading(child) && size > limit / 2);
    if (full && size > 0) {
      Page page{stem + "-" + std::to_string(ch.continued.size() + 2) + ".xhtml",
                std::make_shared<pugi::xml_document>()};
      page.doc->reset(skeleton);
      target = page.doc->document_element().child("body").child("section");
      ch.continued.push_back(std::move(page));
      size = 0;
    }
    if (target) {
      auto copy = target.append_copy(child);
      for (auto x : copy.select_nodes("descendant-or-self::*[@id]"))
        ch.page_of_id[x.node().attribute("id").value()] = ch.continued.back().href;
      section.remove_child(child);
    }
    size += s;
    child = next;
  }
}

}  // namespace mkepub
