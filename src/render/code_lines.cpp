#include "render/code_lines.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "base/dom.h"

namespace mkepub {
namespace {

std::string_view trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// A line that is a comment holding one of the magic words alone, in any of the comment forms Docusaurus knows
// (`//`, `/* */`, `#`, `<!-- -->`, `{/* */}`, `--`, `;`, `%`); "" otherwise.
constexpr std::pair<std::string_view, std::string_view> kComments[] = {
    {"{/*", "*/}"}, {"/*", "*/"}, {"<!--", "-->"}, {"//", ""}, {"#", ""}, {"--", ""}, {";", ""}, {"%", ""}};

std::string_view magic_word(std::string_view line) {
  std::string_view s = trim(line);
  for (auto [o, c] : kComments) {
    if (!s.starts_with(o) || !s.ends_with(c) || s.size() < o.size() + c.size()) continue;
    std::string_view word = trim(s.substr(o.size(), s.size() - o.size() - c.size()));
    if (word == "highlight-next-line" || word == "highlight-start" || word == "highlight-end") return word;
    return {};
  }
  return {};
}

// The language word of a code element's class ("language-ts:line-numbers"), and where it starts; npos without.
size_t language_at(std::string_view cls) {
  for (size_t at = cls.find("language-"); at != std::string_view::npos; at = cls.find("language-", at + 1))
    if (at == 0 || cls[at - 1] == ' ') return at;
  return std::string_view::npos;
}

size_t count_lines(std::string_view code) {
  size_t n = static_cast<size_t>(std::count(code.begin(), code.end(), '\n'));
  return n + (!code.empty() && code.back() != '\n');
}

// The code element's text when that is all it holds.
std::optional<std::string> text_only(pugi::xml_node code) {
  std::string text;
  for (auto child : code.children()) {
    if (!is_text(child)) return std::nullopt;
    text += child.value();
  }
  return text;
}

void set_text(pugi::xml_node code, const std::string& text) {
  while (code.first_child()) code.remove_child(code.first_child());
  code.append_child(pugi::node_pcdata).set_value(text.c_str());
}

// A run of the code: its token class ("" for plain text) and text.
struct Run {
  std::string cls, text;
};

std::vector<Run> runs_of(pugi::xml_node code) {
  std::vector<Run> runs;
  for (auto child : code.children()) {
    if (is_text(child)) runs.push_back({"", child.value()});
    else runs.push_back({child.attribute("class").value(), child.text().get()});
  }
  return runs;
}

bool is_marked(const std::vector<LineRange>& marked, int line) {
  return std::any_of(marked.begin(), marked.end(), [&](const LineRange& r) { return line >= r.from && line <= r.to; });
}

void write_block(const CodeLines& b) {
  pugi::xml_node code = b.code;
  const std::vector<Run> runs = runs_of(code);
  std::string all;
  for (const auto& r : runs) all += r.text;
  const int lines = static_cast<int>(count_lines(all));
  const size_t width = std::to_string(b.start + std::max(lines, 1) - 1).size();
  while (code.first_child()) code.remove_child(code.first_child());
  int line = 0;
  pugi::xml_node at;
  // Lines get elements of their own only in a block with marked lines: numbers alone are what a block adds most
  // often (every block of a Hexo site), and each <span class="line"> would add 26 bytes to every line.
  const bool own_elements = !b.marked.empty();
  auto open_line = [&] {
    ++line;
    at = code;
    if (own_elements) {
      at = code.append_child("span");
      at.append_attribute("class") = is_marked(b.marked, line) ? "line hl" : "line";
    }
    if (!b.numbers) return;
    std::string n = std::to_string(b.start + line - 1);
    auto ln = at.append_child("span");
    ln.append_attribute("class") = "ln";
    ln.append_attribute("aria-hidden") = "true";
    ln.append_child(pugi::node_pcdata)
        .set_value((std::string(width - std::min(width, n.size()), ' ') + n + " ").c_str());
  };
  auto add = [&](const std::string& cls, std::string_view text) {
    if (text.empty()) return;
    if (!at) open_line();
    auto to = at;
    if (!cls.empty()) {
      to = at.append_child("span");
      to.append_attribute("class") = cls.c_str();
    }
    to.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
  };
  for (const auto& r : runs) {
    std::string_view text = r.text;
    for (size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
      add(r.cls, text.substr(0, nl));
      if (!at) open_line();
      add("", "\n");
      at = pugi::xml_node();
    }
    add(r.cls, text);
  }
}

}  // namespace

MagicCommentLines take_magic_comments(std::string_view code) {
  MagicCommentLines out;
  int line = 0;       // lines kept so far
  bool next = false;  // highlight-next-line seen
  int open_from = 0;  // the first line of an open highlight-start, or 0
  for (size_t start = 0; start < code.size();) {
    size_t end = code.find('\n', start);
    end = end == std::string_view::npos ? code.size() : end + 1;
    std::string_view text = code.substr(start, end - start);
    start = end;
    std::string_view word = magic_word(text);
    if (word == "highlight-next-line") next = true;
    else if (word == "highlight-start") open_from = line + 1;
    else if (word == "highlight-end") {
      if (open_from && open_from <= line) out.marked.push_back({open_from, line});
      open_from = 0;
    }
    if (!word.empty()) continue;
    out.code += text;
    ++line;
    if (next) out.marked.push_back({line, line}), next = false;
  }
  if (open_from && open_from <= line) out.marked.push_back({open_from, line});
  std::sort(out.marked.begin(), out.marked.end(), [](auto& a, auto& b) { return a.from < b.from; });
  return out;
}

std::vector<CodeLines> read_code_lines(pugi::xml_node root, const MarkdownDialect& site) {
  std::vector<CodeLines> out;
  auto blocks = elements_below(root, [](pugi::xml_node n) { return is_named(n, "code"); });
  for (auto code : blocks) {
    std::string meta = code.attribute("data-meta").value();
    code.remove_attribute("data-meta");  // on inline code too, where raw HTML wrote it: it never reaches the book
    if (!is_named(code.parent(), "pre")) continue;
    auto cls = code.attribute("class");
    std::string classes = cls.value();
    size_t at = language_at(classes);
    std::string word;
    if (at != std::string::npos) {
      size_t end = classes.find(' ', at);
      word = classes.substr(at + 9, end == std::string::npos ? end : end - at - 9);
    }
    CodeLineOptions o = parse_code_line_options(word, meta);
    if (at != std::string::npos && o.language != word) {
      classes.replace(at + 9, word.size(), o.language);
      cls.set_value(classes.c_str());
    }
    auto text = text_only(code);
    if (!text || text->empty()) continue;
    CodeLines b;
    b.code = code;
    if (site.magic_comments && text->find("highlight-") != std::string::npos) {
      auto taken = take_magic_comments(*text);
      if (!taken.marked.empty() || taken.code != *text) set_text(code, taken.code);
      b.marked = std::move(taken.marked);
      *text = std::move(taken.code);
    }
    b.numbers = o.numbers.value_or(site.line_numbers && count_lines(*text) > size_t(std::max(site.line_threshold, 0)));
    b.start = o.start.value_or(site.line_start);
    for (const auto& r : o.marked) {
      const int shift = o.marks_by_number ? b.start - 1 : 0;
      if (r.to - shift >= 1) b.marked.push_back({std::max(r.from - shift, 1), r.to - shift});
    }
    if (b.numbers || !b.marked.empty()) out.push_back(std::move(b));
  }
  return out;
}

bool write_code_lines(const std::vector<CodeLines>& blocks) {
  for (const auto& b : blocks) write_block(b);
  return !blocks.empty();
}

}  // namespace mkepub
