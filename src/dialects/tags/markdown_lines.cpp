#include "dialects/tags/markdown_lines.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace mkepub::tags {
namespace {

constexpr size_t npos = std::string_view::npos;

// The fence run of a line after its indentation and blockquote markers, and what follows it.
std::optional<std::pair<Fence, std::string_view>> fence_run(std::string_view line) {
  size_t i = line.find_first_not_of(" \t>");
  if (i == npos || (line[i] != '`' && line[i] != '~')) return std::nullopt;
  size_t j = line.find_first_not_of(line[i], i);
  if (j == npos) j = line.size();
  if (j - i < 3) return std::nullopt;
  return std::pair{Fence{line[i], j - i}, line.substr(j)};
}

}  // namespace

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_blank_char); }

int indent_of(std::string_view line) {
  int col = 0;
  for (char c : line) {
    if (c == ' ') ++col;
    else if (c == '\t') col += 4 - col % 4;
    else break;
  }
  return col;
}

bool is_list_item(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == npos || i >= 4) return false;
  auto ends_marker = [&](size_t j) { return j == line.size() || is_blank_char(line[j]); };
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') return ends_marker(i + 1);
  size_t j = i;
  while (j < line.size() && j - i < 9 && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
  return j > i && j < line.size() && (line[j] == '.' || line[j] == ')') && ends_marker(j + 1);
}

std::optional<Fence> fence_opening(std::string_view line) {
  auto run = fence_run(line);
  if (!run || (run->first.c == '`' && run->second.find('`') != npos)) return std::nullopt;
  return run->first;
}

bool closes(const Fence& fence, std::string_view line) {
  auto run = fence_run(line);
  return run && run->first.c == fence.c && run->first.length >= fence.length && is_blank(run->second);
}

}  // namespace mkepub::tags
