// -M and --metadata-file: the command line's book-config keys, read by the book config's own key table.
#include "run/command_line_keys.h"

#include <map>

#include "sources/book_config.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

namespace mkepub {
namespace {

// A YAML double-quoted scalar: the value stays text whatever it holds (`: `, `#`, `[`).
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += ' ';  // other control characters are no part of any metadata
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

}  // namespace

std::string yaml_of_pairs(const std::vector<std::string>& pairs) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& pair : pairs) {
    size_t eq = pair.find('=');
    std::string key = pair.substr(0, eq), value = eq == std::string::npos ? "true" : pair.substr(eq + 1);
    if (!values.count(key)) order.push_back(key);
    values[key].push_back(value);
  }
  std::string yaml;
  for (const auto& key : order) {
    const auto& list = values[key];
    yaml += quoted(key) + ": ";
    if (list.size() == 1) {
      yaml += quoted(list[0]);
    } else {
      yaml += "[";
      for (size_t i = 0; i < list.size(); ++i) yaml += (i ? ", " : "") + quoted(list[i]);
      yaml += "]";
    }
    yaml += "\n";
  }
  return yaml;
}

bool apply_command_line_keys(const std::vector<std::string>& pairs, const fs::path& file, Options& o,
                             std::set<std::string>& given, Diagnostics& diag) {
  if (!pairs.empty() && !apply_command_line_keys(yaml_of_pairs(pairs), "-M", o, given, diag)) return false;
  if (file.empty()) return true;
  auto bytes = read_input(file);
  if (!bytes) {
    diag.error({file.generic_string(), 0, 0, "cannot read the metadata file"});
    return false;
  }
  try {
    return apply_command_line_keys(decode_text(std::move(*bytes), file.generic_string()), file, o, given, diag);
  } catch (const InputError& e) {
    diag.error(e.where);
    return false;
  }
}

}  // namespace mkepub
