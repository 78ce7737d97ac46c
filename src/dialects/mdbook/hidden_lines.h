// Dialects: mdBook's hidden code lines (https://rust-lang.github.io/mdBook/format/mdbook.html#hiding-code-lines).
// A Rust example carries the lines that make it compile (`# fn main() {`), and mdBook shows them only on a click;
// a book has no click, so they are left out, as a reader of the site sees the example.
#pragma once

#include <map>
#include <string>

namespace mkepub {

// `markdown` with the hidden lines of its fenced code blocks removed. Rust blocks (info string `rust`, `rust,ignore`
// ...) follow mdBook's rule: a line whose first non-blank character is `#` is hidden unless the next is `!` or `[`
// (attributes), and `##` shows as `#`. `prefixes` maps other languages to the prefix book.toml's
// `[output.html.code.hidelines]` gives them (`python = "~"`).
std::string remove_hidden_lines(const std::string& markdown, const std::map<std::string, std::string>& prefixes);

// The hidelines prefixes named by book.toml's flattened variables (`output.html.code.hidelines.python` -> "~").
std::map<std::string, std::string> hidden_line_prefixes(const std::map<std::string, std::string>& variables);

}  // namespace mkepub
