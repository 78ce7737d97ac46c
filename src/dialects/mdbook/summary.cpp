// Sources: a book's chapter order from its SUMMARY.md, mdBook's format
// (https://rust-lang.github.io/mdBook/format/summary.html) and GitBook's looser variant (lists, `##` parts).
// Read line by line and tolerantly: a line that is none of title, part, link or list item is skipped.
#include <cctype>

#include "dialects/mdbook/mdbook.h"

#include "base/text.h"

namespace mkepub {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

std::string collapse_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (is_space(c) || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Length of the run of backticks at s[i].
size_t backtick_run(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == '`') ++n;
  return n;
}

// Where the code span opened by the run at s[i] closes (the index after it), or npos.
size_t code_span_end(std::string_view s, size_t i) {
  size_t n = backtick_run(s, i);
  for (size_t j = i + n; j < s.size();) {
    size_t m = backtick_run(s, j);
    if (m == n) return j + m;
    j += m ? m : 1;
  }
  return std::string_view::npos;
}

// A title's text without Markdown's markup: code spans keep their content, emphasis and strikethrough
// delimiters go (an intraword `_`, as in snake_case, is not one), backslash escapes and basic entities resolve.
std::string plain_title(std::string_view s) {
  static const std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    char prev = i > 0 ? s[i - 1] : ' ', next = i + 1 < s.size() ? s[i + 1] : ' ';
    if (c == '`') {
      size_t n = backtick_run(s, i), end = code_span_end(s, i);
      if (end == std::string_view::npos) {
        out.append(n, '`');
        i += n;
        continue;
      }
      std::string_view code = s.substr(i + n, end - n - i - n);
      if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
      out += code;
      i = end;
    } else if (c == '\\' && std::ispunct(static_cast<unsigned char>(next))) {
      out += next;
      i += 2;
    } else if (c == '*' && !(is_space(prev) && is_space(next))) {
      ++i;
    } else if (c == '_' && !(is_word(prev) && is_word(next))) {
      ++i;
    } else if (c == '~' && next == '~') {
      i += 2;
    } else if (c == '&') {
      bool found = false;
      for (const auto& [name, ch] : entities) {
        if (s.substr(i, name.size()) == name) {
          out += ch;
          i += name.size();
          found = true;
          break;
        }
      }
      if (!found) out += s[i++];
    } else {
      out += c;
      ++i;
    }
  }
  return collapse_spaces(out);
}

struct Link {
  std::string text, target;
  size_t at = 0;  // where its `[` is in the text searched
};

// Index after the bracket that closes the `[` at s[i], skipping code spans and escapes; npos when unclosed.
size_t close_bracket(std::string_view s, size_t i) {
  int depth = 0;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] == '\\') ++j;
    else if (s[j] == '`' && code_span_end(s, j) != std::string_view::npos) j = code_span_end(s, j) - 1;
    else if (s[j] == '[') ++depth;
    else if (s[j] == ']' && --depth == 0) return j + 1;
  }
  return std::string_view::npos;
}

// `(target "title")` or `(<target with spaces>)` at s[i]: the target, with `i` moved past the `)`.
std::optional<std::string> destination(std::string_view s, size_t& i) {
  if (i >= s.size() || s[i] != '(') return std::nullopt;
  size_t j = i + 1;
  while (j < s.size() && is_space(s[j])) ++j;
  std::string target;
  if (j < s.size() && s[j] == '<') {
    size_t end = s.find('>', j);
    if (end == std::string_view::npos) return std::nullopt;
    target = s.substr(j + 1, end - j - 1);
    j = end + 1;
  } else {
    for (int depth = 0; j < s.size() && !is_space(s[j]); ++j) {
      if (s[j] == '\\' && j + 1 < s.size()) ++j;
      else if (s[j] == '(') ++depth;
      else if (s[j] == ')' && depth-- == 0) break;
      target += s[j];
    }
  }
  size_t close = s.find(')', j);  // past an optional "title"
  if (close == std::string_view::npos) return std::nullopt;
  i = close + 1;
  return target;
}

// The inline links `[text](target)` of a line, in order; images `![..](..)` are not chapters.
std::vector<Link> links_of(std::string_view s) {
  std::vector<Link> out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\') {
      i += 2;
    } else if (s[i] == '`') {
      size_t end = code_span_end(s, i);
      i = end == std::string_view::npos ? i + backtick_run(s, i) : end;
    } else if (s[i] == '[') {
      size_t close = close_bracket(s, i);
      if (close == std::string_view::npos) break;
      size_t after = close;
      auto target = destination(s, after);
      if (target && (i == 0 || s[i - 1] != '!'))
        out.push_back({std::string(s.substr(i + 1, close - i - 2)), *target, i});
      i = target ? after : close;
    } else {
      ++i;
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// The chapter file a link names: no fragment, percent-decoded, relative to the SUMMARY's folder. Remote links
// and links to nothing give an empty path (a chapter without a file, as a draft).
fs::path chapter_file(std::string target, const fs::path& dir) {
  target = target.substr(0, target.find('#'));
  std::string path;
  for (size_t i = 0; i < target.size(); ++i) {
    int hi = 0, lo = 0;
    if (target[i] == '%' && i + 2 < target.size() && (hi = hex_value(target[i + 1])) >= 0 &&
        (lo = hex_value(target[i + 2])) >= 0) {
      path += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      path += target[i];
    }
  }
  size_t colon = path.find(':');
  if (colon != std::string::npos && colon > 1 && path.find('/') > colon) return {};  // a scheme: http:, mailto:
  while (!path.empty() && path.front() == '/') path.erase(0, 1);  // site-root paths are the book's root
  if (path.empty()) return {};
  return (dir / path).lexically_normal();
}

// The 1-based column of byte `offset` in `line`, counted in characters as editors do.
int column_of(std::string_view line, size_t offset) {
  int column = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// Columns of leading whitespace, tabs to the next multiple of 4.
size_t indent_of(std::string_view line, size_t& i) {
  size_t width = 0;
  for (i = 0; i < line.size() && is_space(line[i]); ++i) width = line[i] == '\t' ? (width / 4 + 1) * 4 : width + 1;
  return width;
}

// `***`, `---`, `___` (with spaces between allowed): a separator.
bool is_thematic_break(std::string_view s) {
  char mark = 0;
  int count = 0;
  for (char c : s) {
    if (is_space(c)) continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (mark && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

// The text after a list marker (`-`, `*`, `+`, `1.`, `1)`) at s[i], or nullopt when s[i] starts no item.
std::optional<std::string_view> list_item(std::string_view s, size_t i) {
  size_t j = i;
  if (j < s.size() && (s[j] == '-' || s[j] == '*' || s[j] == '+')) {
    ++j;
  } else {
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 9) ++j;
    if (j == i || j >= s.size() || (s[j] != '.' && s[j] != ')')) return std::nullopt;
    ++j;
  }
  if (j < s.size() && !is_space(s[j])) return std::nullopt;
  return s.substr(j);
}

// The heading text of an ATX heading `# Part`, or nullopt.
std::optional<std::string_view> heading(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && s[j] == '#') ++j;
  if (j == i || j - i > 6 || (j < s.size() && !is_space(s[j]))) return std::nullopt;
  std::string_view text = s.substr(j);
  while (!text.empty() && (is_space(text.back()) || text.back() == '#')) text.remove_suffix(1);
  return text;
}

// HTML comments removed, their line ends kept so the lines stay where they were.
std::string without_comments(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find("<!--", i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    size_t close = text.find("-->", open + 4);
    size_t end = close == std::string::npos ? text.size() : close + 3;
    for (size_t k = open; k < end; ++k)
      if (text[k] == '\n') out += '\n';
    i = end;
  }
  return out;
}

}  // namespace

std::string summary_book_title(const std::string& markdown) {
  size_t start = markdown.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || markdown[start] != '#') return "";
  size_t end = markdown.find('\n', start);
  std::string line = markdown.substr(start, end == std::string::npos ? end : end - start);
  size_t text = line.find_first_not_of('#');
  if (text == std::string::npos || text > 6 || (line[text] != ' ' && line[text] != '\t')) return "";
  std::string title(trim(std::string_view(line).substr(text)));
  while (!title.empty() && title.back() == '#') title.pop_back();  // a closing sequence
  title = std::string(trim(title));
  std::string lower;
  for (char c : title) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* generic : {"summary", "table of contents", "contents", "toc", "目录", "目錄", "目次", "목차", "index"})
    if (lower == generic) return "";
  return title;
}

std::vector<SummaryEntry> parse_summary(const std::string& markdown, const fs::path& dir) {
  using Kind = SummaryEntry::Kind;
  std::vector<SummaryEntry> entries;
  std::vector<size_t> indents;  // of the open list levels: the depth of an item is its index here
  bool seen_content = false, seen_list = false;
  const std::string text = without_comments(markdown);
  int line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    // A chapter entry, with where its link is written (`within` is the part of the line `link` was found in).
    auto chapter = [&](const Link& link, std::string_view within, int depth, Kind kind) {
      SummaryEntry e{chapter_file(link.target, dir), plain_title(link.text), depth, kind, link.target, line_number};
      e.column = column_of(line, static_cast<size_t>(within.data() - line.data()) + link.at);
      return e;
    };
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t start = 0;
    size_t indent = indent_of(line, start);
    if (start == line.size()) continue;
    const bool first = !seen_content;
    seen_content = true;
    if (is_thematic_break(line)) continue;
    if (auto title = heading(line, start)) {
      indents.clear();
      if (auto t = plain_title(*title); !first && !t.empty()) entries.push_back({{}, t, 0, Kind::part});
      continue;
    }
    if (auto item = list_item(line, start)) {
      while (!indents.empty() && indents.back() > indent) indents.pop_back();
      if (indents.empty() || indents.back() < indent) indents.push_back(indent);
      int depth = static_cast<int>(indents.size()) - 1;
      seen_list = true;
      auto links = links_of(*item);
      if (!links.empty()) entries.push_back(chapter(links[0], *item, depth, Kind::numbered));
      else if (auto t = plain_title(*item); !t.empty()) entries.push_back({{}, t, depth});  // a title without link
      continue;
    }
    // Prefix chapters before the first list, suffix chapters after it; several may share a paragraph.
    auto links = links_of(line);
    if (links.empty()) continue;
    indents.clear();
    for (const auto& link : links) entries.push_back(chapter(link, line, 0, seen_list ? Kind::suffix : Kind::prefix));
  }
  return entries;
}

}  // namespace mkepub
