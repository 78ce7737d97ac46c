// Code fences as CommonMark reads them (4.5), for the line-by-line passes that run before the Markdown parser and
// must leave code alone (admonition containers, markdown="1" blocks).
#pragma once

#include <optional>
#include <string_view>

namespace mkepub {

struct CodeFence {
  char mark = 0;  // '`' or '~'
  size_t length = 0;
};

// A line opening a fence: up to three spaces, then three or more backticks or tildes (a backtick fence's info
// string holds no backtick).
std::optional<CodeFence> code_fence(std::string_view line);

// Whether `line` closes the fence `open`: the same mark, at least as long, nothing after it but blanks.
bool closes_code(std::string_view line, const CodeFence& open);

}  // namespace mkepub
