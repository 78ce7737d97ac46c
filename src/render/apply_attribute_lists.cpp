// Attribute lists in a parsed post (attribute_lists.h): which block or span each applies to, by kramdown's rules
// (https://kramdown.gettalong.org/syntax.html#block-ials, #span-ials, #attribute-list-definitions), taken out of the
// text and left as markers for the XHTML stage.
#include <cmark-gfm.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/attribute_lists.h"

namespace mkepub {
namespace {

using Line = std::vector<cmark_node*>;

bool is_type(cmark_node* n, cmark_node_type type) { return n && cmark_node_get_type(n) == type; }
std::string_view literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Application {
  cmark_node* target;
  AttributeList attributes;
};

class Pass {
 public:
  explicit Pass(std::string_view markdown) {
    for (size_t from = 0; from <= markdown.size();) {
      size_t nl = std::min(markdown.find('\n', from), markdown.size());
      lines_.push_back(markdown.substr(from, nl - from));
      from = nl + 1;
    }
  }

  void run(cmark_node* doc) {
    cmark_consolidate_text_nodes(doc);
    std::vector<cmark_node*> paragraphs, headings, texts, tables;
    cmark_iter* it = cmark_iter_new(doc);
    for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER) continue;
      if (is_type(n, CMARK_NODE_PARAGRAPH)) paragraphs.push_back(n);
      else if (is_type(n, CMARK_NODE_HEADING)) headings.push_back(n);
      else if (is_type(n, CMARK_NODE_TEXT)) texts.push_back(n);
      else if (std::string_view(cmark_node_get_type_string(n)) == "table") tables.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* t : tables) table(t);
    for (cmark_node* h : headings) heading(h);
    for (cmark_node* t : texts) span(t);  // before paragraphs free the text nodes of their attribute lines
    for (cmark_node* p : paragraphs) paragraph(p);
    finish();
  }

 private:
  std::vector<std::string_view> lines_;
  std::map<std::string, AttributeList> definitions_;
  std::vector<Application> blocks_, spans_;
  std::vector<cmark_node*> freed_;
  std::set<cmark_node*> taken_;  // text a heading's list came out of, not read again as a span's

  // `## Title {#id .c}`: the list at the end of the heading's text, after a space.
  void heading(cmark_node* h) {
    cmark_node* last = cmark_node_last_child(h);
    if (!is_type(last, CMARK_NODE_TEXT)) return;
    std::string text(literal(last));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
    if (text.empty() || text.back() != '}') return;
    for (size_t open = text.rfind('{'); open != std::string::npos; open = open ? text.rfind('{', open - 1) : open) {
      auto list = parse_attribute_list(std::string_view(text).substr(open));
      const bool spaced =
          open == 0 ? cmark_node_previous(last) != nullptr : (text[open - 1] == ' ' || text[open - 1] == '\t');
      if (list && spaced) {
        text.resize(open);
        std::string_view kept = trim(text);
        // Goldmark: `## Title ## {#id}`, the closing sequence before the list.
        size_t hashes = kept.find_last_not_of('#');
        if (hashes != std::string_view::npos && hashes + 1 < kept.size() &&
            (kept[hashes] == ' ' || kept[hashes] == '\t'))
          kept = trim(kept.substr(0, hashes));
        if (kept.empty()) freed_.push_back(last);
        else cmark_node_set_literal(last, std::string(kept).c_str());
        taken_.insert(last);
        blocks_.push_back({h, *list});
        return;
      }
      if (open == 0) return;
    }
  }

  // A span IAL directly after a span element: `*x*{: .c}`, `![a](b){: width="60%"}`, `![a](b){.fig #id}`.
  void span(cmark_node* text) {
    cmark_node* before = cmark_node_previous(text);
    std::string_view s = literal(text);
    if (!before || !s.starts_with('{') || taken_.count(text)) return;
    auto type = cmark_node_get_type(before);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
        type == CMARK_NODE_HTML_INLINE)
      return;
    for (size_t close = s.find('}'); close != std::string_view::npos; close = s.find('}', close + 1)) {
      auto list = parse_attribute_list(s.substr(0, close + 1));
      if (!list) continue;
      std::string rest(s.substr(close + 1));
      if (rest.empty()) freed_.push_back(text);
      else cmark_node_set_literal(text, rest.c_str());
      spans_.push_back({before, *list});
      return;
    }
  }

  // What one line of a paragraph is when it is a single attribute list or definition.
  std::optional<AttributeList> list_line(const Line& line) {
    if (line.size() != 1 || !is_type(line[0], CMARK_NODE_TEXT)) return std::nullopt;
    std::string_view s = trim(literal(line[0]));
    if (auto def = parse_attribute_definition(s)) {
      definitions_[def->first] = def->second;
      return AttributeList{};
    }
    return parse_attribute_list(s);
  }

  void paragraph(cmark_node* p) {
    std::vector<Line> lines(1);
    std::vector<cmark_node*> breaks;
    for (cmark_node* c = cmark_node_first_child(p); c; c = cmark_node_next(c)) {
      if (is_type(c, CMARK_NODE_SOFTBREAK) || is_type(c, CMARK_NODE_LINEBREAK)) {
        breaks.push_back(c);
        lines.emplace_back();
      } else {
        lines.back().push_back(c);
      }
    }
    std::vector<std::optional<AttributeList>> lists;
    for (const auto& line : lines) lists.push_back(list_line(line));
    size_t first = 0, last = lines.size();
    AttributeList leading, trailing;
    while (first < last && lists[first]) merge(leading, *lists[first++]);
    if (first == last) return whole(p, leading);
    while (last > first && lists[last - 1]) merge(trailing, *lists[--last]);
    for (size_t i = 0; i < first; ++i) take(lines[i], breaks[i]);
    for (size_t i = last; i < lines.size(); ++i) take(lines[i], breaks[i - 1]);
    blocks_.push_back({p, leading});
    if (last == lines.size()) return;
    // An unindented IAL after a list's last paragraph is the list's, as kramdown's `* TOC` + `{:toc}`.
    const int line = cmark_node_get_end_line(p);
    cmark_node* list = nullptr;
    if (line > 0 && size_t(line) <= lines_.size() && lines_[line - 1].starts_with('{'))
      for (cmark_node* a = cmark_node_parent(p); a && !is_type(a, CMARK_NODE_BLOCK_QUOTE); a = cmark_node_parent(a))
        if (is_type(a, CMARK_NODE_LIST)) list = a;
    blocks_.push_back({list ? list : p, trailing});
  }

  // `{.class}` on the line under a table, which GFM reads as one more row with the list in its first cell: the
  // table's, as Goldmark's block attributes (Hugo) apply it. The row goes.
  void table(cmark_node* t) {
    cmark_node* row = cmark_node_last_child(t);
    if (!row || row == cmark_node_first_child(t)) return;  // the header row is never a list
    cmark_node* cell = cmark_node_first_child(row);
    if (!cell) return;
    cmark_node* text = cmark_node_first_child(cell);
    if (!text || !is_type(text, CMARK_NODE_TEXT) || cmark_node_next(text)) return;
    for (cmark_node* other = cmark_node_next(cell); other; other = cmark_node_next(other))
      if (cmark_node_first_child(other)) return;
    auto list = parse_attribute_list(trim(literal(text)));
    if (!list) return;
    taken_.insert(text);
    blocks_.push_back({t, *list});
    freed_.push_back(row);
  }

  // A paragraph of attribute lists alone: the block right above it, else the block right below it.
  void whole(cmark_node* p, const AttributeList& list) {
    const int start = cmark_node_get_start_line(p), end = cmark_node_get_end_line(p);
    cmark_node* above = cmark_node_previous(p);
    cmark_node* below = cmark_node_next(p);
    if (above && cmark_node_get_end_line(above) + 1 == start) blocks_.push_back({above, list});
    else if (below && cmark_node_get_start_line(below) == end + 1) blocks_.push_back({below, list});
    freed_.push_back(p);
  }

  static void merge(AttributeList& into, const AttributeList& from) {
    if (!from.id.empty()) into.id = from.id;
    into.classes.insert(into.classes.end(), from.classes.begin(), from.classes.end());
    into.references.insert(into.references.end(), from.references.begin(), from.references.end());
  }

  void take(const Line& line, cmark_node* line_break) {
    for (cmark_node* n : line) freed_.push_back(n);
    freed_.push_back(line_break);
  }

  // References resolved against every definition of the post (kramdown lets them come later), then markers.
  void finish() {
    std::vector<cmark_node*> tocs;
    for (auto* group : {&blocks_, &spans_}) {
      for (auto& [target, list] : *group) {
        AttributeList resolved;
        for (const auto& name : list.references) {
          if (name == "toc" && is_type(target, CMARK_NODE_LIST)) tocs.push_back(target);
          if (auto it = definitions_.find(name); it != definitions_.end()) merge(resolved, it->second);
        }
        merge(resolved, list);
        if (resolved.id.empty() && resolved.classes.empty()) continue;
        mark(target, resolved, group == &spans_);
      }
    }
    for (cmark_node* n : freed_) cmark_node_free(n);
    // kramdown's `{:toc}` turns the list into the page's table of contents: the book's own contents replace it.
    for (cmark_node* n : tocs) cmark_node_free(n);
  }

  static void mark(cmark_node* target, const AttributeList& list, bool span) {
    const bool inline_holder = is_type(target, CMARK_NODE_PARAGRAPH) || is_type(target, CMARK_NODE_HEADING);
    MarkerTarget where = span ? MarkerTarget::previous : inline_holder ? MarkerTarget::up : MarkerTarget::next;
    cmark_node* marker = cmark_node_new(span || inline_holder ? CMARK_NODE_HTML_INLINE : CMARK_NODE_HTML_BLOCK);
    const std::string html = "<!--" + attribute_marker(where, list) + "-->" + (span || inline_holder ? "" : "\n");
    cmark_node_set_literal(marker, html.c_str());
    const bool placed = span            ? cmark_node_insert_after(target, marker)
                        : inline_holder ? cmark_node_prepend_child(target, marker)
                                        : cmark_node_insert_before(target, marker);
    if (!placed) cmark_node_free(marker);
  }
};

}  // namespace

void apply_attribute_lists(cmark_node* doc, std::string_view markdown) { Pass(markdown).run(doc); }

}  // namespace mkepub
