// Fuzz target: yaml-cpp against libyaml, the spec's reader (issue 15, item 7). Every YAML document mkepub reads
// goes through load_bounded_yaml; what it accepts, libyaml must accept too (sources/yaml_oracle makes libyaml's
// refusals errors). With MKEPUB_FUZZ_YAML_SHAPES=1 it also asks that both read the same shape: the first
// document's root of the same kind (mapping, sequence, scalar) with as many entries. A difference is a document
// one parser misreads, which a post's front matter would turn into lost or swallowed keys.
#include <yaml.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sources/load.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_oracle.h"

namespace {

struct Shape {
  YAML::NodeType::value kind = YAML::NodeType::Null;
  size_t entries = 0;  // top-level items of a sequence, pairs of a mapping
};

// The first document's root as libyaml's events give it; nullopt when libyaml refuses the stream.
bool libyaml_shape(const std::string& text, Shape& shape) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  int depth = 0;  // inside the first document's root collection
  size_t nodes = 0;
  bool ok = true, root_seen = false, done = false;
  while (!done) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) {
      ok = false;
      break;
    }
    switch (e.type) {
      case YAML_MAPPING_START_EVENT:
      case YAML_SEQUENCE_START_EVENT:
        if (!root_seen) {
          root_seen = true;
          shape.kind = e.type == YAML_MAPPING_START_EVENT ? YAML::NodeType::Map : YAML::NodeType::Sequence;
        } else if (depth == 1) {
          ++nodes;
        }
        ++depth;
        break;
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT:
        --depth;
        break;
      case YAML_SCALAR_EVENT:
      case YAML_ALIAS_EVENT:
        if (!root_seen) {
          root_seen = true;
          shape.kind = YAML::NodeType::Scalar;
        } else if (depth == 1) {
          ++nodes;
        }
        break;
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT:
        done = true;
        break;
      default:
        break;
    }
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  shape.entries = shape.kind == YAML::NodeType::Map ? nodes / 2 : nodes;
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // What mkepub hands the parsers: decoded text, UTF-8 with LF line ends (a lone CR, which yaml-cpp would read as
  // a scalar and libyaml as a line end, never reaches them).
  std::string text;
  try {
    text = mkepub::decode_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const mkepub::InputError&) {
    return 0;
  }
  YAML::Node root;
  try {
    root = mkepub::load_bounded_yaml(text);
  } catch (const YAML::Exception&) {
    return 0;  // refused: reported to the user at its line
  }
  if (mkepub::libyaml_problem(text)) {
    std::fprintf(stderr, "accepted a document libyaml refuses:\n%s\n", text.c_str());
    std::abort();
  }
  // The shapes are compared only to be seen (MKEPUB_FUZZ_YAML_SHAPES=1): the two parsers still read some
  // documents differently (an anchor whose name runs into a colon, repeated keys), which mkepub does not yet
  // settle; the smoke run holds mkepub to what it does settle, libyaml's refusals.
  static const bool shapes = std::getenv("MKEPUB_FUZZ_YAML_SHAPES") != nullptr;
  if (!shapes) return 0;
  Shape theirs;
  if (!libyaml_shape(text, theirs)) return 0;  // refused after the first document, which is all mkepub reads
  Shape ours{root.Type(), root.IsMap() || root.IsSequence() ? root.size() : 0};
  if (ours.kind == YAML::NodeType::Null && theirs.kind == YAML::NodeType::Scalar) return 0;  // `~`, `null`, empty
  if (ours.kind != theirs.kind || ours.entries != theirs.entries) {
    std::fprintf(stderr, "yaml-cpp and libyaml read different shapes (kind %d/%d, entries %zu/%zu):\n%s\n",
                 static_cast<int>(ours.kind), static_cast<int>(theirs.kind), ours.entries, theirs.entries,
                 text.c_str());
    std::abort();
  }
  return 0;
}
