// Each rewrite answers one of cmark-gfm 0.29.0.gfm.6's quadratic paths (linear_markdown.h names the advisories):
// the inline parser rescans the rest of a paragraph for every `<?`, `<![CDATA[` or `<!--` it cannot close, walks
// every bracket opener left open each time a link closes, and checks the whole word after every `www.`; the table
// extension builds each row's cells in a list it walks for every append, and fills short rows with empty cells.
#include "render/linear_markdown.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace mkepub {
namespace {

struct Edit {
  size_t at = 0, erase = 0;
  std::string insert;
};

struct Line {
  size_t begin = 0, end = 0;  // end excludes the '\n'
};

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters cmark-gfm's autolink extension takes as part of a host name (all but spaces and punctuation; bytes of
// non-ASCII characters count, which can only lengthen the word and so count more `www.` in it).
bool is_host_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// Where a line's text starts after block quote markers and indentation.
size_t content_start(std::string_view s, Line l) {
  size_t i = l.begin;
  while (i < l.end && (s[i] == ' ' || s[i] == '\t' || s[i] == '>')) ++i;
  return i;
}

bool is_blank(std::string_view s, Line l) { return content_start(s, l) == l.end; }

// A code fence's marker (``` or ~~~, three or more), or "".
std::string_view fence_of(std::string_view s, Line l) {
  size_t i = content_start(s, l);
  if (i >= l.end || (s[i] != '`' && s[i] != '~')) return {};
  size_t j = i;
  while (j < l.end && s[j] == s[i]) ++j;
  return j - i >= 3 ? s.substr(i, j - i) : std::string_view{};
}

// Positions of the unescaped pipes that end cells, past an optional leading pipe; stops after `limit` of them.
std::vector<size_t> cell_ends(std::string_view s, Line l, size_t limit) {
  std::vector<size_t> ends;
  size_t i = content_start(s, l);
  if (i < l.end && s[i] == '|') ++i;
  for (; i < l.end && ends.size() < limit; ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '|') ends.push_back(i);
  }
  return ends;
}

// The cells of a table row: the pipes that end cells, and one more when text follows the last one.
size_t count_cells(std::string_view s, Line l, size_t limit) {
  auto ends = cell_ends(s, l, limit);
  size_t after = ends.empty() ? content_start(s, l) : ends.back() + 1;
  if (!ends.empty() || (after < l.end && s[after] == '|')) {
    while (after < l.end && (s[after] == ' ' || s[after] == '\t')) ++after;
    return ends.size() + (after < l.end ? 1 : 0);
  }
  return 1;
}

// A GFM table delimiter row with at least one pipe (`|---|:-:|`).
bool is_delimiter_row(std::string_view s, Line l) {
  size_t i = content_start(s, l);
  bool pipe = false, dash = false;
  for (; i < l.end; ++i) {
    char c = s[i];
    if (c == '|') pipe = true;
    else if (c == '-') dash = true;
    else if (c != ':' && c != ' ' && c != '\t') return false;
  }
  return pipe && dash;
}

class Rewriter {
 public:
  explicit Rewriter(std::string_view s) : s_(s) {}

  std::vector<Edit> run() {
    std::vector<Line> lines;
    for (size_t at = 0; at < s_.size();) {
      size_t nl = s_.find('\n', at);
      size_t end = nl == std::string_view::npos ? s_.size() : nl;
      lines.push_back({at, end});
      at = end + 1;
    }
    std::string_view fence;
    size_t segment = 0;  // first line of the current paragraph
    for (size_t n = 0; n <= lines.size(); ++n) {
      bool ends_paragraph =
          n == lines.size() || is_blank(s_, lines[n]) || !fence.empty() || !fence_of(s_, lines[n]).empty();
      if (ends_paragraph && segment < n) inline_pass(lines[segment].begin, lines[n - 1].end);
      if (n == lines.size()) break;
      if (auto f = fence_of(s_, lines[n]); !f.empty()) {
        if (fence.empty()) fence = f;
        else if (f[0] == fence[0] && f.size() >= fence.size()) fence = {};
        columns_ = 0;
      } else if (fence.empty()) {
        table_line(lines, n);
      }
      if (ends_paragraph) segment = n + 1;
    }
    std::stable_sort(edits_.begin(), edits_.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
    return edits_;
  }

 private:
  void table_line(const std::vector<Line>& lines, size_t n) {
    Line l = lines[n];
    if (is_blank(s_, l)) {
      columns_ = 0;
      return;
    }
    if (columns_ == 0) {
      if (n == 0 || is_blank(s_, lines[n - 1]) || !is_delimiter_row(s_, l)) return;
      size_t columns = count_cells(s_, l, kMaxTableColumns + 1);
      size_t header = count_cells(s_, lines[n - 1], kMaxTableColumns + 1);
      if (std::max(columns, header) > kMaxTableColumns)
        throw InputError(
            {"", static_cast<int>(n + 1), 1, "a table of more than " + std::to_string(kMaxTableColumns) + " columns"});
      if (header == columns) columns_ = columns, autocompleted_ = 0;
      return;
    }
    // A body row. Its cells past kMaxTableColumns are cut: GFM ignores cells past the header's count anyway.
    auto ends = cell_ends(s_, l, kMaxTableColumns + 1);
    if (ends.size() > kMaxTableColumns) {
      size_t cut = cell_ends(s_, l, columns_)[columns_ - 1] + 1;
      edits_.push_back({cut, l.end - cut, ""});
      return;
    }
    size_t cells = count_cells(s_, l, columns_);
    if (autocompleted_ > kMaxAutocompletedCells) {
      // The table ends here, as in later cmark-gfm: a blank line within the same block quotes.
      size_t start = content_start(s_, l);
      std::string quotes;
      for (size_t i = l.begin; i < start; ++i)
        if (s_[i] == '>') quotes += '>';
      edits_.push_back({l.begin, 0, quotes + "\n"});
      columns_ = 0;
      return;
    }
    if (cells < columns_) autocompleted_ += columns_ - cells;
  }

  // One paragraph's text, [from, to).
  void inline_pass(size_t from, size_t to) {
    struct Kind {
      std::string_view open, close;
      std::vector<size_t> openers;
      size_t last_close = 0;
      bool closed = false;
    };
    Kind kinds[] = {{"<?", "?>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}};
    std::vector<size_t> brackets;
    std::map<size_t, size_t> no_closer_from;  // backtick run length -> no run of that length from there on
    size_t word = from;                       // where the current run of host-name characters starts
    std::vector<size_t> www;                  // the `_` before each `www.` in it
    for (size_t i = from; i < to; ++i) {
      char c = s_[i];
      if (!is_host_char(c)) {
        if (www.size() > kMaxWwwInOneWord) defuse_www(word, i, www);
        www.clear();
        word = i + 1;
      }
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '`') {
        size_t run = i;
        while (run < to && s_[run] == '`') ++run;
        size_t length = run - i, closer = skip_code_span(run, to, length, no_closer_from);
        i = (closer == std::string_view::npos ? run : closer) - 1;
        continue;
      }
      if (c == '[') brackets.push_back(i);
      if (c == ']' && !brackets.empty()) brackets.pop_back();
      if (c == '_' && s_.substr(i + 1, 4) == "www.") www.push_back(i);
      for (auto& k : kinds) {
        if (s_.compare(i, k.open.size(), k.open) == 0 && !starts_line(i)) k.openers.push_back(i);
        if (s_.compare(i, k.close.size(), k.close) == 0) k.last_close = i, k.closed = true;
      }
    }
    if (www.size() > kMaxWwwInOneWord) defuse_www(word, to, www);
    if (brackets.size() > kMaxUnclosedOpeners)
      for (size_t at : brackets) edits_.push_back({at, 0, "\\"});
    for (auto& k : kinds) {
      auto first = k.closed ? std::upper_bound(k.openers.begin(), k.openers.end(), k.last_close) : k.openers.begin();
      if (static_cast<size_t>(k.openers.end() - first) > kMaxUnclosedOpeners)
        for (auto it = first; it != k.openers.end(); ++it) edits_.push_back({*it, 0, "\\"});
    }
  }

  // cmark-gfm 0.29.0.gfm.6 scans from each `www.` to the end of the word, and rejects a host name with `_` in its
  // last two labels: every `www.` of a word shares its end, so when that end has one, none of them is a link.
  // Then the `.` after the later ones becomes `&#46;` (the same character, and punctuation as `.` is, so emphasis
  // beside it reads the same): they stop being `www.`, and the host names of the first ones now end in a label
  // holding `_` (the one before `www`), so they stay rejected.
  void defuse_www(size_t word, size_t end, const std::vector<size_t>& www) {
    size_t underscores = 0, dots = 0;
    for (size_t i = end; i > word && dots < 2; --i) {
      if (s_[i - 1] == '.') ++dots;
      else if (s_[i - 1] == '_') ++underscores;
    }
    if (underscores == 0) return;  // a link, found by the first `www.` in one scan
    for (size_t k = kMaxWwwInOneWord; k < www.size(); ++k) edits_.push_back({www[k] + 4, 1, "&#46;"});
  }

  // The end of the code span whose opening backticks end at `from`, or npos when none closes it (remembered, so
  // that runs of unclosed backticks stay linear, as in cmark's own scanner).
  size_t skip_code_span(size_t from, size_t to, size_t length, std::map<size_t, size_t>& no_closer_from) {
    auto known = no_closer_from.find(length);
    if (known != no_closer_from.end() && known->second <= from) return std::string_view::npos;
    for (size_t i = from; i < to;) {
      if (s_[i] != '`') {
        ++i;
        continue;
      }
      size_t run = i;
      while (run < to && s_[run] == '`') ++run;
      if (run - i == length) return run;
      i = run;
    }
    no_closer_from[length] = from;
    return std::string_view::npos;
  }

  // Whether only quote markers and indentation come before `at` on its line: there `<?`, `<!--` and `<![CDATA[`
  // open an HTML block, which is not rescanned.
  bool starts_line(size_t at) const {
    size_t i = at;
    while (i > 0 && (s_[i - 1] == ' ' || s_[i - 1] == '\t' || s_[i - 1] == '>')) --i;
    return i == 0 || s_[i - 1] == '\n';
  }

  std::string_view s_;
  std::vector<Edit> edits_;
  size_t columns_ = 0, autocompleted_ = 0;  // of the table being read; 0 columns outside tables
};

}  // namespace

std::string linear_markdown(const std::string& markdown) {
  auto edits = Rewriter(markdown).run();
  if (edits.empty()) return "";
  std::string out;
  out.reserve(markdown.size() + edits.size() * 4);
  size_t at = 0;
  for (const auto& e : edits) {
    if (e.at < at) continue;  // inside the cells a row lost
    out.append(markdown, at, e.at - at);
    out += e.insert;
    at = e.at + e.erase;
  }
  out.append(markdown, at, std::string::npos);
  return out;
}

}  // namespace mkepub
