// Markdown to HTML with cmark-gfm (https://github.github.com/gfm/). cmark-gfm is used here and nowhere else.
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>
#include <vector>

#include "text.h"
#include "xhtml.h"

namespace mkepub {
namespace {

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

// The text at one edge of an inline node. Emphasis, links and the like have no text of their own: `**中文**`
// ends with the text inside it, so the edge is found by descending to the last (or first) child.
std::string literal_of(cmark_node* node, bool last) {
  while (node && cmark_node_get_type(node) != CMARK_NODE_TEXT && cmark_node_get_type(node) != CMARK_NODE_CODE)
    node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
  const char* s = node ? cmark_node_get_literal(node) : nullptr;
  return s ? s : "";
}

// Soft breaks between two CJK characters would render as a space: remove them from the tree. Raw HTML gets a
// marker comment with its post line, since cmark-gfm's data-sourcepos does not reach inside it.
void prepare_tree(cmark_node* doc, int line_offset) {
  std::vector<cmark_node*> drop;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      int line = cmark_node_get_start_line(node);
      for (cmark_node* p = node; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
      const char* raw = cmark_node_get_literal(node);
      cmark_node_set_literal(node, (line_marker(line + line_offset) + (raw ? raw : "")).c_str());
      continue;
    }
    if (type != CMARK_NODE_SOFTBREAK) continue;
    char32_t before = last_code_point(literal_of(cmark_node_previous(node), true));
    char32_t after = first_code_point(literal_of(cmark_node_next(node), false));
    if (is_spaceless_cjk(before) && is_spaceless_cjk(after)) drop.push_back(node);
  }
  cmark_iter_free(it);
  for (auto* node : drop) cmark_node_free(node);  // unlinks too
}

// cmark-gfm numbers lines from the start of what it was given; shift data-sourcepos to the post's lines.
std::string shift_source_lines(const std::string& html, int offset) {
  if (offset == 0) return html;
  static const std::string key = "data-sourcepos=\"";
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t pos = 0;
  for (size_t at; (at = html.find(key, pos)) != std::string::npos;) {
    at += key.size();
    out.append(html, pos, at - pos);
    // "3:1-4:9": the start and the end line both move (not only the first number); the columns stay.
    size_t end = html.find('"', at);
    if (end == std::string::npos) end = html.size();
    for (size_t i = at; i < end;) {
      size_t j = i;
      while (j < end && html[j] >= '0' && html[j] <= '9') ++j;
      bool is_line = j > i && (i == at || html[i - 1] == '-');
      out += is_line ? std::to_string(std::stol(html.substr(i, j - i)) + offset) : html.substr(i, j - i);
      if (j < end) out += html[j++];
      i = j;
    }
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace

std::string render_markdown(const std::string& markdown, int first_line) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // Table alignment as style attributes: HTML5 (and so EPUB) has no align attribute.
  const int options =
      CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
  for (const char* name : kExtensions)
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
  prepare_tree(doc.get(), first_line - 1);
  char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out = html;
  free(html);
  return shift_source_lines(out, first_line - 1);
}

}  // namespace mkepub
