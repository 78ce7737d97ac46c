// Dialects, Obsidian: where a note's code is, so that wikilinks, tags and comments are read only outside it.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace mkepub {

// The byte ranges [begin, end) of `markdown` that are code, in order: fenced code blocks with their fence lines
// (also inside blockquotes), indented code blocks, and code spans (matched within their paragraph), told apart the
// way CommonMark does (https://spec.commonmark.org/0.31.2/#fenced-code-blocks, #code-spans).
std::vector<std::pair<size_t, size_t>> code_ranges(std::string_view markdown);

}  // namespace mkepub
