// Dialects, Obsidian: the parts of a note that links and embeds name, read from its Markdown: its headings, the
// section under one of them, the paragraph a block id marks (https://help.obsidian.md/links#Link+to+a+heading).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

// The note without its front matter (a first line `---` up to the next `---` line).
std::string_view note_body(std::string_view note);

// The slugs (unicode_slug) of the note's ATX headings, outside code, in order.
std::vector<std::string> heading_slugs(std::string_view body);

// The section of the heading whose slug is `slug`: its heading line up to the next heading of the same or a
// higher rank; nothing when there is none.
std::optional<std::string> heading_section(std::string_view body, const std::string& slug);

// The paragraph (or list item, or table) holding the block id `^id`, without the id.
std::optional<std::string> block_section(std::string_view body, const std::string& id);

}  // namespace mkepub
