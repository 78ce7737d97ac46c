#include "render/code_fences.h"

namespace mkepub {
namespace {

size_t leading_spaces(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

}  // namespace

std::optional<CodeFence> code_fence(std::string_view line) {
  size_t at = leading_spaces(line);
  if (at > 3 || at >= line.size() || (line[at] != '`' && line[at] != '~')) return std::nullopt;
  size_t n = 0;
  while (at + n < line.size() && line[at + n] == line[at]) ++n;
  if (n < 3) return std::nullopt;
  if (line[at] == '`' && line.find('`', at + n) != std::string_view::npos) return std::nullopt;
  return CodeFence{line[at], n};
}

bool closes_code(std::string_view line, const CodeFence& open) {
  auto f = code_fence(line);
  if (!f || f->mark != open.mark || f->length < open.length) return false;
  size_t end = leading_spaces(line) + f->length;
  return line.find_first_not_of(" \t", end) == std::string_view::npos;
}

}  // namespace mkepub
