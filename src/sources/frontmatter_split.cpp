// Sources: front matter split off a post's body, in Hugo's formats (YAML `---`, TOML `+++`, a JSON object:
// https://gohugo.io/content-management/front-matter/) and Hexo's (hexo-front-matter's split(): the regexes
// rFrontMatter and rFrontMatterNew, and escapeYAML, https://github.com/hexojs/hexo-front-matter).
#include "sources/frontmatter_split.h"

#include <string_view>

#include "base/diagnostics.h"

namespace mkepub {
namespace {

std::string_view line_at(const std::string& text, size_t pos) {
  size_t end = text.find('\n', pos);
  return std::string_view(text).substr(pos, (end == std::string::npos ? text.size() : end) - pos);
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The run of `-` or `;` (three or more) a line opens with, as Hexo's `(-{3,}|;{3,})` matches it; "" if none.
std::string_view separator_run(std::string_view line) {
  if (line.empty() || (line[0] != '-' && line[0] != ';')) return {};
  size_t n = line.find_first_not_of(line[0]);
  if (n == std::string_view::npos) n = line.size();
  return n >= 3 ? line.substr(0, n) : std::string_view();
}

// Cuts the front matter between the first line and the first later line `is_close` accepts; false when none does.
template <class IsClose>
bool cut_block(std::string& text, FrontMatterText& s, IsClose is_close, bool tentative = false) {
  size_t first_end = text.find('\n');
  if (first_end == std::string::npos) return false;
  int line = 2;
  for (size_t pos = first_end + 1; pos < text.size(); ++line) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (is_close(trim_end(std::string_view(text).substr(pos, end - pos)))) {
      s.data = text.substr(first_end + 1, pos - first_end - 1);
      s.data_line = 2;
      s.tentative = tentative;
      s.cut = std::min(end + 1, text.size());
      s.cut_line = line + 1;
      if (!tentative) {
        text.erase(0, s.cut);
        s.body_line = s.cut_line;
      }
      s.body = std::move(text);
      return true;
    }
    pos = end + 1;
  }
  return false;
}

// Hugo's JSON front matter: an object from the file's first `{` to its matching `}` (strings may hold braces).
bool cut_json(std::string& text, FrontMatterText& s) {
  int depth = 0, line = 1;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      size_t end = text.find_first_not_of(" \t", i + 1);
      if (end != std::string::npos && text[end] == '\n') ++end, ++line;
      else end = i + 1;
      s.format = FrontMatterText::Format::json;
      s.data = text.substr(0, i + 1);
      s.data_line = 1;
      text.erase(0, std::min(end, text.size()));
      s.body = std::move(text);
      s.body_line = line;
      return true;
    }
  }
  return false;
}

// An object opens with `{` and then a key or its end: `{%` (a tag) and `{{` (a shortcode) are Markdown.
bool opens_json(const std::string& text) {
  if (text.empty() || text[0] != '{') return false;
  size_t next = text.find_first_not_of(" \t\n", 1);
  return next != std::string::npos && (text[next] == '"' || text[next] == '}');
}

FrontMatterText split_hexo(std::string text) {
  FrontMatterText s;
  const std::string_view first = trim_end(line_at(text, 0));
  const std::string_view run = separator_run(first);
  if (!run.empty()) {
    // rFrontMatter: the separator alone on the first line, closed by the same separator.
    if (run.size() == first.size()) {
      const std::string sep(run);
      s.format = sep[0] == ';' ? FrontMatterText::Format::json : FrontMatterText::Format::yaml;
      const bool json = s.format == FrontMatterText::Format::json;
      if (cut_block(
              text, s, [&](std::string_view l) { return l == sep; }, json))
        return s;
    }
    s.format = FrontMatterText::Format::none;  // opens with a separator that is not front matter: all body
    s.body = std::move(text);
    return s;
  }
  // rFrontMatterNew: everything up to the first later line opening with a separator run; the rest of that line
  // begins the body. The caller keeps it only if it reads as a mapping.
  int line = 1;
  for (size_t pos = text.find('\n'); pos != std::string::npos; pos = text.find('\n', pos + 1)) {
    ++line;
    const std::string_view sep = separator_run(line_at(text, pos + 1));
    if (sep.empty() || pos == 0) continue;
    s.format = sep[0] == ';' ? FrontMatterText::Format::json : FrontMatterText::Format::yaml;
    s.without_opening = s.tentative = true;
    s.data = text.substr(0, pos);
    s.data_line = 1;
    size_t rest = pos + 1 + sep.size();
    if (rest < text.size() && text[rest] == '\n') ++rest, ++line;
    s.cut = std::min(rest, text.size());
    s.cut_line = line;
    s.body = std::move(text);
    return s;
  }
  s.body = std::move(text);
  return s;
}


// How many whole lines of white space open `text` before a `+`, `-` or `{` (0 when something else comes first).
int blank_lines_before_delimiter(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || first == 0 || std::string_view("+-{").find(text[first]) == std::string_view::npos)
    return 0;
  int lines = 0;
  for (size_t i = 0; i < first; ++i) lines += text[i] == '\n';
  return lines;
}

FrontMatterText split_delimited(std::string& text, const std::string& display, int line) {
  FrontMatterText s;
  const std::string_view first = trim_end(line_at(text, 0));
  if (first == "---") {
    s.format = FrontMatterText::Format::yaml;
    if (cut_block(text, s, [](std::string_view l) { return l == "---" || l == "..."; })) return s;
    throw InputError({display, line, 1, "front matter opened here is never closed (expected a line `---`)"});
  }
  if (first == "+++") {
    s.format = FrontMatterText::Format::toml;
    if (cut_block(text, s, [](std::string_view l) { return l == "+++"; })) return s;
    throw InputError({display, line, 1, "TOML front matter opened here is never closed (expected a line `+++`)"});
  }
  if (opens_json(text)) {
    if (cut_json(text, s)) return s;
    throw InputError({display, line, 1, "JSON front matter opened here is never closed (expected its `}`)"});
  }
  s.body = std::move(text);
  return s;
}

}  // namespace

FrontMatterText split_front_matter(std::string text, const std::string& display, FrontMatterRules rules) {
  if (rules == FrontMatterRules::hexo) return split_hexo(std::move(text));
  const int skipped = rules == FrontMatterRules::hugo ? blank_lines_before_delimiter(text) : 0;
  if (skipped == 0) return split_delimited(text, display, 1);
  std::string rest = text.substr(text.find_first_not_of(" \t\r\n"));
  FrontMatterText s = split_delimited(rest, display, skipped + 1);
  if (s.format == FrontMatterText::Format::none) {
    s.body = std::move(text);  // blank lines and then no front matter: the body as written
    return s;
  }
  s.data_line += skipped;
  s.body_line += skipped;
  s.cut_line += skipped;
  return s;
}

std::vector<int> escape_yaml_tabs(std::string& yaml) {
  std::vector<int> tabs(1, 0);  // the first line keeps its tabs, as in Hexo (its regex needs a newline before)
  std::string out;
  out.reserve(yaml.size());
  for (size_t i = 0; i < yaml.size(); ++i) {
    out += yaml[i];
    if (yaml[i] != '\n') continue;
    int n = 0;
    while (i + 1 < yaml.size() && yaml[i + 1] == '\t') ++n, ++i;
    out.append(2 * n, ' ');
    tabs.push_back(n);
  }
  yaml = std::move(out);
  return tabs;
}

int original_column(const std::vector<int>& tabs_per_line, int line0, int column1) {
  if (line0 < 0 || line0 >= static_cast<int>(tabs_per_line.size())) return column1;
  int n = tabs_per_line[line0];
  if (column1 > 2 * n) return column1 - n;
  return (column1 + 1) / 2;
}

}  // namespace mkepub
