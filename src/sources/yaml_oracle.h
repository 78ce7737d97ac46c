// libyaml as a second reader of every YAML document: yaml-cpp accepts documents the YAML spec rejects (a quoted
// scalar left open runs to the end of the document, swallowing the keys after it), and libyaml, the reader
// Jekyll's Ruby (Psych) and PyYAML are built on, follows the spec there.
#pragma once

#include <optional>
#include <string>

namespace mkepub {

struct YamlProblem {
  int line = 0, column = 0;  // 0-based, as YAML::Mark counts
  std::string message;
};

// Why libyaml refuses `text`, at the place it names (the start of the construct left open when the problem is
// that the text ended); nullopt when it reads the whole stream.
std::optional<YamlProblem> libyaml_problem(const std::string& text);

}  // namespace mkepub
