// Raw HTML to XHTML (https://www.w3.org/TR/epub-33/#sec-xhtml): gumbo parses, pugixml holds the result.
// gumbo is used here and nowhere else.
#include "render/xhtml.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <set>
#include <string_view>
#include <utility>

#include "base/input_limits.h"
#include "base/text.h"
#include "epub/templates.h"
#include "render/attribute_lists.h"
#include "render/content_model.h"
#include "render/nesting.h"
#include "render/xhtml_policy.h"

namespace mkepub {
namespace {

enum class NodeKind { kText, kComment, kElement, kOther };

// gumbo's tree as the Converter reads it.
class GumboTree {
 public:
  using Node = const GumboNode*;
  static NodeKind kind(Node n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA: return NodeKind::kText;
      case GUMBO_NODE_COMMENT: return NodeKind::kComment;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: return NodeKind::kElement;
      default: return NodeKind::kOther;
    }
  }
  static std::string_view text(Node n) { return n->v.text.text; }
  static std::string tag(Node n) {
    const GumboElement& e = n->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string tag(piece.data, piece.length);
    for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tag;
  }
  static bool is_html(Node n) { return n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML; }
  // The line of the node's start in the HTML text, from 1.
  static int line(Node n) {
    return int(kind(n) == NodeKind::kElement ? n->v.element.start_pos.line : n->v.text.start_pos.line);
  }
  static const char* attribute(Node n, const char* name) {
    auto* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
  }
  template <class F>
  static void each_attribute(Node n, F f) {
    const GumboVector& attrs = n->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
      auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      f(a->name, a->value);
    }
  }
  template <class F>
  static void each_child(Node n, F f) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) f(static_cast<Node>(kids.data[i]));
  }
};

// pugixml's tree of HTML that is XML too, as the Converter reads it. Lines are counted from the nodes' offsets in
// the text, forward from the last one asked for, since the Converter asks in document order.
class XmlTree {
 public:
  using Node = pugi::xml_node;
  explicit XmlTree(std::string_view text) : text_(text) {}
  static NodeKind kind(Node n) {
    switch (n.type()) {
      case pugi::node_pcdata: case pugi::node_cdata: return NodeKind::kText;
      case pugi::node_comment: return NodeKind::kComment;
      case pugi::node_element: return NodeKind::kElement;
      default: return NodeKind::kOther;
    }
  }
  static std::string_view text(Node n) { return n.value(); }
  static std::string tag(Node n) { return n.name(); }
  static bool is_html(Node) { return true; }
  int line(Node n) {
    auto offset = static_cast<size_t>(std::max<ptrdiff_t>(n.offset_debug(), 0));
    offset = std::min(offset, text_.size());
    if (offset >= at_) line_ += std::count(text_.begin() + at_, text_.begin() + offset, '\n');
    else line_ -= std::count(text_.begin() + offset, text_.begin() + at_, '\n');
    at_ = offset;
    return line_;
  }
  static const char* attribute(Node n, const char* name) {
    auto a = n.attribute(name);
    return a ? a.value() : nullptr;
  }
  template <class F>
  static void each_attribute(Node n, F f) {
    for (auto a : n.attributes()) f(a.name(), a.value());
  }
  template <class F>
  static void each_child(Node n, F f) {
    for (auto c : n.children()) f(c);
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
  int line_ = 1;
};

// Writes a parsed HTML tree as XHTML under `out`, applying xhtml_policy.h's rules and keeping the post lines of
// links and images. One policy for both parsers' trees, so that they give the same pages.
template <class Tree>
class Converter {
 public:
  using Node = typename Tree::Node;
  Converter(Tree& tree, const std::string& display, Diagnostics& diag) : tree_(tree), display_(display), diag_(diag) {}

  // Recursive, so bounded: render_markdown refuses deeper posts before they are parsed, this is the backstop.
  void children(Node parent, pugi::xml_node out) {
    if (++depth_ > kMaxNesting) throw InputError({display_, line_, 0, too_deep_message()});
    Tree::each_child(parent, [&](Node n) { node(n, out); });
    --depth_;
  }

 private:
  Tree& tree_;
  const std::string& display_;
  Diagnostics& diag_;
  int line_ = 0;          // post line of the nearest block or raw-HTML marker
  int marker_html_line_ = 0;  // line of that marker in the HTML text
  int depth_ = 0;
  std::optional<AttributeList> pending_attributes_;  // from a marker for the next element

  int line_of(Node n) { return line_ + tree_.line(n) - marker_html_line_; }

  void warn(Node n, const std::string& what, const char* kind) { diag_.warn({display_, line_of(n), 0, what, kind}); }

  void node(Node n, pugi::xml_node out) {
    switch (Tree::kind(n)) {
      case NodeKind::kText: {
        std::string_view raw = Tree::text(n);
        if (xml_text_length(raw) == raw.size()) {  // most text: nothing to drop, no copy
          if (!raw.empty()) out.append_child(pugi::node_pcdata).set_value(raw.data(), raw.size());
        } else if (auto text = xml_text(raw); !text.empty()) {
          out.append_child(pugi::node_pcdata).set_value(text.c_str());
        }
        break;
      }
      case NodeKind::kComment: {
        std::string_view c = Tree::text(n);
        if (c.rfind("mkepub-line:", 0) == 0) {
          line_ = std::stoi(std::string(c.substr(12)));
          marker_html_line_ = tree_.line(n);
        } else if (auto marker = read_attribute_marker(c)) {
          attribute_marker(*marker, out);
        }
        break;  // no comment reaches the book: `--` inside one is fatal to XML parsers
      }
      case NodeKind::kElement:
        element(n, out);
        break;
      default:
        break;
    }
  }

  void element(Node e, pugi::xml_node out) {
    std::string tag = Tree::tag(e);
    if (!Tree::is_html(e) && tag != "svg" && tag != "math") {
      children(e, out);
      return;
    }
    // cmark-gfm marks every block with its source lines; keep the line for messages, drop the attribute.
    if (const char* pos = Tree::attribute(e, "data-sourcepos")) {
      line_ = std::atoi(pos);
      marker_html_line_ = tree_.line(e);
    }
    if (tag == "input" && is_checkbox(e)) {  // GFM task lists: keep the state as a character
      out.append_child(pugi::node_pcdata).set_value(Tree::attribute(e, "checked") ? "\u2611" : "\u2610");
      return;
    }
    if (is_dropped_element(tag)) {
      warn(e, "<" + tag + "> removed: e-books cannot carry it", "unsafe HTML removed");
      return;
    }
    std::string name(renamed_element(tag));
    if (!is_kept_element(name)) {
      if (!tag.empty() && tag != "html" && tag != "body")
        warn(e, "<" + tag + "> is not an XHTML element; kept its content only", "unknown HTML element");
      children(e, out);
      return;
    }
    auto el = out.append_child(name.c_str());
    attributes(e, name, el);
    if (pending_attributes_) add_attributes(el, *std::exchange(pending_attributes_, std::nullopt));
    if (name == "a" || name == "img") el.append_attribute(kLineAttr) = line_of(e);
    if (name == "img" && !el.attribute("alt")) el.append_attribute("alt") = "";
    children(e, el);
  }

  // An attribute list's marker (attribute_lists.h): its element gets the id, unless it has one, and the classes.
  void attribute_marker(const AttributeMarker& marker, pugi::xml_node out) {
    pugi::xml_node el;
    if (marker.target == MarkerTarget::next) {
      pending_attributes_ = marker.attributes;
      return;
    }
    if (marker.target == MarkerTarget::up) el = out;
    else
      for (el = out.last_child(); el && el.type() != pugi::node_element; el = el.previous_sibling()) {
        if (el.type() == pugi::node_pcdata &&
            std::string_view(el.value()).find_first_not_of(" \t\n") != std::string_view::npos)
          return;  // text between: the list followed no element
      }
    if (el && el.type() == pugi::node_element) add_attributes(el, marker.attributes);
  }

  static void add_attributes(pugi::xml_node el, const AttributeList& list) {
    if (!list.id.empty() && !el.attribute("id")) el.append_attribute("id") = xml_text(list.id).c_str();
    if (list.classes.empty()) return;
    std::string classes = el.attribute("class").value();
    for (const auto& c : list.classes) classes += (classes.empty() ? "" : " ") + xml_text(c);
    if (!el.attribute("class")) el.append_attribute("class");
    el.attribute("class") = classes.c_str();
  }

  static bool is_checkbox(Node e) {
    const char* type = Tree::attribute(e, "type");
    return type && std::string_view(type) == "checkbox";
  }

  void attributes(Node e, const std::string& tag, pugi::xml_node el) {
    Tree::each_attribute(e, [&](const char* raw_name, std::string_view value) {
      std::string_view name = raw_name;
      if (name.size() > 2 && name.substr(0, 2) == "on") {
        warn(e, "event handler `" + std::string(name) + "` removed", "unsafe HTML removed");
        return;
      }
      if ((name == "href" || name == "src") && is_unsafe_url(value)) {
        warn(e, "`" + std::string(name) + "` with a script or data URL removed", "unsafe HTML removed");
        return;
      }
      if (name == "style" && style_loads_resource(value)) {
        warn(e, "`style` that loads a file or a URL removed", "unsafe HTML removed");
        return;
      }
      if (name == "style" && !style_is_declarations(value)) {
        warn(e, "`style` that is not CSS declarations removed", "invalid HTML removed");
        return;
      }
      if (!attribute_allowed(tag, name, value) || el.attribute(raw_name)) return;
      if ((name == "href" || name == "src") && value.find('%') != std::string_view::npos) {
        el.append_attribute(raw_name) = xml_text(escape_stray_percent(value)).c_str();
        return;
      }
      el.append_attribute(raw_name) = xml_text(value).c_str();
      if (name == "lang") el.append_attribute("xml:lang") = xml_text(value).c_str();
    });
  }
};

// Characters an HTML5 parser does not read as themselves: gumbo turns C0 and C1 controls and noncharacters into
// U+FFFD, and line ends into line feeds. Text with any of them is left to gumbo, so both readings agree.
bool has_characters_html_replaces(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    if (c < 0x80) return true;
    char32_t cp = next_code_point(s, i);
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return true;
  }
  return false;
}

}  // namespace

std::string line_marker(int line) { return "<!--mkepub-line:" + std::to_string(line) + "-->"; }

void append_html(pugi::xml_node parent, const std::string& html, const std::string& display, Diagnostics& diag,
                 bool is_xml) {
  if (is_xml && !has_characters_html_replaces(html)) {
    // Kept whitespace-only text and comments (the line markers), as gumbo keeps them; attribute values as written.
    constexpr unsigned kOptions = pugi::parse_escapes | pugi::parse_eol | pugi::parse_comments |
                                  pugi::parse_ws_pcdata | pugi::parse_fragment;
    pugi::xml_document doc;
    if (doc.load_buffer(html.data(), html.size(), kOptions, pugi::encoding_utf8)) {
      XmlTree tree(html);
      Converter converter(tree, display, diag);
      converter.children(doc, parent);
      repair_content_model(parent);
      return;
    }
  }
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> owned(
      output, [&options](GumboOutput* o) { gumbo_destroy_output(&options, o); });
  GumboTree tree;
  Converter converter(tree, display, diag);
  converter.children(output->root, parent);
  repair_content_model(parent);
}

}  // namespace mkepub
