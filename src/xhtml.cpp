// Raw HTML to XHTML (https://www.w3.org/TR/epub-33/#sec-xhtml): gumbo parses, pugixml holds the result.
// gumbo is used here and nowhere else.
#include "xhtml.h"

#include <gumbo.h>

#include <cctype>
#include <functional>
#include <memory>
#include <set>
#include <string_view>

#include "input_limits.h"
#include "nesting.h"
#include "templates.h"
#include "text.h"

namespace mkepub {
namespace {

const std::set<std::string_view> kAllowed = {
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark",
    "ol", "p", "pre", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr"};

// Removed with everything inside them: active content, forms, and head-only elements.
const std::set<std::string_view> kDropped = {
    "script", "iframe", "frame", "frameset", "form", "object", "embed", "applet", "input", "button", "select",
    "textarea", "style", "link", "meta", "noscript", "template", "audio", "video", "canvas", "svg", "math",
    "base", "title", "head", "param", "source", "track", "dialog", "portal"};

// Old presentational elements, kept as their modern equivalent.
std::string_view renamed(std::string_view tag) {
  if (tag == "center") return "div";
  if (tag == "font" || tag == "big" || tag == "blink" || tag == "nobr") return "span";
  if (tag == "tt") return "code";
  if (tag == "strike") return "s";
  if (tag == "acronym") return "abbr";
  return tag;
}

bool is_integer(std::string_view v) {
  if (v.empty() || v.size() > 9) return false;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool is_xml_name(std::string_view n) {
  if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
  for (char c : n)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

bool is_unsafe_url(std::string_view v) {
  std::string s;
  for (char c : v)
    if (!std::isspace(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(c));
  return s.rfind("javascript:", 0) == 0 || s.rfind("vbscript:", 0) == 0 || s.rfind("data:", 0) == 0;
}

// A style that loads something (`url(...)`, `image-set(...)`, old IE's `expression(...)`), or hides it behind a CSS
// escape: a remote one is invalid in EPUB, and a local one would have to be in the book.
bool style_loads_resource(std::string_view v) {
  std::string s;
  for (char c : v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* bad : {"url", "image-set", "expression", "\\"})
    if (s.find(bad) != std::string::npos) return true;
  return false;
}

// The attributes EPUB's XHTML schema accepts on each element we keep; the rest are dropped silently.
bool attribute_allowed(std::string_view tag, std::string_view name, std::string_view value) {
  if (name == "id" || name == "class" || name == "title" || name == "lang" || name == "dir" || name == "role" ||
      name == "style")
    return true;
  if (name.rfind("aria-", 0) == 0) return is_xml_name(name);
  if (tag == "a") return name == "href";
  if (tag == "img") return name == "src" || name == "alt" || ((name == "width" || name == "height") && is_integer(value));
  if (tag == "td" || tag == "th")
    return ((name == "colspan" || name == "rowspan") && is_integer(value) && value != "0") ||
           (tag == "th" && name == "scope" && (value == "row" || value == "col" || value == "rowgroup" || value == "colgroup"));
  if (tag == "col" || tag == "colgroup") return name == "span" && is_integer(value) && value != "0";
  if (tag == "ol")
    return (name == "start" && is_integer(value)) || name == "reversed" ||
           (name == "type" && (value == "1" || value == "a" || value == "A" || value == "i" || value == "I"));
  if (tag == "li") return name == "value" && is_integer(value);
  if (tag == "details") return name == "open";
  if (tag == "bdo") return name == "dir";
  return false;
}

bool has_attribute(const GumboElement* e, const char* name) {
  return gumbo_get_attribute(&e->attributes, name) != nullptr;
}

bool is_checkbox(const GumboElement* e) {
  auto* type = gumbo_get_attribute(&e->attributes, "type");
  return type && std::string_view(type->value) == "checkbox";
}

class Converter {
 public:
  Converter(const std::string& display, Diagnostics& diag) : display_(display), diag_(diag) {}

  // Recursive, so bounded: render_markdown refuses deeper posts before gumbo parses them, this is the backstop.
  void children(const GumboVector& kids, pugi::xml_node out) {
    if (++depth_ > kMaxNesting) throw InputError({display_, line_, 0, too_deep_message()});
    for (unsigned i = 0; i < kids.length; ++i) node(static_cast<const GumboNode*>(kids.data[i]), out);
    --depth_;
  }

 private:
  const std::string& display_;
  Diagnostics& diag_;
  int line_ = 0;          // post line of the nearest block or raw-HTML marker
  int marker_html_line_ = 0;  // line of that marker in the HTML text
  int depth_ = 0;

  int line_of(const GumboSourcePosition& pos) const { return line_ + int(pos.line) - marker_html_line_; }

  void warn(const GumboSourcePosition& pos, const std::string& what, const char* kind) {
    diag_.warn({display_, line_of(pos), 0, what, kind});
  }

  void node(const GumboNode* n, pugi::xml_node out) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: {
        auto text = xml_text(n->v.text.text);
        if (!text.empty()) out.append_child(pugi::node_pcdata).set_value(text.c_str());
        break;
      }
      case GUMBO_NODE_COMMENT: {
        std::string_view c = n->v.text.text;
        if (c.rfind("mkepub-line:", 0) == 0) {
          line_ = std::stoi(std::string(c.substr(12)));
          marker_html_line_ = int(n->v.text.start_pos.line);
        }
        break;  // no comment reaches the book: `--` inside one is fatal to XML parsers
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(&n->v.element, out);
        break;
      default:
        break;
    }
  }

  void element(const GumboElement* e, pugi::xml_node out) {
    std::string tag;
    if (e->tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece piece = e->original_tag;
      gumbo_tag_from_original_text(&piece);
      tag.assign(piece.data, piece.length);
      for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      tag = gumbo_normalized_tagname(e->tag);
    }
    if (e->tag_namespace != GUMBO_NAMESPACE_HTML && tag != "svg" && tag != "math") {
      children(e->children, out);
      return;
    }
    // cmark-gfm marks every block with its source lines; keep the line for messages, drop the attribute.
    for (unsigned i = 0; i < e->attributes.length; ++i) {
      auto* a = static_cast<const GumboAttribute*>(e->attributes.data[i]);
      if (std::string_view(a->name) == "data-sourcepos") {
        line_ = std::atoi(a->value);
        marker_html_line_ = int(e->start_pos.line);
      }
    }
    if (tag == "input" && is_checkbox(e)) {  // GFM task lists: keep the state as a character
      out.append_child(pugi::node_pcdata).set_value(has_attribute(e, "checked") ? "\u2611" : "\u2610");
      return;
    }
    if (kDropped.count(tag)) {
      warn(e->start_pos, "<" + tag + "> removed: e-books cannot carry it", "unsafe HTML removed");
      return;
    }
    std::string name(renamed(tag));
    if (!kAllowed.count(name)) {
      if (!tag.empty() && tag != "html" && tag != "body")
        warn(e->start_pos, "<" + tag + "> is not an XHTML element; kept its content only", "unknown HTML element");
      children(e->children, out);
      return;
    }
    auto el = out.append_child(name.c_str());
    attributes(e, name, el);
    if (name == "a" || name == "img") el.append_attribute(kLineAttr) = line_of(e->start_pos);
    if (name == "img" && !el.attribute("alt")) el.append_attribute("alt") = "";
    children(e->children, el);
  }

  void attributes(const GumboElement* e, const std::string& tag, pugi::xml_node el) {
    for (unsigned i = 0; i < e->attributes.length; ++i) {
      auto* a = static_cast<const GumboAttribute*>(e->attributes.data[i]);
      std::string_view name = a->name, value = a->value;
      if (name.size() > 2 && name.substr(0, 2) == "on") {
        warn(e->start_pos, "event handler `" + std::string(name) + "` removed", "unsafe HTML removed");
        continue;
      }
      if ((name == "href" || name == "src") && is_unsafe_url(value)) {
        warn(e->start_pos, "`" + std::string(name) + "` with a script or data URL removed", "unsafe HTML removed");
        continue;
      }
      if (name == "style" && style_loads_resource(value)) {
        warn(e->start_pos, "`style` that loads a file or a URL removed", "unsafe HTML removed");
        continue;
      }
      if (!attribute_allowed(tag, name, value) || el.attribute(a->name)) continue;
      el.append_attribute(a->name) = xml_text(value).c_str();
      if (name == "lang") el.append_attribute("xml:lang") = xml_text(value).c_str();
    }
  }
};

// Elements whose content model is phrasing only (HTML 4.10-4.5): a block inside one is invalid in EPUB even
// though HTML5 parsers build such trees (`<b><p>..</p></b>`, `<a><div>..</div></a>`).
const std::set<std::string_view> kPhrasingOnly = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "em", "strong", "b", "i", "u", "s", "small", "sub",
    "sup", "code", "kbd", "samp", "var", "mark", "abbr", "cite", "dfn", "q", "bdi", "bdo", "ruby", "rb", "rt",
    "rtc", "rp", "pre", "summary", "caption"};
const std::set<std::string_view> kBlock = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "figure", "footer", "header", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "main", "ol", "p", "pre", "section", "table", "ul", "figcaption", "dd",
    "dt", "li", "summary"};

bool is_element(pugi::xml_node n) { return n.type() == pugi::node_element; }

// No elements and only white space: what is left of an element a block was lifted out of.
bool is_blank(pugi::xml_node n) {
  for (auto c : n.children()) {
    if (is_element(c)) return false;
    for (const char* v = c.value(); *v; ++v)
      if (!std::isspace(static_cast<unsigned char>(*v))) return false;
  }
  return true;
}

// Splits `parent` around `child`: parent's earlier children stay, `child` follows it, the later ones go into
// a copy of parent after that. Empty halves are removed.
void hoist(pugi::xml_node parent, pugi::xml_node child) {
  auto outer = parent.parent();
  auto tail = outer.insert_child_after(parent.name(), parent);
  for (auto a : parent.attributes())
    if (std::string_view(a.name()) != "id") tail.append_attribute(a.name()) = a.value();
  while (child.next_sibling()) tail.append_move(child.next_sibling());
  outer.insert_move_after(child, parent);
  if (is_blank(tail)) outer.remove_child(tail);
  if (is_blank(parent)) outer.remove_child(parent);
}

// One invalid nesting under `root` (a block in a phrasing element, a link in a link), fixed; false when none.
bool repair_one(pugi::xml_node root) {
  for (auto el = root.first_child(); el; el = el.next_sibling()) {
    if (!is_element(el)) continue;
    if (repair_one(el)) return true;
    for (auto child = el.first_child(); child; child = child.next_sibling()) {
      if (!is_element(child)) continue;
      std::string_view name = child.name();
      if (kPhrasingOnly.count(el.name()) && kBlock.count(name)) {
        hoist(el, child);
        return true;
      }
      if (name == "a" && (std::string_view(el.name()) == "a" || el.select_node("ancestor::a"))) {
        unwrap_element(child);
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void repair_content_model(pugi::xml_node root) {
  while (repair_one(root)) {
  }
}

std::string line_marker(int line) { return "<!--mkepub-line:" + std::to_string(line) + "-->"; }

void append_html(pugi::xml_node parent, const std::string& html, const std::string& display, Diagnostics& diag) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> owned(
      output, [&options](GumboOutput* o) { gumbo_destroy_output(&options, o); });
  Converter converter(display, diag);
  converter.children(output->root->v.element.children, parent);
  repair_content_model(parent);
}

}  // namespace mkepub
