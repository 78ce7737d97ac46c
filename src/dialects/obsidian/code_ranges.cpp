// Dialects, Obsidian: a note's code, found with CommonMark's block rules for fences and indented code and its
// inline rule for code spans (https://spec.commonmark.org/0.31.2/#code-spans), paragraph by paragraph.
#include "dialects/obsidian/code_ranges.h"

#include <optional>
#include <string>

#include "dialects/tags/markdown_lines.h"

namespace mkepub {
namespace {

constexpr size_t npos = std::string_view::npos;

using tags::Fence;
using tags::closes;
using tags::fence_opening;
using tags::indent_of;
using tags::is_blank;
using tags::is_list_item;

void add(std::vector<std::pair<size_t, size_t>>& out, size_t begin, size_t end) {
  if (!out.empty() && out.back().second == begin) out.back().second = end;
  else out.emplace_back(begin, end);
}

// Code spans of the paragraph [begin, end): a run of backticks closes at the next run of the same length.
void code_spans(std::string_view md, size_t begin, size_t end, std::vector<std::pair<size_t, size_t>>& out) {
  for (size_t i = begin; (i = md.find('`', i)) != npos && i < end;) {
    size_t backslashes = 0;
    while (i - backslashes > begin && md[i - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2) {  // an escaped backtick is text
      ++i;
      continue;
    }
    size_t length = std::min(md.find_first_not_of('`', i), end) - i;
    size_t close = npos;
    for (size_t j = i + length; (j = md.find('`', j)) != npos && j < end;) {
      size_t k = std::min(md.find_first_not_of('`', j), end) - j;
      if (k == length) {
        close = j;
        break;
      }
      j += k;
    }
    if (close == npos) {
      i += length;
      continue;
    }
    add(out, i, close + length);
    i = close + length;
  }
}

}  // namespace

std::vector<std::pair<size_t, size_t>> code_ranges(std::string_view md) {
  std::vector<std::pair<size_t, size_t>> out;
  std::optional<Fence> fence;
  size_t fence_begin = 0, para_begin = npos;
  bool prev_blank = true, in_list = false, indented = false;
  auto end_paragraph = [&](size_t end) {
    if (para_begin != npos) code_spans(md, para_begin, end, out);
    para_begin = npos;
  };
  for (size_t pos = 0; pos < md.size();) {
    size_t eol = md.find('\n', pos);
    size_t next = eol == npos ? md.size() : eol + 1;
    std::string_view line = md.substr(pos, next - pos);
    const size_t here = pos;
    pos = next;
    if (fence) {
      if (closes(*fence, line)) {
        add(out, fence_begin, next);
        fence.reset();
      }
      continue;
    }
    const bool blank = is_blank(line);
    if (!blank && indent_of(line) >= 4 && !in_list && (prev_blank || indented) && para_begin == npos) {
      indented = true;
      prev_blank = false;
      add(out, here, next);
      continue;
    }
    if (!blank) {
      indented = false;
      if (is_list_item(line)) in_list = true;
      else if (prev_blank && indent_of(line) == 0) in_list = false;
    }
    prev_blank = blank;
    if ((fence = fence_opening(line))) {
      end_paragraph(here);
      fence_begin = here;
    } else if (blank) {
      end_paragraph(here);
    } else if (para_begin == npos) {
      para_begin = here;
    }
  }
  if (fence) add(out, fence_begin, md.size());
  end_paragraph(md.size());
  return out;
}

}  // namespace mkepub
