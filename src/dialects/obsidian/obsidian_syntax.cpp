// Dialects, Obsidian: wikilinks, tags, comments and block ids at one place of a note, as Obsidian writes them
// (https://help.obsidian.md/obsidian-flavored-markdown) and Quartz reads them (quartz/plugins/transformers/ofm.ts).
#include "dialects/obsidian/obsidian_syntax.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/text.h"

namespace mkepub {
namespace {

constexpr size_t npos = std::string_view::npos;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Letters, digits and marks of any script; not punctuation, spaces or symbols of the Latin-1 and general
// punctuation blocks, nor CJK punctuation (a tag ends at `，` as at `,`).
bool is_tag_code_point(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) || c == '_' || c == '-' || c == '/';
  if (c <= 0xBF || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F)) return false;
  if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65) || c == 0xFEFF)
    return false;
  return true;
}

}  // namespace

std::string Wikilink::display() const {
  if (!alias.empty()) return alias;
  std::string name = file;
  if (name.size() > 3 && lower(name.substr(name.size() - 3)) == ".md") name.resize(name.size() - 3);
  if (heading.empty()) return name;
  std::string shown = heading[0] == '^' ? heading.substr(1) : heading;
  return name.empty() ? shown : name + " > " + shown;
}

std::optional<Wikilink> wikilink_at(std::string_view text, size_t i, bool embed) {
  size_t open = i + (embed ? 1 : 0);
  if (text.compare(open, 2, "[[") != 0) return std::nullopt;
  size_t close = text.find_first_of("[]\n", open + 2);
  if (close == npos || text.compare(close, 2, "]]") != 0 || close == open + 2) return std::nullopt;
  Wikilink w;
  w.raw = std::string(text.substr(open + 2, close - open - 2));
  w.length = close + 2 - i;
  std::string target = w.raw;
  if (size_t bar = target.find('|'); bar != npos) {
    w.alias = std::string(trim(target.substr(bar + 1)));
    target.resize(bar);
    if (!target.empty() && target.back() == '\\') target.pop_back();  // `\|` in a table cell
  }
  if (size_t hash = target.find('#'); hash != npos) {
    w.heading = std::string(trim(target.substr(target.rfind('#') + 1)));  // `Page#A#B`: the heading B under A
    target.resize(hash);
  }
  w.file = std::string(trim(target));
  if (w.file.empty() && w.heading.empty()) return std::nullopt;
  return w;
}

bool is_container_prefix(std::string_view prefix) { return prefix.find_first_not_of(" \t>-*+.)0123456789") == npos; }

namespace {

std::string continuation_prefix(std::string_view prefix) {
  std::string cont(prefix);
  for (auto& c : cont)
    if (c != '>' && c != '\t') c = ' ';
  return cont;
}

}  // namespace

std::string blank_prefix(std::string_view prefix) {
  std::string blank = continuation_prefix(prefix);
  while (!blank.empty() && (blank.back() == ' ' || blank.back() == '\t')) blank.pop_back();
  return blank;
}

std::string embedded_block(std::string_view markdown, std::string_view prefix) {
  const std::string cont = continuation_prefix(prefix), blank = blank_prefix(prefix);
  std::string out = "<div class=\"embed\">\n" + blank + "\n";
  while (!markdown.empty() && (markdown.back() == '\n' || markdown.back() == ' ')) markdown.remove_suffix(1);
  for (size_t pos = 0; pos <= markdown.size();) {
    size_t end = std::min(markdown.find('\n', pos), markdown.size());
    std::string_view line = markdown.substr(pos, end - pos);
    out += (line.empty() ? blank : cont) + std::string(line) + "\n";
    pos = end + 1;
  }
  // The HTML block of `</div>` ends at a blank line: the line after the embed is Markdown again.
  return out + blank + "\n" + cont + "</div>\n" + blank;
}

size_t comment_end(std::string_view text, size_t i, const std::vector<std::pair<size_t, size_t>>& code) {
  for (size_t j = text.find("%%", i + 2); j != npos; j = text.find("%%", j + 1)) {
    auto in = std::find_if(code.begin(), code.end(), [&](const auto& r) { return r.first <= j && j < r.second; });
    if (in == code.end()) return j + 2;
    j = in->second - 1;
  }
  return npos;
}

size_t tag_length(std::string_view text, size_t i) {
  size_t end = i;
  for (size_t j = i; j < text.size();) {
    if (!is_tag_code_point(next_code_point(text, j))) break;
    end = j;
  }
  while (end > i && text[end - 1] == '/') --end;
  std::string_view tag = text.substr(i, end - i);
  if (tag.empty() || tag[0] == '/' || all_digits(tag)) return 0;
  return end - i;
}

size_t block_id_length(std::string_view text, size_t i) {
  size_t j = i + 1;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-')) ++j;
  if (j == i + 1) return 0;
  size_t k = j;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
  return k == text.size() || text[k] == '\n' ? j - i : 0;
}

bool is_image_name(const std::string& file_name) {
  size_t dot = file_name.rfind('.');
  std::string ext = dot == npos ? "" : lower(file_name.substr(dot));
  for (const char* known : {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif"})
    if (ext == known) return true;
  return false;
}

std::pair<std::string, std::string> image_size(const std::string& alias) {
  size_t x = alias.find('x');
  std::string width = alias.substr(0, x), height = x == npos ? "" : alias.substr(x + 1);
  if (!all_digits(width) || (x != npos && !all_digits(height))) return {};
  return {width, height};
}

std::string percent_encode(std::string_view path) {
  static const std::string_view special = " %()<>\"#?[]\\^`{|}";
  std::string out;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7F || special.find(static_cast<char>(c)) != npos) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

std::string html_attribute(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace mkepub
