// YAML documents loaded with their size bounded: a guard against alias bombs and aliases inside their own anchor;
// and checked by libyaml, which refuses what the spec refuses.
#include "sources/yaml_bounds.h"

#include <yaml-cpp/depthguard.h>

#include <utility>
#include <vector>

#include "base/input_limits.h"
#include "sources/yaml_oracle.h"

namespace mkepub {

namespace {

const std::string kTooDeep = "nested more than " + std::to_string(kMaxNesting) + " levels deep";

// Visits the tree as the readers will, aliases expanded, with an explicit stack: neither an endless tree nor a
// deep one can overflow the call stack.
void check_bounds(const YAML::Node& root) {
  std::vector<std::pair<YAML::Node, int>> todo = {{root, 0}};
  for (size_t values = 0; !todo.empty();) {
    auto [node, depth] = std::move(todo.back());
    todo.pop_back();
    if (++values > kMaxYamlValues)
      throw YAML::ParserException(node.Mark(), "more than " + std::to_string(kMaxYamlValues) +
                                                   " values once aliases are expanded");
    if (depth > kMaxNesting) throw YAML::ParserException(node.Mark(), kTooDeep);
    if (node.IsSequence()) {
      for (const auto& item : node) todo.emplace_back(item, depth + 1);
    } else if (node.IsMap()) {
      for (const auto& kv : node) {
        todo.emplace_back(kv.first, depth + 1);
        todo.emplace_back(kv.second, depth + 1);
      }
    }
  }
}

}  // namespace

YAML::Node load_bounded_yaml(const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    throw YAML::ParserException(e.mark, kTooDeep);  // yaml-cpp's own message is "bad file"
  }
  // What yaml-cpp accepts but the YAML spec does not is an error where libyaml finds it.
  if (auto problem = libyaml_problem(text)) {
    YAML::Mark mark;
    mark.line = problem->line;
    mark.column = problem->column;
    throw YAML::ParserException(mark, problem->message);
  }
  check_bounds(root);
  return root;
}

}  // namespace mkepub
