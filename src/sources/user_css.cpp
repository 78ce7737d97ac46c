// The user's stylesheets, read and kept inside the book (CSS Syntax Level 3 for comments, strings and blocks).
#include "sources/user_css.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

namespace mkepub {
namespace {

bool starts_at(const std::string& s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
  return true;
}

// Where the comment or string starting at `at` ends (one past it), or `at` when none starts there.
size_t skip_comment_or_string(const std::string& s, size_t at) {
  if (starts_at(s, at, "/*")) {
    size_t end = s.find("*/", at + 2);
    return end == std::string::npos ? s.size() : end + 2;
  }
  if (s[at] == '"' || s[at] == '\'') {
    for (size_t i = at + 1; i < s.size(); ++i) {
      if (s[i] == '\\') ++i;
      else if (s[i] == s[at] || s[i] == '\n') return i + 1;
    }
    return s.size();
  }
  return at;
}

}  // namespace

std::string clean_user_css(const std::string& css, const std::string& display, Diagnostics& diag) {
  std::string out;
  size_t start = 0;  // where the statement or declaration being copied began; copied byte for byte since
  size_t i = 0;
  while (i < css.size()) {
    size_t skipped = skip_comment_or_string(css, i);
    if (skipped != i) {
      out.append(css, i, skipped - i);
      i = skipped;
      continue;
    }
    char c = css[i];
    if (c == ';' || c == '{' || c == '}') {
      out += c;
      start = ++i;
      continue;
    }
    const bool charset = starts_at(css, i, "@charset"), import = starts_at(css, i, "@import");
    if (charset || import || starts_at(css, i, "url(")) {
      // The whole statement or declaration: from its start to its `;`, or to the `}` that closes its block.
      size_t end = i;
      while (end < css.size() && css[end] != ';' && css[end] != '}')
        end = std::max(end + 1, skip_comment_or_string(css, end));
      auto [line, col] = position_of(css, i);
      diag.warn({display, line, col,
                 charset  ? "`@charset` left out: it may only open a stylesheet, and the book's is UTF-8"
                 : import ? "`@import` left out: the book carries no file a stylesheet names"
                          : "a declaration with url(...) left out: the book carries no file a stylesheet names",
                 "CSS left out"});
      out.resize(out.size() - (i - start));
      i = start = end < css.size() && css[end] == ';' ? end + 1 : end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string load_user_css(const std::vector<fs::path>& files, Diagnostics& diag) {
  std::string out;
  for (const auto& file : files) {
    std::string display = file.generic_string();
    auto bytes = read_input(file);
    if (!bytes) {
      diag.error({display, 0, 0, "cannot read the stylesheet"});
      continue;
    }
    try {
      std::string text = decode_text(std::move(*bytes), display);
      // The comment names the file; "*/" in a name would end it early.
      std::string name = file.filename().string();
      std::replace(name.begin(), name.end(), '*', '_');
      out += "\n/* --css " + name + " */\n" + clean_user_css(text, display, diag) + "\n";
    } catch (const InputError& e) {
      diag.error(e.where);
    }
  }
  return out;
}

}  // namespace mkepub
