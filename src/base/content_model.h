// The content model of HTML's elements (https://html.spec.whatwg.org/multipage/dom.html#content-models), the part
// EPUB's XHTML schema enforces and HTML5 parsers do not: which children each element may hold. One table for the
// render stage, which repairs trees against it, and the self-check, which refuses a book that breaks it.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace mkepub {

// Elements whose content is phrasing only (HTML 4.3-4.5): `<p>`, headings, `<span>`, `<em>`...
bool is_phrasing_only(std::string_view name);
// Flow elements that are not phrasing: a block, which a phrasing-only element may not hold.
bool is_block(std::string_view name);
// Lists (`ul`, `ol`, `menu`): their children are `li` only.
bool is_list(std::string_view name);
// Script-supporting elements, allowed anywhere (the schema's common.elem.script-supporting).
bool is_script_supporting(std::string_view name);

// A child an element may not hold, by class: a rule of the table broken by one of `el`'s children.
enum class ContentRule {
  kNone,
  kBlockInPhrasing,    // <p><div>
  kListChild,          // <ul><ul>, <ul><p>, text in <ul>
  kLiOutsideList,      // <li> in <div>
  kDlChild,            // <dl><pre>, text in <dl>
  kDlMixed,            // <dl><div>..</div><dt>
  kDdWithoutDt,        // <dl><dd> first
  kDtWithoutDd,        // <dl>..<dt></dl>
  kDefinitionOutsideDl,  // <dt> or <dd> in <div>
};
struct ContentModelProblem {
  pugi::xml_node child;  // the misplaced child; the <dl> itself for kDtWithoutDd
  std::string what;      // "", or e.g. "<ul> directly inside <ul>"
  ContentRule rule = ContentRule::kNone;
};
// The first child of `el` that its content model does not allow (text counts when it is not white space), or
// an empty `what`. Only the classes in the table: block in phrasing, list children, `li` outside a list,
// `dl` children and their dt/dd order, `dt`/`dd` outside a `dl`.
ContentModelProblem content_model_problem(pugi::xml_node el);

}  // namespace mkepub
