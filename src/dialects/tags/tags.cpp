// Template tags (tags.h) in one forward scan: code is told apart the way CommonMark does it
// (https://spec.commonmark.org/0.31.2/#fenced-code-blocks, #code-spans) and left alone; every tag outside it is read
// here and becomes Markdown or HTML in tag_expand.cpp, block tags through a stack, so neither nesting nor input size
// recurses.
#include "dialects/tags/tags.h"

#include <algorithm>
#include <cctype>

#include "dialects/tags/tag_expander.h"

namespace mkepub {
namespace tags {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

std::string_view trim_blank(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
  return s;
}

std::string Expander::run() {
  out_.reserve(in_.size() + in_.size() / 8);
  while (pos_ < in_.size()) {
    out_.append(std::exchange(pending_lines_, 0), '\n');
    size_t eol = in_.find('\n', pos_);
    size_t next = eol == npos ? in_.size() : eol + 1;
    if (code_line(in_.substr(pos_, next - pos_)))
      copy_code(pos_, next, false);
    else
      scan_inline();
  }
  finish();
  return std::move(out_);
}

// Whether a line is code (in a fence, a fence line, indented code), keeping the little block structure that takes.
// Indented lines in a list are the list's, not code.
bool Expander::code_line(std::string_view line) {
  if (fence_) {
    if (closes(*fence_, line)) fence_.reset();
    return true;
  }
  const bool blank = is_blank(line);
  if (!blank && indent_of(line) >= 4 && !in_list_ && (prev_blank_ || indented_code_)) {
    indented_code_ = true;
    prev_blank_ = false;
    return true;
  }
  if (!blank) {
    indented_code_ = false;
    if (is_list_item(line)) in_list_ = true;
    else if (prev_blank_ && indent_of(line) == 0) in_list_ = false;
  }
  prev_blank_ = blank;
  fence_ = fence_opening(line);
  return fence_.has_value();
}

// Prose from pos_ to the end of its line; a construct may run over several lines (code spans, tags with bodies).
void Expander::scan_inline() {
  const size_t n = in_.size();
  for (size_t i = pos_; i < n;) {
    i = in_.find_first_of("\n\\`{<", i);
    if (i == npos) break;
    const char c = in_[i];
    if (c == '\n') {
      copy_to(i + 1);
      return;
    }
    size_t next = i + 1;
    if (c == '\\' && i + 1 < n && (in_[i + 1] == '`' || in_[i + 1] == '{' || in_[i + 1] == '<'))
      next = i + 2;
    else if (c == '`')
      next = code_span(i);
    else if (c == '{' && i + 1 < n && (in_[i + 1] == '%' || in_[i + 1] == '{')) {
      if (auto tag = read_tag(i)) next = expand(*tag);
    } else if (c == '<' && in_.compare(i, 4, "<!--") == 0)
      next = html_comment(i);
    if (next == pos_ && next > 0 && in_[next - 1] == '\n') return;  // back to the block level
    i = next;
  }
  copy_to(n);
}

// Where the paragraph holding p ends (a blank line or a fence): code spans and tags do not reach past it.
size_t Expander::para_end(size_t p) {
  if (p >= para_from_ && p < para_end_) return para_end_;
  size_t line = in_.find('\n', p);
  line = line == npos ? in_.size() : line + 1;
  while (line < in_.size()) {
    size_t eol = in_.find('\n', line);
    size_t next = eol == npos ? in_.size() : eol + 1;
    std::string_view text = in_.substr(line, next - line);
    if (is_blank(text) || fence_opening(text)) break;
    line = next;
  }
  para_from_ = p;
  para_end_ = line;
  return line;
}

// The next run of exactly `length` backticks in [from, limit); a failed search is remembered for the paragraph,
// so a line full of unmatched backticks stays linear.
size_t Expander::closing_run(size_t from, size_t length, size_t limit) {
  if (length < no_run_until_.size() && no_run_until_[length] == limit) return npos;
  const std::string_view para = in_.substr(0, limit);
  for (size_t j = from; (j = para.find('`', j)) != npos;) {
    size_t k = std::min(para.find_first_not_of('`', j), para.size()) - j;
    if (k == length) return j;
    j += k;
  }
  if (length < 4096) {
    if (no_run_until_.size() <= length) no_run_until_.resize(length + 1, npos);
    no_run_until_[length] = limit;
  }
  return npos;
}

size_t Expander::code_span(size_t i) {
  size_t length = std::min(in_.find_first_not_of('`', i), in_.size()) - i;
  size_t close = closing_run(i + length, length, para_end(i));
  if (close == npos) return i + length;  // no code span: the backticks are text
  copy_code(i, close + length, true);
  return pos_;
}

// Comments are copied untouched, except `<!-- more -->` (dropped) and the sections of tabs and timelines.
size_t Expander::html_comment(size_t i) {
  size_t close = comment_close_.next(in_, i + 4);
  if (close == npos) return i + 1;
  const size_t end = close + 3;
  std::string_view body = trim_blank(in_.substr(i + 4, close - i - 4));
  std::string_view word = body.substr(0, std::min(body.find_first_of(" \t"), body.size()));
  std::optional<std::string> html;
  OpenBlock* top = blocks_.empty() ? nullptr : &blocks_.back();
  if (body == "more") html = "";
  else if (top && is_tabs(top->tag.name) && word == "tab")
    html = std::string(kHtmlLine) + tab_title(body.substr(3), top->tag.args, ++top->tabs);
  else if (top && is_tabs(top->tag.name) && word == "endtab") html = "";
  else if (top && top->tag.name == "timeline" && word == "timeline")
    html = std::string(kHtmlLine) + timeline_item(body.substr(8));
  else if (top && top->tag.name == "timeline" && word == "endtimeline") html = std::string(kHtmlLine) + "</li>";
  if (!html) return end;
  copy_to(i);
  out_ += *html;
  pos_ = end;
  return end;
}

// Code is copied as it stands, but for what the tools resolve inside code too: mdBook's `{{#include}}` (mdBook
// reads them everywhere), Hugo's escaped shortcodes `{{</* x */>}}` (shown as `{{< x >}}`) and, in code spans,
// Hexo's `{% raw %}` markers (Hexo expands tags in inline code, so authors wrap literal tags in raw there).
void Expander::copy_code(size_t begin, size_t end, bool span) {
  copy_to(begin);
  const std::string_view code = in_.substr(0, end);  // searches stop at the end of the code
  for (size_t i = begin; (i = code.find_first_of("{*\\", i)) != npos;) {
    std::string_view at = in_.substr(i, std::min<size_t>(5, end - i));
    if (at.starts_with("\\{{#")) {
      copy_to(i);
      pos_ = i + 1;  // mdBook's escape: the directive is kept as text, without the backslash
      i += 4;
    } else if (at.starts_with("{{#")) {
      i = listing_in_code(i, std::min(code.find('\n', i), end));
    } else if (at == "{{</*" || at == "{{%/*") {
      copy_to(i);
      out_ += at.substr(0, 3);
      pos_ = i += 5;
      hugo_comment_ = true;
    } else if (hugo_comment_ && (at == "*/>}}" || at == "*/%}}")) {
      copy_to(i);
      out_ += at.substr(2);
      pos_ = i += 5;
      hugo_comment_ = false;
    } else if (span && at.starts_with("{%")) {
      size_t j = in_.find_first_not_of("- \t", i + 2);
      size_t name_end = j == npos ? end : std::min(end, j + 6);
      std::string_view name = j == npos ? "" : in_.substr(j, name_end - j);
      size_t close = hexo_close_.next(in_, i + 2);
      if ((name.starts_with("raw") || name.starts_with("endraw")) && close != npos && close + 2 <= end) {
        copy_to(i);
        pos_ = i = close + 2;
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
  copy_to(end);
}

// `{{#include path[:selector]}}` (also rustdoc_include, playground) inside code: the file's lines, each after the
// directive's indentation, or a placeholder line when the file is not there.
size_t Expander::listing_in_code(size_t at, size_t line_end) {
  size_t name_end = at + 3;
  while (name_end < line_end && is_name_char(in_[name_end])) ++name_end;
  std::string_view name = in_.substr(at + 3, name_end - at - 3);
  size_t close = brace_close_.next(in_, name_end);
  if (close == npos || close >= line_end || (name != "include" && name != "rustdoc_include" && name != "playground"))
    return at + 1;
  std::string_view spec = trim_blank(in_.substr(name_end, close - name_end));
  spec = spec.substr(0, std::min(spec.find_first_of(" \t"), spec.size()));
  size_t colon = spec.find(':');
  std::string path(spec.substr(0, colon));
  std::optional<std::string> text = read(path);
  if (text) text = select_lines(*text, colon == npos ? "" : spec.substr(colon + 1));
  size_t line_begin = at;
  while (line_begin > 0 && (in_[line_begin - 1] == ' ' || in_[line_begin - 1] == '\t')) --line_begin;
  const bool alone = line_begin == 0 || in_[line_begin - 1] == '\n';
  std::string_view indent = alone ? in_.substr(line_begin, at - line_begin) : std::string_view();
  std::string replacement;
  if (text) {
    const std::string line_break = std::string(1, '\n').append(indent);
    for (size_t from = 0, nl; from <= text->size(); from = nl + 1) {
      nl = std::min(text->find('\n', from), text->size());
      replacement += (from ? line_break : "") + text->substr(from, nl - from);
    }
  } else {
    replacement = "// (listing " + path + " not included)";
    if (post_.missing_listings++ == 0) {
      post_.first_missing_listing = path;
      post_.first_missing_line = line_of(at);
    }
  }
  copy_to(at);
  out_ += replacement;
  pos_ = close + 2;
  return pos_;
}

std::optional<Tag> Expander::read_tag(size_t i) {
  if (in_[i + 1] == '%') return read_hexo(i);
  if (i + 2 >= in_.size()) return std::nullopt;
  if (in_[i + 2] == '<' || in_[i + 2] == '%') return read_shortcode(i);
  return read_braces(i);
}

// `{% name args %}`, with Liquid's `{%-` and `-%}`.
std::optional<Tag> Expander::read_hexo(size_t i) {
  size_t j = in_.find_first_not_of(" \t", i + 2 < in_.size() && in_[i + 2] == '-' ? i + 3 : i + 2);
  if (j == npos || !(std::isalpha(static_cast<unsigned char>(in_[j])) || in_[j] == '_')) return std::nullopt;
  size_t name_end = j;
  while (name_end < in_.size() && is_name_char(in_[name_end])) ++name_end;
  size_t close = hexo_close_.next(in_, name_end);
  if (close == npos || close >= para_end(i)) {
    warn_once("unclosed {%", i, "unclosed tag", "`{%` without `%}`: kept as text");
    return std::nullopt;
  }
  Tag t;
  t.name = std::string(in_.substr(j, name_end - j));
  while (t.name.size() > 1 && t.name.back() == '-') t.name.pop_back();
  t.args = trim_blank(in_.substr(name_end, close - name_end));
  if (t.args.ends_with('-')) t.args = trim_blank(t.args.substr(0, t.args.size() - 1));
  t.begin = i;
  t.end = close + 2;
  return t;
}

// `{{< name args >}}`, `{{% name args %}}`, `{{< /name >}}`, `{{< name />}}` and the escaped `{{</* name */>}}`.
std::optional<Tag> Expander::read_shortcode(size_t i) {
  Tag t;
  t.syntax = Syntax::hugo;
  t.delim = in_[i + 2];
  size_t close = (t.delim == '<' ? angle_close_ : percent_close_).next(in_, i + 3);
  if (close == npos || close >= para_end(i)) {
    warn_once("unclosed {{", i, "unclosed tag",
              std::string("`{{") + t.delim + "` without `" + t.delim + "}}`: kept as text");
    return std::nullopt;
  }
  t.begin = i;
  t.end = close + 3;
  std::string_view inner = trim_blank(in_.substr(i + 3, close - i - 3));
  if (inner.size() >= 4 && inner.starts_with("/*") && inner.ends_with("*/")) {
    t.name = "/*";
    t.args = in_.substr(i + 3, close - i - 3);
    return t;
  }
  if (inner.starts_with("/")) {
    t.closing = true;
    inner = trim_blank(inner.substr(1));
  }
  if (inner.ends_with("/")) {
    t.self_closing = true;
    inner = trim_blank(inner.substr(0, inner.size() - 1));
  }
  size_t name_end = std::min(inner.find_first_of(" \t\r\n"), inner.size());
  if (name_end == 0) return std::nullopt;
  t.name = std::string(inner.substr(0, name_end));
  t.args = trim_blank(inner.substr(name_end));
  return t;
}

// `{{#name args}}` (mdBook) or `{{ expression }}` (Liquid).
std::optional<Tag> Expander::read_braces(size_t i) {
  size_t close = brace_close_.next(in_, i + 2);
  if (close == npos || close >= para_end(i)) return std::nullopt;
  Tag t;
  t.begin = i;
  t.end = close + 2;
  std::string_view inner = trim_blank(in_.substr(i + 2, close - i - 2));
  if (inner.starts_with("#")) {
    size_t name_end = 1;
    while (name_end < inner.size() && is_name_char(inner[name_end])) ++name_end;
    t.syntax = Syntax::mdbook;
    t.name = std::string(inner.substr(1, name_end - 1));
    t.args = trim_blank(inner.substr(name_end));
    return t.name.empty() ? std::nullopt : std::optional(t);
  }
  if (inner.starts_with("-")) inner.remove_prefix(1);
  if (inner.ends_with("-")) inner.remove_suffix(1);
  t.syntax = Syntax::liquid;
  t.args = trim_blank(inner);
  return t.args.empty() ? std::nullopt : std::optional(t);
}

// The tag's text in its place. A tag over several lines that starts its line keeps its lines, as blank lines after
// the line where it ends, so the lines after it keep their numbers.
size_t Expander::put(const Tag& t, std::string_view text) {
  copy_to(t.begin);
  const size_t lines = size_t(std::count(in_.begin() + long(t.begin), in_.begin() + long(t.end), '\n'));
  const bool starts_line = lines > 0 && line_start_in_out();
  out_ += text;
  if (starts_line && line_end_after(t.end)) out_.append(lines, '\n');
  else if (starts_line) pending_lines_ += lines;
  pos_ = t.end;
  return pos_;
}

// Block HTML (after kHtmlLine) or a code block on lines of its own; a line is added only when the tag shares its
// line with text.
size_t Expander::put_line(const Tag& t, std::string_view text, bool html) {
  copy_to(t.begin);
  if (!line_start_in_out()) out_ += '\n';
  if (html) out_ += kHtmlLine;
  out_ += text;
  pos_ = t.end;
  if (!line_end_after(t.end)) out_ += '\n';
  return pos_;
}

void Expander::copy_to(size_t p) {
  if (p > pos_) out_.append(in_.substr(pos_, p - pos_));
  pos_ = std::max(pos_, p);
}

bool Expander::line_start_in_out() const {
  for (size_t k = out_.size(); k > 0; --k) {
    if (out_[k - 1] == '\n') return true;
    if (out_[k - 1] != ' ' && out_[k - 1] != '\t' && out_[k - 1] != '>') return false;
  }
  return true;
}

bool Expander::line_end_after(size_t p) const {
  for (; p < in_.size() && in_[p] != '\n'; ++p)
    if (!is_blank_char(in_[p])) return false;
  return true;
}

std::optional<std::string> Expander::read(const std::string& path) const {
  if (!post_.ctx.read_include || path.empty()) return std::nullopt;
  return post_.ctx.read_include(path);
}

int Expander::line_of(size_t p) {
  if (include_line_ > 0) return include_line_;
  if (p < line_pos_) line_pos_ = 0, line_count_ = 0;
  line_count_ += int(std::count(in_.begin() + long(line_pos_), in_.begin() + long(p), '\n'));
  line_pos_ = p;
  return post_.ctx.first_line + line_count_;
}

void Expander::warn_at(int line, const std::string& kind, const std::string& message) {
  post_.diag.warn({post_.ctx.display, line, 0, message, kind});
}

void Expander::warn_once_at(const std::string& key, int line, const std::string& kind, const std::string& message) {
  if (post_.warned.insert(key).second) warn_at(line, kind, message);
}

}  // namespace tags

std::string expand_tags(const std::string& markdown, const TagContext& context, Diagnostics& diag) {
  tags::PostState post{context, diag, {}, {}, 0, {}, 0, 0};
  return tags::Expander(markdown, post, 0, 0).run();
}

}  // namespace mkepub
