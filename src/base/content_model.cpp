// The content model table (content_model.h), after HTML's element definitions
// (https://html.spec.whatwg.org/multipage/grouping-content.html) as EPUB's XHTML schema states them.
#include "base/content_model.h"

#include <cctype>
#include <set>

namespace mkepub {
namespace {

// `a` is transparent in HTML, but inside a paragraph (where links mostly are) that means phrasing: treated as
// phrasing only, the safe reading. `pre`, `summary` and `caption` take phrasing content too.
const std::set<std::string_view> kPhrasingOnly = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "em", "strong", "b", "i", "u", "s", "small", "sub",
    "sup", "code", "kbd", "samp", "var", "mark", "abbr", "cite", "dfn", "q", "bdi", "bdo", "ruby", "rb", "rt",
    "rtc", "rp", "pre", "summary", "caption"};
const std::set<std::string_view> kBlock = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "figure", "footer", "header", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "main", "ol", "p", "pre", "section", "table", "ul", "figcaption", "dd",
    "dt", "li", "summary", "menu", "nav"};

bool is_element(pugi::xml_node n) { return n.type() == pugi::node_element; }

bool is_blank_text(pugi::xml_node n) {
  if (n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) return true;
  for (const char* v = n.value(); *v; ++v)
    if (!std::isspace(static_cast<unsigned char>(*v))) return false;
  return true;
}

std::string tag(std::string_view name) { return "<" + std::string(name) + ">"; }

// dl: (dt+ dd+)* or div* (HTML 4.4.9); script-supporting elements anywhere; no text. In document order, so
// that stray content goes into the right dd.
ContentModelProblem dl_problem(pugi::xml_node dl) {
  std::string_view previous;  // the last dt, dd or div
  bool divs = false, terms = false;
  for (auto c : dl.children()) {
    if (!is_element(c) && !is_blank_text(c)) return {c, "text directly inside <dl>", ContentRule::kDlChild};
    if (!is_element(c) || is_script_supporting(c.name())) continue;
    std::string_view name = c.name();
    if (name != "dt" && name != "dd" && name != "div") return {c, tag(name) + " directly inside <dl>", ContentRule::kDlChild};
    (name == "div" ? divs : terms) = true;
    if (divs && terms) return {c, "<div> and <dt>/<dd> mixed inside <dl>", ContentRule::kDlMixed};
    if (name == "dd" && previous != "dt" && previous != "dd") return {c, "<dd> without a <dt> before it in <dl>", ContentRule::kDdWithoutDt};
    previous = name;
  }
  if (previous == "dt") return {dl, "<dt> without a <dd> after it in <dl>", ContentRule::kDtWithoutDd};
  return {};
}

}  // namespace

bool is_phrasing_only(std::string_view name) { return kPhrasingOnly.count(name) > 0; }
bool is_block(std::string_view name) { return kBlock.count(name) > 0; }
bool is_list(std::string_view name) { return name == "ul" || name == "ol" || name == "menu"; }
bool is_script_supporting(std::string_view name) { return name == "script" || name == "template"; }

ContentModelProblem content_model_problem(pugi::xml_node el) {
  std::string_view name = el.name();
  bool list = is_list(name), dl = name == "dl", phrasing = is_phrasing_only(name);
  bool in_dl = dl || (name == "div" && std::string_view(el.parent().name()) == "dl");
  for (auto c : el.children()) {
    if (!is_element(c)) {
      if (list && !is_blank_text(c)) return {c, "text directly inside " + tag(name), ContentRule::kListChild};
      continue;
    }
    std::string_view child = c.name();
    if (phrasing && is_block(child)) return {c, tag(child) + " inside " + tag(name), ContentRule::kBlockInPhrasing};
    if (list && child != "li" && !is_script_supporting(child)) return {c, tag(child) + " directly inside " + tag(name), ContentRule::kListChild};
    if (!list && child == "li") return {c, "<li> outside a list, inside " + tag(name), ContentRule::kLiOutsideList};
    if (!in_dl && (child == "dt" || child == "dd")) return {c, tag(child) + " outside a <dl>, inside " + tag(name), ContentRule::kDefinitionOutsideDl};
  }
  if (dl) return dl_problem(el);
  return {};
}

}  // namespace mkepub
