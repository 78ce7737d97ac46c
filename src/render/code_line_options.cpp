#include "render/code_line_options.h"

#include <charconv>

#include "base/text.h"

namespace mkepub {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::optional<int> number(std::string_view s) {
  while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

// Words separated by blanks (and commas, inside an attribute group), a quoted value or a bracketed list being
// part of its word.
std::vector<std::string_view> split_words(std::string_view s, bool commas) {
  std::vector<std::string_view> words;
  size_t start = std::string_view::npos;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    const bool cut = depth == 0 && (is_blank(c) || (commas && c == ','));
    if (cut) {
      if (start != std::string_view::npos) words.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
      continue;
    }
    if (start == std::string_view::npos) start = i;
    if (c == '"' || c == '\'') quote = c;
    if (c == '[' || c == '{') ++depth;
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return words;
}

bool is_range_list(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789,- \t") == std::string_view::npos &&
         s.find_first_of("0123456789") != std::string_view::npos;
}

void append(std::vector<LineRange>& to, const std::vector<LineRange>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

// `linenos=table`, `hl_lines=[2,"4-5"]`, `.numberLines`, `startFrom="5"`: Hugo's and pandoc's attributes.
void read_attributes(std::string_view group, CodeLineOptions& o) {
  bool in_hl_lines = false;  // Hugo's shortcode writes `hl_lines=8 15-17`: the bare ranges after it are its
  for (std::string_view word : split_words(group, true)) {
    size_t eq = word.find('=');
    if (eq == std::string_view::npos) {
      const std::string cls = ascii_lower(word);
      if (cls == ".numberlines" || cls == ".number-lines") o.numbers = true;
      else if (in_hl_lines && is_range_list(word)) append(o.marked, parse_line_ranges(word));
      continue;
    }
    const std::string key = ascii_lower(word.substr(0, eq));
    std::string_view value = word.substr(eq + 1);
    in_hl_lines = key == "hl_lines";
    if (key == "linenos") o.numbers = ascii_lower(value).find("false") == std::string::npos;
    else if (key == "linenostart" || key == "startfrom" || key == "start-from") o.start = number(value);
    else if (key == "hl_lines") append(o.marked, parse_line_ranges(value));
  }
}

// One word of the info string after the language.
void read_word(std::string_view word, CodeLineOptions& o) {
  if (word.size() >= 2 && word.front() == '{' && word.back() == '}') {
    std::string_view inner = word.substr(1, word.size() - 2);
    if (is_range_list(inner)) append(o.marked, parse_line_ranges(inner));  // Docusaurus, VitePress: {1,4-6}
    else read_attributes(inner, o);
    return;
  }
  const std::string w = ascii_lower(word);
  if (w == "showlinenumbers") o.numbers = true;  // Docusaurus
  if (w.starts_with("showlinenumbers=")) o.numbers = true, o.start = number(word.substr(16));
  // Hexo's codeblock options, which its backtick fences take too.
  if (w.starts_with("line_number:")) o.numbers = w.substr(12) != "false";
  if (w.starts_with("first_line:")) o.start = number(word.substr(11));
  if (w.starts_with("mark:")) append(o.marked, parse_line_ranges(word.substr(5))), o.marks_by_number = true;
}

}  // namespace

std::vector<LineRange> parse_line_ranges(std::string_view list) {
  std::vector<LineRange> out;
  for (size_t i = 0; i < list.size();) {
    if (list[i] < '0' || list[i] > '9') {
      ++i;
      continue;
    }
    size_t end = list.find_first_not_of("0123456789", i);
    if (end == std::string_view::npos) end = list.size();
    int from = number(list.substr(i, end - i)).value_or(0), to = from;
    if (end + 1 < list.size() && list[end] == '-' && list[end + 1] >= '0' && list[end + 1] <= '9') {
      size_t to_end = list.find_first_not_of("0123456789", end + 1);
      if (to_end == std::string_view::npos) to_end = list.size();
      to = number(list.substr(end + 1, to_end - end - 1)).value_or(from);
      end = to_end;
    }
    if (from > 0 && to >= from) out.push_back({from, to});
    i = end;
  }
  return out;
}

CodeLineOptions parse_code_line_options(std::string_view language, std::string_view meta) {
  CodeLineOptions o;
  std::string info(language);
  if (!meta.empty()) info.append(" ").append(meta);
  std::string_view rest = info;
  if (!language.starts_with('{')) {  // pandoc's `{.python ...}` is an attribute group as a whole
    size_t end = info.find_first_of(" \t{");
    std::string_view word = rest.substr(0, end);
    rest = end == std::string::npos ? std::string_view() : rest.substr(end);
    // VitePress: `ts:line-numbers`, `ts:line-numbers=2`, `ts:no-line-numbers`.
    if (size_t colon = word.find(":line-numbers"); colon != std::string_view::npos) {
      o.numbers = true;
      if (word.size() > colon + 13 && word[colon + 13] == '=') o.start = number(word.substr(colon + 14));
      word = word.substr(0, colon);
    } else if (size_t no = word.find(":no-line-numbers"); no != std::string_view::npos) {
      o.numbers = false;
      word = word.substr(0, no);
    }
    o.language = word;
  } else {
    o.language = language;
  }
  for (std::string_view w : split_words(rest, false)) read_word(w, o);
  return o;
}

}  // namespace mkepub
