// YAML documents loaded with their size bounded (input_limits.h). yaml-cpp shares an aliased node instead of copying it,
// but every walk over the tree (a post's tags, a site's variables) follows each alias again.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace mkepub {

// YAML::Load, then one walk with a budget. A document of more than kMaxYamlValues values once its aliases are
// expanded, or nested deeper than kMaxNesting, throws YAML::ParserException at the value where the budget ran out,
// so that callers report it as they report invalid YAML; so does a document libyaml refuses (yaml_oracle.h).
YAML::Node load_bounded_yaml(const std::string& text);

}  // namespace mkepub
