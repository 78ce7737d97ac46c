// Dialects: mdBook's hidden code lines, as mdBook's HTML renderer hides them (hide_lines_rust and
// hide_lines_with_prefix): a pass over the fenced code blocks of the Markdown (CommonMark's fences, in blockquotes
// and list items too), before the Markdown stage.
#include "dialects/mdbook/hidden_lines.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace mkepub {
namespace {

struct Fence {
  char mark = 0;  // '`' or '~'; 0 outside a block
  size_t length = 0;
  std::string language;
  std::string hidelines;  // the info string's `hidelines=PREFIX`, which overrides book.toml's for this block
  bool has_hidelines = false;
};

// Where the line's own text starts: past blockquote markers and indentation.
size_t content_start(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return i;
}

// The fence a line opens or closes: its character and length, and after an opening one the language (the info
// string's first word, up to a comma as in `rust,ignore`).
Fence fence_of(std::string_view line) {
  Fence f;
  size_t i = content_start(line);
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return f;
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == line[i]) ++n;
  if (n < 3) return f;
  std::string_view info = line.substr(i + n);
  if (line[i] == '`' && info.find('`') != std::string_view::npos) return f;
  f.mark = line[i];
  f.length = n;
  size_t start = info.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos) {
    size_t end = info.find_first_of(" \t\r\n,{", start);
    for (char c : info.substr(start, end == std::string_view::npos ? end : end - start))
      f.language += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (size_t at = info.find("hidelines="); at != std::string_view::npos; at = std::string_view::npos) {
    if (at > 0 && info.find_first_of(" \t,", at - 1) != at - 1) break;  // part of another word
    size_t from = at + 10, to = info.find_first_of(" \t\r\n,}", from);
    f.hidelines = std::string(info.substr(from, to == std::string_view::npos ? to : to - from));
    f.has_hidelines = true;
  }
  return f;
}

bool closes(const Fence& open, std::string_view line) {
  Fence f = fence_of(line);
  if (f.mark != open.mark || f.length < open.length) return false;
  size_t i = content_start(line) + f.length;
  return line.find_first_not_of(" \t\r\n", i) == std::string_view::npos;
}

// mdBook's hide_lines_rust: false to hide the line; `line` loses one `#` of a leading `##`.
bool keep_rust_line(std::string& line) {
  size_t i = content_start(line);
  if (i >= line.size() || line[i] != '#') return true;
  char next = i + 1 < line.size() ? line[i + 1] : '\0';
  if (next == '#') {
    line.erase(i, 1);
    return true;
  }
  return next == '!' || next == '[';
}

bool keep_prefixed_line(const std::string& line, const std::string& prefix) {
  size_t i = content_start(line);
  return prefix.empty() || i >= line.size() || line.compare(i, prefix.size(), prefix) != 0;
}

}  // namespace

std::map<std::string, std::string> hidden_line_prefixes(const std::map<std::string, std::string>& variables) {
  static const std::string key = "output.html.code.hidelines.";
  std::map<std::string, std::string> out;
  for (auto it = variables.lower_bound(key); it != variables.end() && it->first.rfind(key, 0) == 0; ++it)
    out[it->first.substr(key.size())] = it->second;
  return out;
}

std::string remove_hidden_lines(const std::string& markdown, const std::map<std::string, std::string>& prefixes) {
  std::string out;
  out.reserve(markdown.size());
  Fence open;
  const std::string* prefix = nullptr;  // of the open block's language, when it has one
  for (size_t pos = 0; pos < markdown.size();) {
    size_t end = markdown.find('\n', pos);
    end = end == std::string::npos ? markdown.size() : end + 1;
    std::string line = markdown.substr(pos, end - pos);
    pos = end;
    if (!open.mark) {
      open = fence_of(line);
      auto it = prefixes.find(open.language);
      prefix = open.language == "rust" ? nullptr
               : open.has_hidelines    ? &open.hidelines
               : it == prefixes.end()  ? nullptr
                                       : &it->second;
    } else if (closes(open, line)) {
      open = Fence();
    } else if (prefix ? !keep_prefixed_line(line, *prefix) : open.language == "rust" && !keep_rust_line(line)) {
      continue;
    }
    out += line;
  }
  return out;
}

}  // namespace mkepub
