// Render stage: content model repair (content_model.h), one function per rule of base/content_model.h's table.
#include "render/content_model.h"

#include <cctype>
#include <string_view>

#include "base/content_model.h"
#include "base/dom.h"
#include "epub/templates.h"

namespace mkepub {
namespace {

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

pugi::xml_node previous_element(pugi::xml_node n) {
  for (auto p = n.previous_sibling(); p; p = p.previous_sibling())
    if (is_element(p)) return p;
  return {};
}

// Splits `parent` around `child`: parent's earlier children stay, `child` follows it, the later ones go into
// a copy of parent after that. Empty halves are removed.
void lift_out_of_phrasing(pugi::xml_node parent, pugi::xml_node child) {
  auto outer = parent.parent();
  auto tail = outer.insert_child_after(parent.name(), parent);
  for (auto a : parent.attributes())
    if (std::string_view(a.name()) != "id") tail.append_attribute(a.name()) = a.value();
  while (child.next_sibling()) tail.append_move(child.next_sibling());
  outer.insert_move_after(child, parent);
  if (is_blank(tail)) outer.remove_child(tail);
  if (is_blank(parent)) outer.remove_child(parent);
}

// `child` into the `item` element just before it (with the white space between), or into a new one.
void move_into_item(pugi::xml_node child, const char* item) {
  auto parent = child.parent();
  auto previous = previous_element(child);
  if (previous && is_named(previous, item)) {
    while (previous.next_sibling() != child) previous.append_move(previous.next_sibling());
    previous.append_move(child);
    return;
  }
  auto wrapper = parent.insert_child_before(item, child);
  wrapper.append_move(child);
}

// `first` and the siblings after it that `belongs` accepts (white space between them too) into a new `name`.
template <class Belongs>
void wrap_run(pugi::xml_node first, const char* name, Belongs belongs) {
  auto wrapper = first.parent().insert_child_before(name, first);
  for (auto n = first; n;) {
    auto next = n.next_sibling();
    if (is_element(n) ? !belongs(n.name()) : !is_blank(n)) break;
    wrapper.append_move(n);
    n = next;
  }
  while (wrapper.last_child() && !is_element(wrapper.last_child()))  // trailing white space stays outside
    wrapper.parent().insert_move_after(wrapper.last_child(), wrapper);
}

void unwrap_divs(pugi::xml_node dl) {
  for (auto c = dl.first_child(); c;) {
    auto next = c.next_sibling();
    if (is_named(c, "div")) unwrap_element(c);
    c = next;
  }
}

void apply(const ContentModelProblem& p, pugi::xml_node el) {
  switch (p.rule) {
    case ContentRule::kBlockInPhrasing: lift_out_of_phrasing(el, p.child); break;
    case ContentRule::kListChild: move_into_item(p.child, "li"); break;
    case ContentRule::kDlChild: move_into_item(p.child, "dd"); break;
    case ContentRule::kLiOutsideList:
      wrap_run(p.child, "ul", [](std::string_view n) { return n == "li"; });
      break;
    case ContentRule::kDefinitionOutsideDl:
      wrap_run(p.child, "dl", [](std::string_view n) { return n == "dt" || n == "dd"; });
      break;
    case ContentRule::kDlMixed: unwrap_divs(el); break;
    case ContentRule::kDdWithoutDt: el.insert_child_before("dt", p.child); break;
    case ContentRule::kDtWithoutDd: el.append_child("dd"); break;
    case ContentRule::kNone: break;
  }
}

// One invalid nesting under `root` fixed; false when none is left.
bool repair_one(pugi::xml_node root) {
  for (auto el = root.first_child(); el; el = el.next_sibling()) {
    if (!is_element(el)) continue;
    if (repair_one(el)) return true;
    if (auto problem = content_model_problem(el); problem.rule != ContentRule::kNone) {
      apply(problem, el);
      return true;
    }
    for (auto child = el.first_child(); child; child = child.next_sibling()) {
      if (is_named(child, "a") && (is_named(el, "a") || el.select_node("ancestor::a"))) {
        unwrap_element(child);
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void repair_content_model(pugi::xml_node root) {
  for (;;) {
    if (repair_one(root)) continue;
    // The root's own children: `root` stays where it is, so a block in it is not lifted out.
    auto problem = content_model_problem(root);
    if (problem.rule == ContentRule::kNone || problem.rule == ContentRule::kBlockInPhrasing) return;
    apply(problem, root);
  }
}

}  // namespace mkepub
