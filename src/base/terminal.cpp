// Terminal text (terminal.h). Widths come from glibc's wcwidth, the table the terminal itself most likely uses,
// under a UTF-8 locale set for the calling thread only (uselocale), so the process's locale stays "C".
#include "base/terminal.h"

#include <locale.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cwchar>

#include "base/text.h"

namespace mkepub {
namespace {

// C.UTF-8 is built into glibc from 2.35: no locale package is needed for it.
locale_t utf8_locale() {
  static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return loc;
}

// Each character of `s` with its width, until `visit` returns false.
template <class Visit>
void each_width(std::string_view s, Visit visit) {
  locale_t loc = utf8_locale();
  locale_t old = loc ? uselocale(loc) : static_cast<locale_t>(0);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = next_code_point(s, i);
    int w = loc ? wcwidth(static_cast<wchar_t>(c)) : 1;
    if (!visit(s.substr(start, i - start), w < 0 ? 0 : static_cast<size_t>(w))) break;
  }
  if (loc) uselocale(old);
}

std::atomic<bool> line_drawn{false};
static_assert(std::atomic<bool>::is_always_lock_free, "read by a signal handler");

}  // namespace

size_t display_width(std::string_view s) {
  size_t total = 0;
  each_width(s, [&](std::string_view, size_t w) {
    total += w;
    return true;
  });
  return total;
}

std::string fit_to_width(std::string_view s, size_t columns) {
  std::string out;
  size_t used = 0;
  each_width(s, [&](std::string_view c, size_t w) {
    if (used + w > columns) return false;
    used += w;
    out += c;
    return true;
  });
  return out;
}

std::string pad_to_width(std::string_view s, size_t columns, bool right) {
  size_t w = display_width(s);
  std::string spaces(w < columns ? columns - w : 0, ' ');
  return right ? spaces + std::string(s) : std::string(s) + spaces;
}

size_t terminal_columns(int fd) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*env && !*end && n > 0 && n < 100000) return static_cast<size_t>(n);
  }
  return 80;
}

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_colour && *no_colour);
}

std::string coloured_severity(std::string_view severity) {
  const char* colour = severity == "error" ? "\033[1;31m" : severity == "warning" ? "\033[1;35m" : "\033[1;36m";
  return colour + std::string(severity) + "\033[0m";
}

void status_line_drawn(bool drawn) { line_drawn.store(drawn); }

void erase_status_line_for_signal() {
  if (!line_drawn.exchange(false)) return;
  static const char erase[] = "\r\033[K";
  ssize_t ignored = write(STDERR_FILENO, erase, sizeof erase - 1);
  (void)ignored;
}

}  // namespace mkepub
