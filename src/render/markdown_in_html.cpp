// kramdown's rule (https://kramdown.gettalong.org/syntax.html#html-blocks): `markdown="1"` or "block" parses an
// HTML block's content as block-level Markdown; "span" and "0" are left to the HTML they are.
#include "render/markdown_in_html.h"

#include <optional>
#include <regex>
#include <string_view>
#include <vector>

#include "render/code_fences.h"

namespace mkepub {
namespace {

constexpr std::string_view kEndBlock = "<!---->";

struct Opened {
  std::string tag;
  int depth = 1;
};

// `<tag ... markdown="1" ...>rest` at the start of a line (up to three spaces): the tag with the attribute
// dropped, then what follows it on the line.
std::optional<std::pair<std::string, std::string>> opening_tag(const std::string& line, std::string& name) {
  static const std::regex re(
      R"re(^( {0,3})<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s>]+)*?)\s+markdown\s*=\s*(?:"(?:1|block)"|'(?:1|block)'|(?:1|block)(?=[\s>]))((?:\s+[^\s>]+)*)\s*>(.*)$)re");
  // std::regex recurses per character: only short lines that open with a tag are tried.
  constexpr size_t kLongestTagLine = 2000;
  size_t at = line.find_first_not_of(' ');
  if (at > 3 || line[at] != '<' || line.size() > kLongestTagLine || line.find("markdown") == std::string::npos)
    return std::nullopt;
  std::smatch m;
  if (!std::regex_match(line, m, re)) return std::nullopt;
  name = m[2].str();
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::make_pair(m[1].str() + "<" + m[2].str() + m[3].str() + m[4].str() + ">", m[5].str());
}

// Where the `</tag>` that closes the open block is on `line`, counting same-named tags opened and closed before
// it; npos when the block stays open.
size_t closing_at(const std::string& line, Opened& open) {
  std::string lower = line;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string opener = "<" + open.tag, closer = "</" + open.tag;
  for (size_t at = 0; (at = lower.find('<', at)) != std::string::npos; ++at) {
    auto ends_name = [&](size_t after) {
      return after >= lower.size() || lower[after] == '>' || lower[after] == ' ' || lower[after] == '\t' ||
             lower[after] == '/';
    };
    if (lower.compare(at, closer.size(), closer) == 0 && ends_name(at + closer.size())) {
      if (--open.depth == 0) return at;
    } else if (lower.compare(at, opener.size(), opener) == 0 && ends_name(at + opener.size())) {
      ++open.depth;
    }
  }
  return std::string::npos;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

std::string open_markdown_in_html(const std::string& markdown) {
  if (markdown.find("markdown") == std::string::npos) return "";
  std::string out;
  std::vector<Opened> open;
  std::optional<CodeFence> code;
  bool changed = false;
  for (size_t pos = 0; pos < markdown.size();) {
    size_t nl = markdown.find('\n', pos);
    std::string line = markdown.substr(pos, (nl == std::string::npos ? markdown.size() : nl) - pos);
    pos = nl == std::string::npos ? markdown.size() : nl + 1;
    const std::string newline = nl == std::string::npos ? "" : "\n";
    if (code) {
      if (closes_code(line, *code)) code.reset();
    } else if (auto fence = code_fence(line)) {
      code = fence;
    } else if (std::string name; auto tag = opening_tag(line, name)) {
      changed = true;
      out += std::string(kEndBlock) + tag->first;
      open.push_back({name});
      line = tag->second;
      if (blank(line)) {
        out += newline;
        continue;
      }
      out += '\n';
    }
    if (!code && !open.empty()) {
      if (size_t at = closing_at(line, open.back()); at != std::string::npos) {
        size_t end = line.find('>', at);
        end = end == std::string::npos ? line.size() : end + 1;
        if (!blank(line.substr(0, at))) out += line.substr(0, at) + "\n";
        out += std::string(kEndBlock) + line.substr(at, end - at);
        // What follows the closing tag stays on its line, as HTML after it.
        out += line.substr(end) + newline;
        open.pop_back();
        continue;
      }
    }
    out += line + newline;
  }
  return changed ? out : "";
}

}  // namespace mkepub
