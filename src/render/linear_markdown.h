// Markdown rewritten so that Debian 12's cmark-gfm (0.29.0.gfm.6) parses it in linear time. That release predates
// the fixes for a series of quadratic blow-ups (github/cmark-gfm advisories GHSA-29g3-96g3-jg6c, GHSA-24f7-9frr-5h2r,
// GHSA-r572-jvj2-3m8p, GHSA-66g8-4hjf-77xh, GHSA-w4qg-3vf7-m9x5 and later releases' table limits); each input
// shape they describe is defused here before cmark-gfm sees the text, in a way that renders the same.
#pragma once

#include <cstddef>
#include <string>

namespace mkepub {

// Above these counts in one paragraph a construct is rewritten; below them (all real writing) nothing changes.
constexpr size_t kMaxUnclosedOpeners = 64;  // `[`, `![`, `<?`, `<![CDATA[`, `<!--` that nothing closes
constexpr size_t kMaxWwwInOneWord = 8;      // `www.` starts after `_` inside one run of host-name characters
// A table's columns (its delimiter row's cells): cmark-gfm 0.29.0.gfm.6 appends each cell of a row to a linked list
// by walking it, so a row costs the square of its cells.
constexpr size_t kMaxTableColumns = 1000;
// Empty cells cmark-gfm adds to rows shorter than the header: later cmark-gfm ends the table before the row that
// would pass this many (MAX_AUTOCOMPLETED_CELLS, 0x80000), and so does this rewrite.
constexpr size_t kMaxAutocompletedCells = 0x80000;

// `markdown` rewritten, or "" when nothing needed to be:
// - openers that nothing in their paragraph closes are escaped when there are more than kMaxUnclosedOpeners of a
//   kind (`\[`, `\<`): cmark-gfm renders them as the same literal text, without rescanning the paragraph for each;
// - in a word that no `www.` can make a link of (`_` in its last two labels), the ninth and later `www.` after
//   `_` become `www&#46;`, the same text: autolinking scans the rest of the word for each `www.`;
// - table rows lose the cells past the header's count (GFM ignores them), and a table ends, as in later cmark-gfm,
//   before the row that would make more than kMaxAutocompletedCells empty cells (a line is inserted there).
// Fenced code and code spans are left as they are. A table wider than kMaxTableColumns throws InputError at its
// delimiter row (line counted from 1 within `markdown`).
std::string linear_markdown(const std::string& markdown);

}  // namespace mkepub
