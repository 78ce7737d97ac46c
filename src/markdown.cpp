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

std::string literal_of(cmark_node* node) {
  if (!node) return {};
  auto type = cmark_node_get_type(node);
  if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
  }
  return {};
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
    char32_t before = last_code_point(literal_of(cmark_node_previous(node)));
    char32_t after = first_code_point(literal_of(cmark_node_next(node)));
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
    size_t end = at;
    while (end < html.size() && html[end] >= '0' && html[end] <= '9') ++end;
    out += std::to_string(std::stol(html.substr(at, end - at)) + offset);
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
