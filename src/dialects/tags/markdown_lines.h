// Dialects: Markdown's block structure as the line scans before the Markdown stage need it (the template tags'
// expander, Obsidian's code ranges): fences, list items and indentation, told apart as CommonMark does
// (https://spec.commonmark.org/0.31.2/#fenced-code-blocks, #list-items, #indented-code-blocks).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace mkepub::tags {

inline bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_blank(std::string_view s);

struct Fence {
  char c = 0;
  size_t length = 0;
};

// The line's indentation in columns (a tab to the next multiple of 4).
int indent_of(std::string_view line);
// Whether the line opens a list item (`-`, `*`, `+`, or up to 9 digits and `.`/`)`, then a blank or the end).
bool is_list_item(std::string_view line);
// The fence a line opens, after its indentation and blockquote markers: three or more backticks (with no backtick
// after them) or tildes.
std::optional<Fence> fence_opening(std::string_view line);
// Whether the line closes `fence`: the same mark, at least as long, nothing but blanks after it.
bool closes(const Fence& fence, std::string_view line);

}  // namespace mkepub::tags
