// Markdown stage: alerts and callouts as asides. GitHub alerts
// (https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#alerts),
// Obsidian callouts (https://help.obsidian.md/Editing+and+formatting/Callouts), and the admonitions of Docusaurus
// (https://docusaurus.io/docs/markdown-features/admonitions), FixIt's untitled alerts (`[!tip]~`,
// https://fixit.lruihao.cn/documentation/content-management/markdown-syntax/extended/) and VitePress
// (https://vitepress.dev/guide/markdown#custom-containers), which are markdown-it-container fences.
#include "render/callouts.h"

#include <cmark-gfm.h>

#include <cctype>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "base/dom.h"
#include "render/code_fences.h"

namespace mkepub {
namespace {

// Obsidian's types and their aliases (`important` is a tip there, `caution` a warning; GitHub's own five keep
// their names as classes too, so the stylesheet can tell them apart).
std::string_view canonical_type(std::string_view type) {
  static const std::map<std::string_view, std::string_view> aliases = {
      {"summary", "abstract"}, {"tldr", "abstract"},     {"hint", "tip"},      {"important", "tip"},
      {"check", "success"},    {"done", "success"},      {"help", "question"}, {"faq", "question"},
      {"caution", "warning"},  {"attention", "warning"}, {"fail", "failure"},  {"missing", "failure"},
      {"error", "danger"},     {"cite", "quote"}};
  auto it = aliases.find(type);
  return it == aliases.end() ? type : it->second;
}

enum class Purpose { note, tip };

// A tip helps (EPUB SSV `tip`, DPUB-ARIA `doc-tip`). Warnings stay plain notes: their SSV term `notice` needs the
// role `doc-notice`, which ARIA in HTML does not allow on <aside>, and Ace fails an epub:type without its role.
Purpose purpose_of(std::string_view canonical) {
  return canonical == "tip" || canonical == "success" ? Purpose::tip : Purpose::note;
}

// The type as a class name: ASCII letters, digits and `-`, lowercased; other characters dropped.
std::string class_name(std::string_view type) {
  std::string out;
  for (char c : type) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_') out += static_cast<char>(std::tolower(u));
  }
  return out;
}

struct Marker {
  std::string type;   // as written
  std::string title;  // the rest of the text after the marker and a fold sign
  bool untitled;      // `~`: FixIt's content-only alert, shown without a title
};

// `[!type]`, `[!type]+` or `[!type]-`, then the title, at the start of a block quote's first text.
std::optional<Marker> marker_of(std::string_view text) {
  if (text.rfind("[!", 0) != 0) return std::nullopt;
  size_t close = text.find(']', 2);
  if (close == std::string_view::npos || close == 2 || close > 66) return std::nullopt;
  std::string_view type = text.substr(2, close - 2);
  for (char c : type)
    if (c == ' ' || c == '\t' || c == '[') return std::nullopt;
  size_t at = close + 1;
  bool untitled = at < text.size() && text[at] == '~';
  if (at < text.size() && (text[at] == '+' || text[at] == '-' || untitled)) ++at;
  if (at < text.size() && text[at] != ' ' && text[at] != '\t') return std::nullopt;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return Marker{std::string(type), std::string(text.substr(at)), untitled};
}

// The name shown when the title is empty: the type as written, its first letter capitalized ("NOTE" -> "Note").
std::string default_title(std::string_view type) {
  std::string out(type);
  bool ascii = true;
  for (char c : out) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) return out;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

cmark_node* custom_block(const std::string& enter, const char* exit) {
  cmark_node* node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(node, enter.c_str());
  cmark_node_set_on_exit(node, exit);
  return node;
}

void make_callout(cmark_node* quote, cmark_node* text, const Marker& m) {
  std::string type = class_name(m.type), canonical(canonical_type(type));
  std::string classes = "callout";
  if (!type.empty()) classes += " callout-" + type;
  if (canonical != type) classes += " callout-" + canonical;
  const char* role = purpose_of(canonical) == Purpose::tip ? "doc-tip" : "note";
  cmark_node* aside = custom_block("<aside class=\"" + classes + "\" role=\"" + role + "\">", "</aside>");
  // A custom inline in an empty custom block: the paragraph's tags around the title without the line breaks
  // cmark-gfm writes inside a custom block's own tags.
  cmark_node* title_block = custom_block("", "");
  cmark_node* title = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter(title, "<p class=\"callout-title\">");
  cmark_node_set_on_exit(title, "</p>");
  cmark_node_append_child(title_block, title);
  cmark_node_append_child(aside, title_block);

  // The title is the rest of the first line: the inlines up to the first line break.
  cmark_node* para = cmark_node_parent(text);
  cmark_node_set_literal(text, m.title.c_str());
  if (m.title.empty()) cmark_node_free(text);
  for (cmark_node* n = cmark_node_first_child(para); n; n = cmark_node_first_child(para)) {
    auto t = cmark_node_get_type(n);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      cmark_node_free(n);
      break;
    }
    cmark_node_append_child(title, n);
  }
  if (m.untitled) {
    cmark_node_free(title_block);  // with the rest of the first line, which FixIt does not show either
  } else if (!cmark_node_first_child(title)) {
    cmark_node* name = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(name, default_title(m.type).c_str());
    cmark_node_append_child(title, name);
  }
  if (!cmark_node_first_child(para)) cmark_node_free(para);
  while (cmark_node* child = cmark_node_first_child(quote)) cmark_node_append_child(aside, child);
  cmark_node_insert_before(quote, aside);
  cmark_node_free(quote);
}

// ---- `:::` containers, line by line.

constexpr std::string_view kContainerEnd = "<!--mkepub-container-end-->";

struct Container {
  size_t colons, indent;
  bool unwrap;  // fences dropped, content kept as it is (VitePress raw, v-pre, code-group)
};

size_t leading_spaces(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

// `:::name Title`, `:::name[Title]`, `::: name {attrs}`: the name (letters first) and the title.
std::optional<std::pair<std::string, std::string>> container_name(std::string_view after) {
  size_t at = after.find_first_not_of(" \t");
  if (at == std::string_view::npos || !std::isalpha(static_cast<unsigned char>(after[at]))) return std::nullopt;
  size_t end = at;
  while (end < after.size() &&
         (std::isalnum(static_cast<unsigned char>(after[end])) || after[end] == '-' || after[end] == '_'))
    ++end;
  std::string name(after.substr(at, end - at));
  std::string_view rest = after.substr(end);
  if (!rest.empty() && rest[0] == '[') {  // Docusaurus v3's directive label
    size_t close = rest.rfind(']');
    if (close != std::string_view::npos) rest = rest.substr(1, close - 1);
  } else if (auto brace = rest.find('{'); brace != std::string_view::npos && rest.back() == '}') {
    rest = rest.substr(0, brace);  // markdown-it attributes, not a title
  }
  size_t from = rest.find_first_not_of(" \t"), to = rest.find_last_not_of(" \t");
  return std::pair{name, from == std::string_view::npos ? "" : std::string(rest.substr(from, to - from + 1))};
}

}  // namespace

void make_callouts(cmark_node* doc) {
  std::vector<std::pair<cmark_node*, cmark_node*>> found;  // block quote, its first text
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_BLOCK_QUOTE) continue;
    // The marker opens the quote's first paragraph, or its first setext heading: lines under `[!type]` followed
    // by `---` are a heading to CommonMark, and stay one inside the callout (an ATX heading is one line: no marker).
    cmark_node* para = cmark_node_first_child(node);
    if (!para) continue;
    const auto first = cmark_node_get_type(para);
    const bool setext = first == CMARK_NODE_HEADING && cmark_node_get_end_line(para) > cmark_node_get_start_line(para);
    if (first != CMARK_NODE_PARAGRAPH && !setext) continue;
    cmark_node* text = cmark_node_first_child(para);
    if (text && cmark_node_get_type(text) == CMARK_NODE_TEXT) found.emplace_back(node, text);
  }
  cmark_iter_free(it);
  // Outer quotes first: moving an outer quote's children keeps the inner nodes as they are.
  for (auto [quote, text] : found) {
    const char* literal = cmark_node_get_literal(text);
    if (auto m = marker_of(literal ? literal : "")) make_callout(quote, text, *m);
  }
}

void drop_container_ends(cmark_node* doc) {
  std::vector<cmark_node*> ends;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK) continue;
    const char* literal = cmark_node_get_literal(node);
    std::string_view html = literal ? literal : "";
    while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.remove_suffix(1);
    if (html == kContainerEnd) ends.push_back(node);
  }
  cmark_iter_free(it);
  for (auto* node : ends) cmark_node_free(node);
}

std::string open_admonitions(const std::string& markdown) {
  if (markdown.find(":::") == std::string::npos) return "";
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 8);
  std::vector<Container> open;
  std::optional<CodeFence> code;
  bool changed = false;
  for (size_t pos = 0; pos < markdown.size();) {
    size_t nl = markdown.find('\n', pos);
    size_t end = nl == std::string::npos ? markdown.size() : nl;
    std::string_view rest(markdown.data() + pos, end - pos);
    pos = nl == std::string::npos ? markdown.size() : nl + 1;
    // The prefix that puts a line inside the containers open around it; their indentation comes off the line.
    auto prefix_of = [&](size_t depth) {
      std::string p;
      for (size_t i = 0; i < depth; ++i) p += std::string(open[i].indent, ' ') + (open[i].unwrap ? "" : "> ");
      return p;
    };
    for (const auto& c : open) rest.remove_prefix(std::min(c.indent, leading_spaces(rest)));
    std::string line;
    size_t colons = 0, indent = leading_spaces(rest);
    while (indent + colons < rest.size() && rest[indent + colons] == ':') ++colons;
    if (code) {
      if (closes_code(rest, *code)) code.reset();
    } else if (auto f = code_fence(rest)) {
      code = f;
    } else if (colons >= 3) {
      std::string_view after = rest.substr(indent + colons);
      if (after.find_first_not_of(" \t") == std::string_view::npos) {
        // A closing fence closes the innermost container it is long enough for, and any left open inside it.
        size_t k = open.size();
        while (k > 0 && open[k - 1].colons > colons) --k;
        if (k > 0) {
          // Not a blank line, which would make a list around the container loose: an HTML block, which ends the
          // quote without one, and which drop_container_ends takes out of the tree again.
          std::string indent_of_fence(open[k - 1].indent, ' ');
          open.resize(k - 1);
          changed = true;
          out += prefix_of(open.size()) + indent_of_fence + std::string(kContainerEnd);
          if (nl != std::string::npos) out += '\n';
          continue;
        }
      } else if (auto named = container_name(after)) {
        auto& [name, title] = *named;
        bool unwrap = name == "raw" || name == "v-pre" || name == "code-group";
        out += prefix_of(open.size()) + std::string(indent, ' ');
        if (!unwrap) out += "> [!" + name + "]" + (title.empty() ? "" : " " + title);
        if (nl != std::string::npos) out += '\n';
        open.push_back({colons, indent, unwrap});
        changed = true;
        continue;
      }
    }
    out += prefix_of(open.size());
    out += rest;
    if (nl != std::string::npos) out += '\n';
  }
  return changed ? out : "";
}

void mark_callouts(pugi::xml_node content) {
  walk_below(content, [](pugi::xml_node node) {
    if (!is_named(node, "aside")) return node.type() == pugi::node_element;
    std::string_view classes = node.attribute("class").value();
    if (classes.rfind("callout", 0) != 0) return true;
    Purpose purpose = Purpose::note;
    for (size_t at = 0; (at = classes.find("callout-", at)) != std::string_view::npos; at += 8) {
      size_t end = std::min(classes.find(' ', at), classes.size());
      Purpose p = purpose_of(canonical_type(classes.substr(at + 8, end - at - 8)));
      if (p != Purpose::note) purpose = p;
    }
    if (purpose == Purpose::tip && !node.attribute("epub:type")) node.append_attribute("epub:type") = "tip";
    return true;  // callouts nest
  });
}

}  // namespace mkepub
