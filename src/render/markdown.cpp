// Markdown to HTML with cmark-gfm (https://github.github.com/gfm/). cmark-gfm is used here and nowhere else.
#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/input_limits.h"
#include "base/text.h"
#include "render/attribute_lists.h"
#include "render/callouts.h"
#include "render/linear_markdown.h"
#include "render/markdown_cjk.h"
#include "render/markdown_in_html.h"
#include "render/nesting.h"
#include "render/xhtml.h"

namespace mkepub {
namespace {

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

// User data of the raw HTML nodes the ruby pass makes: they need no line marker, and text is looked for beside them.
char kRubyMarkup;

bool is_ruby_markup(cmark_node* node) { return cmark_node_get_user_data(node) == &kRubyMarkup; }

// The text at one edge of an inline node. Emphasis, links and the like have no text of their own: `**中文**`
// ends with the text inside it, so the edge is found by descending to the last (or first) child. Ruby's markup
// is stepped over to the reading (or base) text beside it.
std::string literal_of(cmark_node* node, bool last) {
  while (node && cmark_node_get_type(node) != CMARK_NODE_TEXT && cmark_node_get_type(node) != CMARK_NODE_CODE) {
    if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) return "";  // a picture, not its alt text's characters
    if (is_ruby_markup(node)) node = last ? cmark_node_previous(node) : cmark_node_next(node);
    else node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
  }
  const char* s = node ? cmark_node_get_literal(node) : nullptr;
  return s ? s : "";
}

// Phrasing elements whose bare start and end tags an XML parser reads as an HTML5 parser does, when they balance.
const std::set<std::string_view> kXmlSafeTags = {"kbd", "sup", "sub", "code", "em", "strong", "b", "i", "u", "s",
                                                  "mark", "small", "var", "samp", "abbr", "cite", "q", "dfn"};

// Whether raw HTML reads the same as XML (given that the whole page is well-formed, which the XHTML stage finds
// out): a comment, or one bare tag from kXmlSafeTags; `<br>` is rewritten `<br />`, the same element in HTML.
bool reads_as_xml(std::string& raw) {
  std::string_view t = trim(raw);
  if (t.rfind("<!--", 0) == 0) {
    // One comment ended where HTML ends it: not `<!-->` or `<!--->`, and no `--!>`.
    return t.size() >= 7 && t.find("-->") == t.size() - 3 && t.rfind("<!-->", 0) != 0 &&
           t.rfind("<!--->", 0) != 0 && t.find("--!>") == std::string_view::npos;
  }
  if (t == "<br>" || t == "<br/>" || t == "<br />") {
    raw = "<br />";
    return true;
  }
  if (t.size() < 3 || t.front() != '<' || t.back() != '>') return false;
  std::string_view name = t.substr(t[1] == '/' ? 2 : 1);
  name.remove_suffix(1);
  return kXmlSafeTags.count(name) > 0;
}

// Soft breaks between two CJK characters would render as a space: remove them from the tree. Raw HTML gets a
// marker comment with its post line, since cmark-gfm's data-sourcepos does not reach inside it. True when all
// raw HTML reads as XML.
bool prepare_tree(cmark_node* doc, int line_offset, bool join_cjk_lines) {
  bool is_xml = true;
  std::vector<cmark_node*> drop;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(node);
    if ((type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) && !is_ruby_markup(node)) {
      int line = cmark_node_get_start_line(node);
      for (cmark_node* p = node; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
      const char* literal = cmark_node_get_literal(node);
      std::string raw = literal ? literal : "";
      is_xml = reads_as_xml(raw) && is_xml;
      cmark_node_set_literal(node, (line_marker(line + line_offset) + raw).c_str());
      continue;
    }
    if (type != CMARK_NODE_SOFTBREAK || !join_cjk_lines) continue;
    char32_t before = last_code_point(literal_of(cmark_node_previous(node), true));
    char32_t after = first_code_point(literal_of(cmark_node_next(node), false));
    if (is_spaceless_cjk(before) && is_spaceless_cjk(after)) drop.push_back(node);
  }
  cmark_iter_free(it);
  for (auto* node : drop) cmark_node_free(node);  // unlinks too
  return is_xml;
}

// `\{` is an escaped brace that must not open ruby, but cmark-gfm turns it into a plain `{` merged into the text
// around it. So it becomes a noncharacter (Unicode reserves them for such internal use) before parsing, which the
// ruby pass does not see as a brace and restore_escaped_braces turns back afterwards.
constexpr std::string_view kEscapedBrace = "\xEF\xB7\x90";  // U+FDD0

std::string mark_escaped_braces(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == '\\' && i + 1 < markdown.size()) {  // pairs, so that `\\{` is a backslash and a brace
      if (markdown[++i] == '{') out += kEscapedBrace;
      else out.append({'\\', markdown[i]});
    } else {
      out += markdown[i];
    }
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

// In text and link targets the escape meant `{`; code and raw HTML never read escapes, so there it was `\{`.
void restore_escaped_braces(cmark_node* doc) {
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(node);
    auto fix = [&](const char* value, std::string_view to, auto set) {
      if (value && std::string_view(value).find(kEscapedBrace) != std::string_view::npos)
        set(node, replace_all(value, kEscapedBrace, to).c_str());
    };
    if (type == CMARK_NODE_TEXT) fix(cmark_node_get_literal(node), "{", cmark_node_set_literal);
    if (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK ||
        type == CMARK_NODE_HTML_INLINE)
      fix(cmark_node_get_literal(node), "\\{", cmark_node_set_literal);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      fix(cmark_node_get_url(node), "{", cmark_node_set_url);
      fix(cmark_node_get_title(node), "{", cmark_node_set_title);
    }
  }
  cmark_iter_free(it);
}

struct Ruby {
  size_t end = 0;  // one past the closing brace
  std::string base;
  std::vector<std::string> readings;
};

bool is_blank_edge(char c) { return c == ' ' || c == '\t'; }

// `{base|reading}` or `{base|r1|r2...}` opening at s[open]. Base and readings are non-empty and neither start nor
// end with a space, so that `{x | x > 0}` in prose stays as written; and something in it is not ASCII, so that
// alternatives in English technical writing (`{read|write}Int64`, `CVE-2013-{6639|6640}`) stay as written too.
std::optional<Ruby> ruby_at(std::string_view s, size_t open) {
  size_t close = s.find_first_of("{}\n", open + 1);
  if (close == std::string_view::npos || s[close] != '}') return std::nullopt;
  Ruby ruby{close + 1, "", {}};
  std::string_view inner = s.substr(open + 1, close - open - 1);
  if (std::all_of(inner.begin(), inner.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::nullopt;
  for (size_t from = 0;;) {
    size_t bar = std::min(inner.find('|', from), inner.size());
    std::string_view part = inner.substr(from, bar - from);
    if (part.empty() || is_blank_edge(part.front()) || is_blank_edge(part.back())) return std::nullopt;
    (ruby.base.empty() ? ruby.base : ruby.readings.emplace_back()) = part;
    if (bar == inner.size()) break;
    from = bar + 1;
  }
  if (ruby.readings.empty()) return std::nullopt;
  return ruby;
}

// The base's characters, each with the combining marks and variation selectors that follow it.
std::vector<std::string> characters_of(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t from = i;
    char32_t c = next_code_point(s, i);
    bool attaches = (c >= 0x300 && c <= 0x36F) || c == 0x3099 || c == 0x309A || c == 0x200D ||
                    (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    if (attaches && !out.empty()) out.back().append(s.substr(from, i - from));
    else out.emplace_back(s.substr(from, i - from));
  }
  return out;
}

cmark_node* text_node(std::string_view text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, std::string(text).c_str());
  return node;
}

cmark_node* markup_node(const char* html) {
  cmark_node* node = cmark_node_new(CMARK_NODE_HTML_INLINE);
  cmark_node_set_literal(node, html);
  cmark_node_set_user_data(node, &kRubyMarkup);
  return node;
}

// <ruby> with <rp> parentheses for readers without ruby support, inserted before `at`. One reading per base
// character annotates each character; any other count annotates the base as a whole. Flat siblings, as table
// cells take no custom nodes; the texts stay text nodes, so cmark-gfm escapes them and the soft-break rule sees
// the characters at the ruby's edges.
void insert_ruby(cmark_node* at, const Ruby& r) {
  cmark_node_insert_before(at, markup_node("<ruby>"));
  auto annotate = [&](std::string_view base, std::string_view reading) {
    cmark_node_insert_before(at, text_node(base));
    cmark_node_insert_before(at, markup_node("<rp>(</rp><rt>"));
    cmark_node_insert_before(at, text_node(reading));
    cmark_node_insert_before(at, markup_node("</rt><rp>)</rp>"));
  };
  auto chars = characters_of(r.base);
  if (r.readings.size() > 1 && r.readings.size() == chars.size()) {
    for (size_t i = 0; i < chars.size(); ++i) annotate(chars[i], r.readings[i]);
  } else {
    std::string whole;
    for (const auto& reading : r.readings) whole += reading;
    annotate(r.base, whole);
  }
  cmark_node_insert_before(at, markup_node("</ruby>"));
}

// Ruby in one text node: the text before each `{base|reading}` becomes its own node, the rest stays in `node`.
void add_ruby(cmark_node* node) {
  std::string text = cmark_node_get_literal(node);
  size_t done = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    auto ruby = ruby_at(text, open);
    if (!ruby) continue;
    if (open > done) cmark_node_insert_before(node, text_node(std::string_view(text).substr(done, open - done)));
    insert_ruby(node, *ruby);
    done = ruby->end;
    open = done - 1;
  }
  if (done == 0) return;
  if (done == text.size()) cmark_node_free(node);
  else cmark_node_set_literal(node, text.substr(done).c_str());
}

// `{漢字|かんじ}` in text (never in code, which has no text nodes) becomes ruby: the notation of VFM and Denden.
void add_ruby_to_text(cmark_node* doc) {
  cmark_consolidate_text_nodes(doc);
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT) {
      const char* literal = cmark_node_get_literal(node);
      if (literal && std::string_view(literal).find('|') != std::string_view::npos) texts.push_back(node);
    }
  }
  cmark_iter_free(it);
  for (auto* node : texts) add_ruby(node);
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

// Nodes cmark-gfm's iterator enters without leaving (iterator.c, S_is_leaf): they hold no other node.
bool is_leaf(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_THEMATIC_BREAK: case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK: case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

// Refuses a post nested deeper than kMaxNesting (Markdown containers and the raw HTML elements left open around
// them together) before gumbo, and the converters that recurse over its tree, see it.
void check_nesting(cmark_node* doc, int line_offset) {
  HtmlNesting html;
  int depth = 0;
  cmark_iter* it = cmark_iter_new(doc);
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> owned(it, cmark_iter_free);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_EXIT) {
      --depth;
      continue;
    }
    if (node == doc) continue;
    int line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);
    for (cmark_node* p = node; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
    size_t here = static_cast<size_t>(depth + !is_leaf(node)) + html.depth();  // text is no element
    auto type = cmark_node_get_type(node);
    if ((type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) && !is_ruby_markup(node)) {
      const char* raw = cmark_node_get_literal(node);
      auto peak = html.feed(raw ? raw : "", kMaxNesting);
      if (peak.depth + depth > static_cast<size_t>(kMaxNesting)) {
        here = peak.depth + depth;
        line += peak.line;
        if (peak.line > 0) col = 0;  // on a later line of the HTML, whose columns are not counted
      }
    }
    if (here > static_cast<size_t>(kMaxNesting))
      throw InputError({"", line + line_offset, col, too_deep_message()});
    if (!is_leaf(node)) ++depth;
  }
}

// cmark-gfm writes footnote markers with bare attributes (`<section data-footnotes>`), the only markup of its own
// that is not XML; `=""` is the same attribute in HTML. One pass that copies: replacing in place moved the rest of
// the page once per marker, and 90,000 references to one footnote took a minute.
void quote_bare_attributes(std::string& html) {
  static constexpr std::string_view kBare[] = {" data-footnotes>", " data-footnote-ref>", " data-footnote-backref "};
  std::string out;
  size_t copied = 0;
  for (size_t at = html.find(" data-footnote"); at != std::string::npos; at = html.find(" data-footnote", at + 1)) {
    for (std::string_view b : kBare) {
      if (html.compare(at, b.size(), b) != 0) continue;
      if (out.empty()) out.reserve(html.size() + html.size() / 8);
      out.append(html, copied, at + b.size() - 1 - copied);
      out += "=\"\"";
      copied = at + b.size() - 1;
      break;
    }
  }
  if (copied == 0) return;
  out.append(html, copied, std::string::npos);
  html = std::move(out);
}

}  // namespace

MarkdownHtml render_markdown(const std::string& markdown, int first_line, const MarkdownDialect& dialect) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // Table alignment as style attributes: HTML5 (and so EPUB) has no align attribute.
  // The whole info string: what follows a fence's language (data-meta) says which lines are numbered or marked.
  const int options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_FULL_INFO_STRING |
                      CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (dialect.smart_punctuation ? CMARK_OPT_SMART : 0) |
                      (dialect.hard_breaks ? CMARK_OPT_HARDBREAKS : 0);
  // HTML blocks marked markdown="1" are opened, and `:::` containers become callout block quotes, line for line,
  // before anything else reads the lines.
  std::string opened = open_markdown_in_html(markdown);
  const std::string& written = opened.empty() ? markdown : opened;
  std::string contained = open_admonitions(written);
  const std::string& source = contained.empty() ? written : contained;
  const bool escapes = source.find("\\{") != std::string::npos;
  std::string marked;
  const std::string& braced = escapes ? (marked = mark_escaped_braces(source)) : source;
  // Emphasis by the CJK-friendly amendments: marks that cmark-gfm's own rule reads as the amended one.
  std::string flanked = mark_cjk_flanking(braced);
  const std::string& cjk = flanked.empty() ? braced : flanked;
  // Last, the shapes Debian's cmark-gfm takes quadratic time over, rewritten to render the same in linear time.
  std::string linear;
  try {
    linear = linear_markdown(cjk);
  } catch (InputError& e) {
    e.where.line += first_line - 1;
    throw;
  }
  const std::string& input = linear.empty() ? cjk : linear;
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(nullptr, cmark_node_free);
  // The extensions the renderer needs, in a list of our own: the parser that has them is freed before rendering.
  cmark_llist* extensions = nullptr;
  std::unique_ptr<cmark_llist*, std::function<void(cmark_llist**)>> owned_extensions(
      &extensions, [](cmark_llist** l) { cmark_llist_free(cmark_get_default_mem_allocator(), *l); });
  {
    // cmark-gfm keeps the inline parser's special characters in a global table that attaching an extension
    // (strikethrough's `~`) and freeing a parser change: two parsers at once lose each other's `~~`. Posts are
    // parsed one at a time; the tree's passes and the rendering need no parser and run in parallel.
    static std::mutex parser_mutex;
    std::lock_guard parsing(parser_mutex);
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
    for (const char* name : kExtensions) {
      if (auto* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser.get(), ext);
        extensions = cmark_llist_append(cmark_get_default_mem_allocator(), extensions, ext);
      }
    }
    cmark_parser_feed(parser.get(), input.data(), input.size());
    doc.reset(cmark_parser_finish(parser.get()));
  }
  if (!flanked.empty()) unmark_cjk_flanking(doc.get());
  trim_cjk_autolinks(doc.get());
  check_nesting(doc.get(), first_line - 1);
  if (!contained.empty()) drop_container_ends(doc.get());
  apply_attribute_lists(doc.get(), input);
  add_ruby_to_text(doc.get());  // consolidates the text nodes, as make_callouts needs
  if (source.find("[!") != std::string::npos) make_callouts(doc.get());
  if (escapes) restore_escaped_braces(doc.get());
  bool is_xml = prepare_tree(doc.get(), first_line - 1, !dialect.hard_breaks);
  char* html = cmark_render_html(doc.get(), options, extensions);
  std::string out = html;
  free(html);
  if (!flanked.empty()) strip_cjk_marks(out);
  quote_bare_attributes(out);
  return {shift_source_lines(out, first_line - 1), is_xml};
}

}  // namespace mkepub
