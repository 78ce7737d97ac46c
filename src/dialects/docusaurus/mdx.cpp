// Dialects: what only MDX means (https://mdxjs.com/docs/what-is-mdx/), dropped from a .mdx post so that its
// Markdown reads as Markdown: ESM statements, JSX tags on lines of their own, expression comments.
#include <cctype>
#include <optional>

#include "base/text.h"
#include "dialects/docusaurus/docusaurus.h"

namespace mkepub {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// `<Name`, `</Name`, `<>` or `</>`: a JSX component (capitalized, or dotted such as `<motion.div`) or fragment;
// lowercase tags are HTML, which the Markdown stage reads.
std::optional<std::string> jsx_name(std::string_view t) {
  if (t.empty() || t[0] != '<') return std::nullopt;
  size_t at = t.size() > 1 && t[1] == '/' ? 2 : 1;
  if (at < t.size() && t[at] == '>') return std::string("<>");
  if (at >= t.size() || !std::isupper(static_cast<unsigned char>(t[at]))) return std::nullopt;
  size_t end = at;
  while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '.' || t[end] == '_')) ++end;
  return "<" + std::string(t.substr(at, end - at)) + ">";
}

// Whether a tag that opened on this line is closed by its end: a `>` outside quotes and braces.
bool tag_ends(std::string_view line, int& braces, char& quote) {
  for (char c : line) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{') {
      ++braces;
    } else if (c == '}') {
      --braces;
    } else if (c == '>' && braces <= 0) {
      return true;
    }
  }
  return false;
}

int brace_balance(std::string_view line) {
  int n = 0;
  for (char c : line) n += c == '{' || c == '(' || c == '[' ? 1 : c == '}' || c == ')' || c == ']' ? -1 : 0;
  return n;
}

void note(std::vector<std::string>& dropped, const std::string& kind) {
  for (const auto& k : dropped)
    if (k == kind) return;
  dropped.push_back(kind);
}

}  // namespace

std::string strip_mdx(const std::string& body, std::vector<std::string>& dropped) {
  std::string out;
  out.reserve(body.size());
  enum class In { text, esm, tag, comment } in = In::text;
  std::string fence;  // the open code fence's marks
  int depth = 0, braces = 0;
  char quote = 0;
  for (size_t pos = 0; pos < body.size();) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string::npos ? body.size() : nl;
    std::string_view line(body.data() + pos, end - pos);
    pos = nl == std::string::npos ? body.size() : nl + 1;
    std::string_view t = trim(line);
    bool drop = false;
    if (in == In::esm) {
      depth += brace_balance(line);
      drop = true;
      if (depth <= 0 && !t.empty() && t.back() != ',') in = In::text;
    } else if (in == In::tag) {
      drop = true;
      if (tag_ends(line, braces, quote)) in = In::text;
    } else if (in == In::comment) {
      drop = true;
      if (t.find("*/}") != std::string_view::npos) in = In::text;
    } else if (!fence.empty()) {
      if (starts_with(t, fence) && t.find_first_not_of(fence[0]) == std::string_view::npos) fence.clear();
    } else if (starts_with(t, "```") || starts_with(t, "~~~")) {
      fence = std::string(t.substr(0, t.find_first_not_of(t[0])));
    } else if (line == t && (starts_with(t, "import ") || starts_with(t, "export ") || starts_with(t, "import{"))) {
      note(dropped, "import/export");
      depth = brace_balance(line);
      drop = true;
      bool done = depth <= 0 && (t.back() == ';' || t.find(" from ") != std::string_view::npos ||
                                 starts_with(t, "export default") || t.find('=') != std::string_view::npos ||
                                 (starts_with(t, "import ") &&
                                  (t.find('\'') != std::string_view::npos || t.find('"') != std::string_view::npos)));
      if (!done) in = In::esm;
    } else if (starts_with(t, "{/*")) {
      note(dropped, "{/* comment */}");
      drop = true;
      if (t.find("*/}") == std::string_view::npos) in = In::comment;
    } else if (auto name = jsx_name(t)) {
      note(dropped, "JSX component " + *name);
      drop = true;
      braces = 0;
      quote = 0;
      if (!tag_ends(t, braces, quote)) in = In::tag;
    }
    if (!drop && fence.empty() && in == In::text && line.find_first_of("{<") != std::string_view::npos)
      out += html_of_jsx_attributes(std::string(line));
    else if (!drop)
      out += line;
    if (nl != std::string::npos) out += '\n';
  }
  return out;
}

}  // namespace mkepub
