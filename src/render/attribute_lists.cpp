// Attribute lists (attribute_lists.h), read as kramdown documents them
// (https://kramdown.gettalong.org/syntax.html#inline-attribute-lists): a block IAL on the line after a block applies
// to it, on the line before to the next one; a span IAL directly after a span element; an ALD anywhere in the post.
// Heading attributes follow Goldmark (https://github.com/yuin/goldmark#attributes) and pandoc's header_attributes.
#include "render/attribute_lists.h"

#include <cmark-gfm.h>

#include <cctype>
#include <map>
#include <string>

namespace mkepub {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
// kramdown's ALD_ID_NAME, `\w[\w-]*`, with Goldmark's and pandoc's `:` and `.` inside ids left out (`.` starts a
// class there too).
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool is_name(char c) { return is_word(c) || c == '-' || c == ':'; }

void add_classes(AttributeList& a, std::string_view value) {
  for (size_t i = 0; i < value.size();) {
    while (i < value.size() && is_blank(value[i])) ++i;
    size_t j = i;
    while (j < value.size() && !is_blank(value[j])) ++j;
    if (j > i) a.classes.emplace_back(value.substr(i, j - i));
    i = j;
  }
}

// The words between the braces. kramdown's form takes quoted values and reference names; the bare form takes
// unquoted values and `-`, and needs a word that is not a pair, so `{x=1}` in prose stays prose.
std::optional<AttributeList> parse_words(std::string_view s, bool kramdown) {
  AttributeList a;
  bool not_pair = false;
  size_t i = 0;
  while (true) {
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i == s.size()) break;
    const char c = s[i];
    if (c == '.' || c == '#') {
      size_t j = i + 1;
      if (j == s.size() || !is_word(s[j])) return std::nullopt;
      while (j < s.size() && is_name(s[j])) ++j;
      std::string name(s.substr(i + 1, j - i - 1));
      if (c == '.') a.classes.push_back(std::move(name));
      else a.id = std::move(name);
      not_pair = true;
      i = j;
    } else if (c == '-' && !kramdown && (i + 1 == s.size() || is_blank(s[i + 1]))) {
      not_pair = true;  // pandoc's "unnumbered"
      ++i;
    } else {
      size_t j = i;
      if (!is_word(s[j])) return std::nullopt;
      while (j < s.size() && is_name(s[j])) ++j;
      std::string_view key = s.substr(i, j - i);
      if (j < s.size() && s[j] == '=') {
        std::string value;
        ++j;
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
          const char quote = s[j++];
          while (j < s.size() && s[j] != quote) {
            if (s[j] == '\\' && j + 1 < s.size()) ++j;
            value += s[j++];
          }
          if (j == s.size()) return std::nullopt;
          ++j;
        } else if (!kramdown) {
          while (j < s.size() && !is_blank(s[j])) value += s[j++];
        } else {
          return std::nullopt;
        }
        if (key == "id") a.id = value;
        else if (key == "class") add_classes(a, value);
      } else if (kramdown) {
        a.references.emplace_back(key);
      } else {
        return std::nullopt;
      }
      if (j < s.size() && !is_blank(s[j])) return std::nullopt;
      i = j;
    }
  }
  if (!kramdown && !not_pair) return std::nullopt;
  return a;
}

// Smart punctuation (a site's typographer) has curled the quotes of a list's values by the time the tree is read;
// kramdown and Goldmark read lists before their typographers run, so the values are quoted with straight ones.
std::optional<std::string> with_straight_quotes(std::string_view text) {
  if (text.find("\xE2\x80") == std::string_view::npos) return std::nullopt;
  std::string out(text);
  for (auto [curly, straight] : {std::pair{"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x98", "'"},
                                 {"\xE2\x80\x99", "'"}})
    for (size_t at; (at = out.find(curly)) != std::string::npos;) out.replace(at, 3, straight);
  return out == text ? std::nullopt : std::optional(out);
}

int hex_value(char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10; }

}  // namespace

std::optional<AttributeList> parse_attribute_list(std::string_view text) {
  if (auto straight = with_straight_quotes(text)) return parse_attribute_list(*straight);
  if (text.size() < 3 || text.front() != '{' || text.back() != '}') return std::nullopt;
  std::string_view inner = text.substr(1, text.size() - 2);
  if (inner.starts_with(':')) {
    inner.remove_prefix(1);
    if (inner.starts_with(':') || parse_attribute_definition(text)) return std::nullopt;  // an extension, an ALD
    return parse_words(inner, true);
  }
  return parse_words(inner, false);
}

std::optional<std::pair<std::string, AttributeList>> parse_attribute_definition(std::string_view text) {
  if (auto straight = with_straight_quotes(text)) return parse_attribute_definition(*straight);
  if (text.size() < 5 || !text.starts_with("{:") || text.back() != '}') return std::nullopt;
  size_t j = 2;
  if (!is_word(text[j])) return std::nullopt;
  while (j < text.size() && (is_word(text[j]) || text[j] == '-')) ++j;
  if (j + 1 >= text.size() || text[j] != ':' || !(is_blank(text[j + 1]) || text[j + 1] == '}')) return std::nullopt;
  auto list = parse_words(text.substr(j + 1, text.size() - j - 2), true);
  if (!list) return std::nullopt;
  return std::pair{std::string(text.substr(2, j - 2)), *list};
}

// Names are written with every byte but letters, digits and `_` as %XX: a marker never holds `--`, which would end
// the comment for an XML parser.
std::string attribute_marker(MarkerTarget target, const AttributeList& attributes) {
  static const char* const kTarget[] = {"up", "next", "previous"};
  std::string out = std::string("mkepub-attrs:") + kTarget[int(target)];
  auto put = [&](char kind, const std::string& name) {
    out += ' ';
    out += kind;
    for (unsigned char c : name) {
      if (std::isalnum(c) || c == '_') {
        out += char(c);
      } else {
        static const char hex[] = "0123456789ABCDEF";
        out += {'%', hex[c >> 4], hex[c & 15]};
      }
    }
  };
  if (!attributes.id.empty()) put('#', attributes.id);
  for (const auto& c : attributes.classes) put('.', c);
  return out;
}

std::optional<AttributeMarker> read_attribute_marker(std::string_view comment) {
  constexpr std::string_view kPrefix = "mkepub-attrs:";
  if (!comment.starts_with(kPrefix)) return std::nullopt;
  comment.remove_prefix(kPrefix.size());
  AttributeMarker marker;
  size_t word_end = std::min(comment.find(' '), comment.size());
  std::string_view target = comment.substr(0, word_end);
  marker.target = target == "next"       ? MarkerTarget::next
                  : target == "previous" ? MarkerTarget::previous
                                         : MarkerTarget::up;
  for (size_t i = word_end; i < comment.size();) {
    size_t j = std::min(comment.find(' ', i + 1), comment.size());
    std::string_view word = comment.substr(i + 1, j - i - 1);
    std::string name;
    for (size_t k = 1; k < word.size(); ++k) {
      if (word[k] == '%' && k + 2 < word.size() && std::isxdigit(static_cast<unsigned char>(word[k + 1])) &&
          std::isxdigit(static_cast<unsigned char>(word[k + 2]))) {
        name += char(hex_value(word[k + 1]) * 16 + hex_value(word[k + 2]));
        k += 2;
      } else {
        name += word[k];
      }
    }
    if (!word.empty() && word[0] == '#') marker.attributes.id = name;
    else if (!word.empty() && word[0] == '.') marker.attributes.classes.push_back(name);
    i = j;
  }
  return marker;
}

}  // namespace mkepub
