// CJK-friendly Markdown (markdown_cjk.h): the CommonMark CJK-friendly amendments, section 6.2
// (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md), on top of cmark-gfm.
#include "render/markdown_cjk.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/text.h"

// cmark-gfm's own whitespace and punctuation classes (exported, in its utf8.h, which needs its private headers):
// with them CommonMark's rule is computed exactly as cmark-gfm computes it.
extern "C" int cmark_utf8proc_is_space(int32_t uc);
extern "C" int cmark_utf8proc_is_punctuation(int32_t uc);

namespace mkepub {
namespace {

// A noncharacter: Unicode reserves them for internal use, and cmark-gfm reads it as neither whitespace nor
// punctuation, as a letter. markdown.cpp's escaped brace is U+FDD0.
constexpr std::string_view kMark = "\xEF\xB7\x91";  // U+FDD1

// East Asian Width W, F or H, or Hangul (the amendments' CJK character), by blocks; emoji are left out.
bool is_cjk(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFFEE) ||
         (c >= 0x16FE0 && c <= 0x18CFF) || (c >= 0x1AFF0 && c <= 0x1B2FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_space(char32_t c) { return cmark_utf8proc_is_space(static_cast<int32_t>(c)) != 0; }
bool is_punct(char32_t c) { return cmark_utf8proc_is_punctuation(static_cast<int32_t>(c)) != 0; }
bool is_non_cjk_punct(char32_t c) { return is_punct(c) && !is_cjk(c); }

char32_t code_point_before(std::string_view s, size_t at) {
  size_t i = at;
  while (i > 0 && (static_cast<unsigned char>(s[--i]) & 0xC0) == 0x80) {
  }
  return next_code_point(s, i);
}

// The character before a run, as the amendments see it: a variation selector stands for the character it
// follows (a CJK sequence, a punctuation sequence); an ideographic one always follows a CJK character.
char32_t before_run(std::string_view s, size_t at) {
  if (at == 0) return '\n';
  char32_t c = code_point_before(s, at);
  if (c >= 0xE0100 && c <= 0xE01EF) return 0x4E00;
  if (c >= 0xFE00 && c <= 0xFE0E) {
    size_t i = at;
    while (i > 0 && (static_cast<unsigned char>(s[--i]) & 0xC0) == 0x80) {
    }
    return i == 0 ? '\n' : code_point_before(s, i);
  }
  // At the start of a line's content (after indentation and blockquote markers) cmark-gfm sees a line start.
  size_t i = at;
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '>')) --i;
  if (i == 0 || s[i - 1] == '\n') return '\n';
  return c;
}

bool is_delimiter(char32_t c) { return c == '*' || c == '_' || c == '~'; }

struct Flanking {
  bool left, right;
};

// CommonMark 6.2 (https://spec.commonmark.org/0.29/#left-flanking-delimiter-run), as cmark-gfm computes it.
Flanking commonmark_flanking(char32_t before, char32_t after) {
  return {!is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before)),
          !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after))};
}

// The amended definitions: only non-CJK punctuation stops flanking, and a CJK character on the other side does not.
Flanking cjk_flanking(char32_t before, char32_t after) {
  return {
      !is_space(after) && (!is_non_cjk_punct(after) || is_space(before) || is_non_cjk_punct(before) || is_cjk(before)),
      !is_space(before) && (!is_non_cjk_punct(before) || is_space(after) || is_non_cjk_punct(after) || is_cjk(after))};
}

// Where a mark goes for the run s[from, to), or npos. The amendments only widen flanking, and only where a CJK
// character is beside the run: a run CommonMark refuses as left-flanking has punctuation after it and a letter
// before, and a mark after it makes it left-flanking without changing its right side (and the other way round).
// `_` needs none: its stricter rules give the same answer in every case the amendments widen. A mark never goes
// between two runs (it would change the other's flanking) nor beside `|`, which may end a table cell, where cmark
// sees a line end.
size_t mark_for_run(std::string_view s, size_t from, size_t to) {
  char32_t before = before_run(s, from);
  size_t i = to;
  char32_t after = to < s.size() ? next_code_point(s, i) : '\n';
  Flanking cm = commonmark_flanking(before, after), cjk = cjk_flanking(before, after);
  if (cjk.left && !cm.left && !is_delimiter(after) && after != '|') return to;
  if (cjk.right && !cm.right && !is_delimiter(before) && before != '|') return from;
  return std::string_view::npos;
}

// A fence line (``` or ~~~ after indentation and blockquote markers): fenced code is skipped, though a mark in
// it would only be taken out again.
size_t fence_length(std::string_view line, char& c) {
  size_t i = line.find_first_not_of(" \t>");
  if (i == std::string_view::npos || (line[i] != '`' && line[i] != '~')) return 0;
  c = line[i];
  size_t n = line.find_first_not_of(c, i);
  n = (n == std::string_view::npos ? line.size() : n) - i;
  return n >= 3 ? n : 0;
}

// Where a code span opened by n backticks closes (a run of exactly n), before `limit` (its paragraph's end).
size_t closing_backticks(std::string_view s, size_t from, size_t n, size_t limit) {
  for (size_t at = s.find('`', from); at < limit; at = s.find('`', at)) {
    size_t m = std::min(s.find_first_not_of('`', at), s.size()) - at;
    if (m == n) return at;
    at += m;
  }
  return std::string_view::npos;
}

void strip_marks(std::string& s) {
  for (size_t at; (at = s.find(kMark)) != std::string::npos;) s.erase(at, kMark.size());
}

// CJK punctuation, which no URL holds: CJK Symbols and Punctuation, the fullwidth and halfwidth forms, the
// vertical and compatibility forms, and the dashes, curly quotes and ellipsis of Chinese text.
bool ends_url(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0x2014 && c <= 0x201F) || c == 0x2026;
}

bool is_cjk_letter(char32_t c) { return is_han(c) || is_kana(c) || is_hangul(c); }

// Where an autolink's text stops being URL: at CJK punctuation, or at a CJK letter right after an ASCII character
// of the URL (`见https://example.com/a然后`); CJK that opens a path segment or query value is the author's path
// (`/wiki/中文`). GFM's trailing punctuation rule then applies to what is left.
size_t cjk_end_of_url(std::string_view url) {
  size_t end = std::string_view::npos;
  char32_t prev = 0;
  for (size_t i = 0; i < url.size();) {
    size_t at = i;
    char32_t c = next_code_point(url, i);
    bool opens_segment = prev == '/' || prev == '=' || prev == '?' || prev == '#' || prev == '&';
    if (ends_url(c) || (is_cjk_letter(c) && !is_cjk_letter(prev) && !opens_segment)) {
      end = at;
      break;
    }
    prev = c;
  }
  if (end == std::string_view::npos) return end;
  while (end > 0) {
    char b = url[end - 1];
    auto opened = std::count(url.begin(), url.begin() + end, '('),
         closed = std::count(url.begin(), url.begin() + end, ')');
    if (std::string_view("?!.,:*_~'\"").find(b) != std::string_view::npos || (b == ')' && closed > opened)) --end;
    else break;
  }
  return end;
}

// The text of an autolink of cmark-gfm's extension (or `<...>`): its one text child is its URL, or the URL
// without `http://` (www.) ; e-mail addresses end at non-ASCII anyway.
cmark_node* autolink_text(cmark_node* link) {
  cmark_node* text = cmark_node_first_child(link);
  if (!text || text != cmark_node_last_child(link) || cmark_node_get_type(text) != CMARK_NODE_TEXT) return nullptr;
  const char* url = cmark_node_get_url(link);
  const char* literal = cmark_node_get_literal(text);
  if (!url || !literal) return nullptr;
  std::string_view u = url, t = literal;
  return u == t || (u.size() == t.size() + 7 && u.rfind("http://", 0) == 0 && u.substr(7) == t) ? text : nullptr;
}

}  // namespace

void trim_cjk_autolinks(cmark_node* doc) {
  std::vector<cmark_node*> links;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_LINK && autolink_text(node))
      links.push_back(node);
  }
  cmark_iter_free(it);
  for (auto* link : links) {
    cmark_node* text = autolink_text(link);
    std::string t = cmark_node_get_literal(text), u = cmark_node_get_url(link);
    size_t end = cjk_end_of_url(t);
    size_t host = t.find("://") != std::string::npos ? t.find("://") + 3 : 4;  // www.
    if (end == std::string::npos || end <= host) continue;
    cmark_node* rest = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(rest, t.substr(end).c_str());
    cmark_node_insert_after(link, rest);
    cmark_node_set_url(link, u.substr(0, u.size() - (t.size() - end)).c_str());
    cmark_node_set_literal(text, t.substr(0, end).c_str());
  }
}

std::string mark_cjk_flanking(const std::string& markdown) {
  std::string_view s = markdown;
  std::vector<size_t> marks;
  char fence = 0;
  size_t fence_run = 0;
  for (size_t line = 0; line < s.size();) {
    size_t end = std::min(s.find('\n', line), s.size());
    char c = 0;
    size_t run = fence_length(s.substr(line, end - line), c);
    if (fence_run > 0) {
      if (run >= fence_run && c == fence) fence_run = 0;
      line = end + 1;
      continue;
    }
    if (run > 0) {
      fence = c;
      fence_run = run;
      line = end + 1;
      continue;
    }
    for (size_t i = line; i < end;) {
      char b = s[i];
      if (b == '\\' && i + 1 < end) {
        i += 2;
      } else if (b == '`') {  // a code span; when it is not one, its backticks are text all the same
        size_t n = std::min(s.find_first_not_of('`', i), s.size()) - i;
        size_t close = closing_backticks(s, i + n, n, std::min(s.find("\n\n", i), s.size()));
        i = close == std::string_view::npos ? i + n : close + n;
        if (i > end) end = std::min(s.find('\n', i), s.size());
      } else if (b == '*' || b == '~') {
        size_t to = std::min(s.find_first_not_of(b, i), end);
        if (size_t at = mark_for_run(s, i, to); at != std::string_view::npos) marks.push_back(at);
        i = to;
      } else {
        ++i;
      }
    }
    line = end + 1;
  }
  if (marks.empty()) return {};
  std::string out;
  out.reserve(markdown.size() + marks.size() * kMark.size());
  size_t done = 0;
  for (size_t at : marks) {
    out.append(markdown, done, at - done).append(kMark);
    done = at;
  }
  return out.append(markdown, done, std::string::npos);
}

void unmark_cjk_flanking(cmark_node* doc) {
  std::vector<cmark_node*> empty;
  cmark_iter* it = cmark_iter_new(doc);
  for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    auto fix = [&](const char* value, auto set) {
      if (!value || std::string_view(value).find(kMark) == std::string_view::npos) return;
      std::string v = value;
      strip_marks(v);
      set(node, v.c_str());
      if (v.empty() && cmark_node_get_type(node) == CMARK_NODE_TEXT) empty.push_back(node);
    };
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        fix(cmark_node_get_literal(node), cmark_node_set_literal);
        break;
      case CMARK_NODE_CODE_BLOCK:
        fix(cmark_node_get_literal(node), cmark_node_set_literal);
        fix(cmark_node_get_fence_info(node), cmark_node_set_fence_info);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        fix(cmark_node_get_url(node), cmark_node_set_url);
        fix(cmark_node_get_title(node), cmark_node_set_title);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  for (auto* node : empty) cmark_node_free(node);
}

void strip_cjk_marks(std::string& html) {
  strip_marks(html);
  for (size_t at; (at = html.find("%EF%B7%91")) != std::string::npos;) html.erase(at, 9);
}

}  // namespace mkepub
