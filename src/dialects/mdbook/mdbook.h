// Dialects: mdBook (https://rust-lang.github.io/mdBook/) and GitBook, a book whose SUMMARY.md orders its chapters.
// The pure parts, for tests: strings in, values out.
#pragma once

#include "dialects/site.h"

namespace mkepub {

// SUMMARY.md: the chapters and part titles in order, files absolute under `dir` (the SUMMARY's folder).
std::vector<SummaryEntry> parse_summary(const std::string& markdown, const fs::path& dir);

// The book's title a SUMMARY.md opens with (`# The Rust Programming Language`), or "" when its first line is no
// heading or a generic one ("Summary", "Table of Contents", 目录...): the title when the config gives none.
std::string summary_book_title(const std::string& markdown);

// book.toml: [book] title, authors, language, description; every string value also in `variables` under its
// dotted key ("book.src" names the chapters' folder). Invalid TOML is a warning at its line and column, and the
// file's values are ignored; `display` names the file in messages.
SiteConfig parse_book_toml(const std::string& toml, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
