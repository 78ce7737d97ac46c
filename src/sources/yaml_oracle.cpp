// The YAML oracle (yaml_oracle.h): libyaml's parser run over the text for its events only, no tree built.
// libyaml's API: https://pyyaml.org/wiki/LibYAML (yaml.h: yaml_parser_parse, problem/context marks).
#include "sources/yaml_oracle.h"

#include <yaml.h>

#include <memory>

namespace mkepub {
namespace {

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

// A reader error (bad UTF-8, a control character) gives only a byte offset.
YamlProblem at_offset(const std::string& text, size_t offset, std::string message) {
  YamlProblem p{0, 0, std::move(message)};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 0;
    } else if ((text[i] & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace

std::optional<YamlProblem> libyaml_problem(const std::string& text) {
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) throw std::bad_alloc();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event)) break;
    bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) return std::nullopt;
  }
  const yaml_parser_t& p = *parser;
  if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  std::string problem = p.problem ? p.problem : "invalid YAML";
  if (p.error == YAML_READER_ERROR) return at_offset(text, p.problem_offset, problem);
  // Text that ended inside a construct (a quoted scalar, a flow mapping) is wrong where the construct began.
  bool ran_out = p.problem_mark.index >= text.size();
  const yaml_mark_t& mark = ran_out && p.context ? p.context_mark : p.problem_mark;
  std::string message = p.context ? std::string(p.context) + ": " + problem : problem;
  return YamlProblem{static_cast<int>(mark.line), static_cast<int>(mark.column), message};
}

}  // namespace mkepub
