// make's rule syntax (GNU make manual, "Rule Syntax"; ninja's depfile parser accepts the same escapes).
#include "run/depfile.h"

#include <algorithm>

namespace mkepub {

std::string make_dependencies(const fs::path& output, BookDeps deps) {
  auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#' || c == ':') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::sort(deps.inputs.begin(), deps.inputs.end());
  deps.inputs.erase(std::unique(deps.inputs.begin(), deps.inputs.end()), deps.inputs.end());
  std::string out = escape(output.generic_string()) + ":";
  for (const auto& in : deps.inputs) out += " \\\n  " + escape(in.generic_string());
  return out + "\n";
}

}  // namespace mkepub
