// Dialects, Obsidian: headings, sections and blocks of a note's Markdown (CommonMark ATX headings,
// https://spec.commonmark.org/0.31.2/#atx-headings; Obsidian's block ids, https://help.obsidian.md/links).
#include "dialects/obsidian/note_text.h"

#include "base/text.h"
#include "dialects/obsidian/code_ranges.h"

namespace mkepub {
namespace {

struct Line {
  size_t begin, end;  // end excludes the line feed
  int level = 0;      // an ATX heading's level outside code, else 0
  std::string text;   // the heading's text
};

int atx_level(std::string_view line, std::string& text) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || i > 3) return 0;
  size_t j = line.find_first_not_of('#', i);
  if (j == std::string_view::npos) j = line.size();
  int level = static_cast<int>(j - i);
  if (level < 1 || level > 6 || (j < line.size() && line[j] != ' ' && line[j] != '\t')) return 0;
  std::string_view rest = trim(line.substr(j));
  while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);  // a closing sequence
  text = std::string(trim(rest));
  return level;
}

std::vector<Line> lines_of(std::string_view body) {
  auto code = code_ranges(body);
  std::vector<Line> lines;
  size_t r = 0;
  for (size_t pos = 0; pos < body.size();) {
    size_t end = std::min(body.find('\n', pos), body.size());
    Line line{pos, end};
    while (r < code.size() && code[r].second <= pos) ++r;
    bool in_code = r < code.size() && code[r].first <= pos;
    if (!in_code) line.level = atx_level(body.substr(pos, end - pos), line.text);
    lines.push_back(std::move(line));
    pos = end + 1;
  }
  return lines;
}

bool is_blank_line(std::string_view body, const Line& l) { return trim(body.substr(l.begin, l.end - l.begin)).empty(); }

}  // namespace

std::string_view note_body(std::string_view note) {
  if (note.rfind("---\n", 0) != 0) return note;
  for (size_t pos = 4; pos < note.size();) {
    size_t end = std::min(note.find('\n', pos), note.size());
    std::string_view line = note.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == "---" || line == "...") return note.substr(std::min(end + 1, note.size()));
    pos = end + 1;
  }
  return note;
}

std::vector<std::string> heading_slugs(std::string_view body) {
  std::vector<std::string> out;
  for (const auto& l : lines_of(body))
    if (l.level) out.push_back(unicode_slug(l.text));
  return out;
}

std::optional<std::string> heading_section(std::string_view body, const std::string& slug) {
  auto lines = lines_of(body);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].level || unicode_slug(lines[i].text) != slug) continue;
    size_t j = i + 1;
    while (j < lines.size() && !(lines[j].level && lines[j].level <= lines[i].level)) ++j;
    size_t end = j < lines.size() ? lines[j].begin : body.size();
    return std::string(body.substr(lines[i].begin, end - lines[i].begin));
  }
  return std::nullopt;
}

std::optional<std::string> block_section(std::string_view body, const std::string& id) {
  auto lines = lines_of(body);
  const std::string marker = "^" + id;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view text = trim(body.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (text.size() < marker.size() || text.substr(text.size() - marker.size()) != marker) continue;
    bool alone = text.size() == marker.size();  // an id on a line of its own marks the block before it
    if (text.size() > marker.size() && text[text.size() - marker.size() - 1] != ' ') continue;
    size_t last = alone && i > 0 ? i - 1 : i;
    while (alone && last > 0 && is_blank_line(body, lines[last])) --last;
    size_t first = last;
    while (first > 0 && !is_blank_line(body, lines[first - 1])) --first;
    std::string out(body.substr(lines[first].begin, lines[last].end - lines[first].begin));
    if (!alone) {
      out.erase(out.rfind(marker));
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace mkepub
