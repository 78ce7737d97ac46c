// CLI11 validators for mkepub's flags: clearer messages than CLI11's own, and stricter numbers.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace mkepub {

// CLI11's IsMember, saying which value was probably meant: "--split-by: `yaer` is not one of year, category, tag
// (did you mean `year`?)". Named "choices", described "{year,category,tag}": --help shows the values, and the man
// page and completions read them from there (cli/from_cli11.h).
CLI::Validator one_of(std::vector<std::string> values);

// A number flag's text, strictly: decimal digits (with `fraction`, then maybe a point and more digits), nothing
// around them, no leading zero, from `min` to `max`. CLI11 alone takes `0x10`, `0b11`, `010` (as 8), `+2` and
// ` 2`, and as a real number `nan`, which no range check refuses.
CLI::Validator decimal(double min, double max, bool fraction = false);

}  // namespace mkepub
