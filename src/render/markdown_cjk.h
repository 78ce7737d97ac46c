// CJK-friendly Markdown for the Markdown stage (markdown.cpp), behind the same cmark-gfm boundary: emphasis by the
// CommonMark CJK-friendly amendments (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md)
// and GFM autolinks that end at CJK text.
#pragma once

#include <string>

struct cmark_node;

namespace mkepub {

// The Markdown with a noncharacter (U+FDD1) put beside each `*` or `~` delimiter run whose flanking the amendments
// widen, on the side that makes cmark-gfm's CommonMark rule give the amended answer. Empty when nothing changes, as
// for any text without CJK characters.
std::string mark_cjk_flanking(const std::string& markdown);
// Takes the marks out of every string of the parsed tree (text, code, raw HTML, URLs, titles, info strings), and
// drops text nodes left empty.
void unmark_cjk_flanking(cmark_node* doc);
// The rendered HTML without marks (a footnote label that held one reaches it only percent-encoded).
void strip_cjk_marks(std::string& html);

// GFM autolinks that ran on into CJK text end before it: at the first CJK punctuation, and at the first CJK letter
// glued to an ASCII character of the URL (a path segment written in CJK stays). The rest becomes text again.
void trim_cjk_autolinks(cmark_node* doc);

}  // namespace mkepub
