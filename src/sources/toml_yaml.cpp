// Sources: TOML into a YAML tree, with toml++ (TOML 1.0), which lives here and in dialects/mdbook/book_toml.cpp.
#include "sources/toml_yaml.h"

#include <toml++/toml.h>

#include <cctype>
#include <sstream>

namespace mkepub {
namespace {

YAML::Node convert(const toml::node& node) {
  if (auto table = node.as_table()) {
    YAML::Node map(YAML::NodeType::Map);
    for (const auto& [key, value] : *table) map[std::string(key.str())] = convert(value);
    return map;
  }
  if (auto array = node.as_array()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& item : *array) seq.push_back(convert(item));
    return seq;
  }
  if (auto s = node.as_string()) return YAML::Node(s->get());
  if (auto b = node.as_boolean()) return YAML::Node(b->get() ? "true" : "false");
  std::ostringstream out;  // numbers, dates and times as TOML writes them
  node.visit([&](const auto& value) { out << value; });
  return YAML::Node(out.str());
}

}  // namespace

YAML::Node toml_to_yaml(std::string_view text) {
  try {
    toml::table root = toml::parse(text);
    return convert(root);
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    throw TomlError{static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), what};
  }
}

}  // namespace mkepub
