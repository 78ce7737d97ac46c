// Dialects, Obsidian: reading Obsidian's own syntax at one place of a note (https://help.obsidian.md/links,
// https://help.obsidian.md/tags, https://help.obsidian.md/embeds), and writing what replaces it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mkepub {

struct Wikilink {
  std::string raw;      // between the brackets, as written
  std::string file;     // the path or name; empty for a heading of the same note (`[[#Heading]]`)
  std::string heading;  // after the (last) `#`: a heading, or a block id starting with `^`
  std::string alias;    // after the `|`
  size_t length = 0;    // of the whole link, `!` and brackets included
  // What Obsidian shows: the alias, else the name and heading as written (`Page > Heading`).
  std::string display() const;
};

// The wikilink (`[[...]]`, or `![[...]]` when `embed`) starting at text[i], on one line, without `[` or `]` inside.
std::optional<Wikilink> wikilink_at(std::string_view text, size_t i, bool embed);

// Whether what precedes something on its line only opens containers (blockquote markers, a list item's marker).
bool is_container_prefix(std::string_view prefix);
// The prefix's containers on a line of their own (`> - ` gives `>`), for a blank line inside them.
std::string blank_prefix(std::string_view prefix);
// A block of Markdown as an embed (`div.embed`), each line after the first under the containers of `prefix`.
std::string embedded_block(std::string_view markdown, std::string_view prefix);

// The end of the `%%` comment opening at text[i] (after its closing `%%`, outside `code`), or npos.
size_t comment_end(std::string_view text, size_t i, const std::vector<std::pair<size_t, size_t>>& code);

// Tags: a `#` after white space or at a line's start, then letters, digits, `_`, `-` and `/` (nesting), not all
// digits. tag_length is the length of the tag after the `#` at text[i - 1], or 0 when there is none.
inline bool is_tag_boundary(char c) { return c == ' ' || c == '\t' || c == '\n'; }
size_t tag_length(std::string_view text, size_t i);

// A block id (`^id` at a line's end, after white space): its length from the `^` at text[i], or 0.
size_t block_id_length(std::string_view text, size_t i);

bool is_image_name(const std::string& file_name);
// `300` or `300x200` (an embedded image's size) as width and height; empty when the text is not a size.
std::pair<std::string, std::string> image_size(const std::string& alias);

std::string percent_encode(std::string_view path);  // spaces, brackets, `%`, `#`, `?` in a URL
std::string markdown_text(std::string_view text);   // `[` and `]` escaped, for a link's text
std::string html_attribute(std::string_view text);  // `&`, `<`, `>`, `"` as references

}  // namespace mkepub
