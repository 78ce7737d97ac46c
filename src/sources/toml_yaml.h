// Sources: TOML (https://toml.io/en/v1.0.0) read into the YAML tree that every front matter and config reader
// walks (yaml_fields.h), so Hugo's `+++` front matter and hugo.toml are read by the same code as YAML.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace mkepub {

struct TomlError {
  int line = 0, column = 0;  // in `text`, from 1
  std::string message;       // starts in lower case
};

// Tables become maps, arrays sequences, and every other value a scalar as TOML writes it (dates in RFC 3339).
// The nodes carry no marks: messages about a value name the document's first line. Throws TomlError.
YAML::Node toml_to_yaml(std::string_view text);

}  // namespace mkepub
