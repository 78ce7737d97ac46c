// Walks over a pugixml tree in document order, where XPath was too slow: a query is compiled and a node set built
// on every call, and `//text()[not(ancestor::...)]` looks up every text node's ancestors again. On a book of
// thousands of pages the queries were a tenth of the build's time.
#pragma once

#include <pugixml.hpp>

#include <string_view>
#include <vector>

namespace mkepub {

// Calls `visit(node)` on every node below `root`, `root` not included, in document order; where it returns false,
// that node's descendants are skipped. Recursive: trees are bounded by kMaxNesting (input_limits.h).
template <class Visit>
void walk_below(pugi::xml_node root, Visit&& visit) {
  for (auto n = root.first_child(); n; n = n.next_sibling())
    if (visit(n)) walk_below(n, visit);
}

// The elements below `root` that `keep` selects, in document order: a list to change the tree through safely.
template <class Keep>
std::vector<pugi::xml_node> elements_below(pugi::xml_node root, Keep&& keep) {
  std::vector<pugi::xml_node> found;
  walk_below(root, [&](pugi::xml_node n) {
    if (n.type() == pugi::node_element && keep(n)) found.push_back(n);
    return true;
  });
  return found;
}

inline bool is_text(pugi::xml_node n) { return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata; }

inline bool is_named(pugi::xml_node n, std::string_view name) { return name == n.name(); }

}  // namespace mkepub
