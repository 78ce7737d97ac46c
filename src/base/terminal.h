// What a terminal needs from text: its width in columns (East Asian wide characters take two), lines cut to fit,
// colours only where they are wanted, and a drawn status line the stopping signals can erase.
#pragma once

#include <string>
#include <string_view>

namespace mkepub {

// Columns `s` (UTF-8) takes on a terminal, by glibc's wcwidth in a UTF-8 locale: CJK ideographs and fullwidth
// forms 2, combining marks 0, control characters 0.
size_t display_width(std::string_view s);
// `s` cut to at most `columns` columns, never inside a character.
std::string fit_to_width(std::string_view s, size_t columns);
// `s` and spaces after it (or before it, `right`) to `columns` columns: table cells aligned as they are seen.
std::string pad_to_width(std::string_view s, size_t columns, bool right = false);

// The width of the terminal on `fd` (TIOCGWINSZ), else $COLUMNS, else 80.
size_t terminal_columns(int fd);

// Whether messages on `fd` may be coloured: it is a terminal and NO_COLOR is unset or empty (https://no-color.org).
bool colour_wanted(int fd);
// `severity` ("error", "warning", "note") in its colour (bold red, bold magenta, bold cyan), as gcc shows them.
std::string coloured_severity(std::string_view severity);

// A status line is on stderr (or no longer): a stopping signal erases it, so the shell's prompt starts on a
// clean line. Async-signal-safe: erase_status_line_for_signal only writes to stderr when one is drawn.
void status_line_drawn(bool drawn);
void erase_status_line_for_signal();

}  // namespace mkepub
