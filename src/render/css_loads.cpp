// The resource rule for CSS in SVG images and templates (css_loads.h). SVG points its gradients, patterns, clip paths
// and markers at elements of the same file with `url(#id)` (SVG 1.1 IRI references,
// https://www.w3.org/TR/SVG11/linking.html#IRIforms), so those stay; everything else that loads goes.
#include "render/css_loads.h"

#include "base/text.h"

#include <cctype>

namespace mkepub {
namespace {

// Where the url( at `open` (the index of its "(") ends, and whether its argument is a fragment of this file.
struct Url {
  size_t end;  // one past ")" (or the text's end)
  bool local;
};
Url read_url(std::string_view css, size_t open) {
  size_t i = open + 1;
  while (i < css.size() && std::isspace(static_cast<unsigned char>(css[i]))) ++i;
  if (i < css.size() && (css[i] == '"' || css[i] == '\'')) ++i;
  bool local = i < css.size() && css[i] == '#';
  size_t close = css.find(')', i);
  return {close == std::string_view::npos ? css.size() : close + 1, local};
}

// A CSS escape outside a string can spell a function or at-rule (`u\72l(`, `@\69mport`); inside a string it is
// a character of the text (`content: "\201C"`), and the strings that load are @import's and url()'s, which go
// or are checked whatever they say.
bool hides_names(const std::string& low) {
  char quote = 0;
  for (size_t i = 0; i < low.size(); ++i) {
    char c = low[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '\\') {
      return true;
    }
  }
  return low.find("image-set") != std::string::npos || low.find("expression") != std::string::npos;
}

}  // namespace

std::optional<std::string> css_without_loads(std::string_view css) {
  const std::string low = ascii_lower(css);
  if (hides_names(low)) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < css.size();) {
    if (low.compare(i, 7, "@import") == 0) {  // an @import rule ends at its `;`
      size_t semi = css.find(';', i);
      i = semi == std::string_view::npos ? css.size() : semi + 1;
      continue;
    }
    if (low.compare(i, 4, "url(") == 0) {
      Url url = read_url(css, i + 3);
      out += url.local ? css.substr(i, url.end - i) : std::string_view("none");
      i = url.end;
      continue;
    }
    out += css[i++];
  }
  return out;
}

bool css_value_loads(std::string_view value) {
  const std::string low = ascii_lower(value);
  if (hides_names(low) || low.find("@import") != std::string::npos) return true;
  for (size_t at = low.find("url("); at != std::string::npos; at = low.find("url(", at + 4))
    if (!read_url(value, at + 3).local) return true;
  return false;
}

}  // namespace mkepub
