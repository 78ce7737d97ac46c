// Dialects, Obsidian: what Obsidian adds to Markdown (https://help.obsidian.md/obsidian-flavored-markdown), turned
// into CommonMark and HTML before the Markdown stage: wikilinks, embeds, inline tags, comments, block ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "dialects/tags/tags.h"

namespace mkepub {

// Outside code only (code_ranges.h):
// - `[[Page]]`, `[[Page|alias]]`, `[[Page#Heading]]`, `[[#Heading]]`, `[[Page#^block]]` become links to the note
//   (its heading's slug, which the links stage finds among the chapter's headings; a block, or a heading the
//   note does not have, links the note); a link naming no file is its text, with a warning;
// - `![[image.png]]` an image (`|300` or `|300x200` its size, other text its alt text); `![[Note]]`,
//   `![[Note#Heading]]`, `![[Note#^block]]` the note's text (or that section, or that paragraph) in a
//   `div.embed`, when the embed is alone on its line, up to kMaxEmbedDepth deep and never itself again (else a
//   link); any other file (PDF, audio, video) a link to where the published Quartz site serves it;
// - `#tag` a `span.tag`; `%% comments %%` are dropped, and so are block ids (` ^id` ending a line).
std::string expand_obsidian(const std::string& markdown, const TagContext& context, Diagnostics& diag);

inline constexpr int kMaxEmbedDepth = 4;

// The inline tags of a note (`#tag`, `#nested/tag`, outside code), without their `#`, in order, each once.
std::vector<std::string> inline_tags(std::string_view markdown);

}  // namespace mkepub
