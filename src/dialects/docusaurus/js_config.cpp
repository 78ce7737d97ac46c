// Dialects: string literals read out of a JavaScript site config (js_config.h), never running it.
#include "dialects/docusaurus/js_config.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "dialects/dialect.h"

namespace mkepub {
namespace {

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// Skips `// ...` and `/* ... */` comments and strings, so that a key inside them is not read.
size_t skip_comment_or_string(std::string_view js, size_t i) {
  if (js.compare(i, 2, "//") == 0) return std::min(js.find('\n', i), js.size());
  if (js.compare(i, 2, "/*") == 0) {
    size_t end = js.find("*/", i + 2);
    return end == std::string_view::npos ? js.size() : end + 2;
  }
  return i;
}

// The literal opening at js[at] (a quote or backtick), unescaped; nullopt when it is not a plain literal.
std::optional<std::string> literal_at(std::string_view js, size_t at) {
  char quote = js[at];
  if (quote != '\'' && quote != '"' && quote != '`') return std::nullopt;
  std::string out;
  for (size_t i = at + 1; i < js.size(); ++i) {
    char c = js[i];
    if (c == quote) return out;
    if (c == '\n' && quote != '`') return std::nullopt;
    if (quote == '`' && c == '$' && i + 1 < js.size() && js[i + 1] == '{') return std::nullopt;
    if (c == '\\' && i + 1 < js.size()) {
      char e = js[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      continue;
    }
    out += c;
  }
  return std::nullopt;
}

// Where the value of the first `key:` starts; npos without one.
size_t value_at(std::string_view js, std::string_view key) {
  for (size_t i = 0; i < js.size();) {
    if (size_t after = skip_comment_or_string(js, i); after != i) {
      i = after;
      continue;
    }
    char c = js[i];
    if (c == '\'' || c == '"' || c == '`') {  // a string: skipped whole, unless it is the key itself
      size_t end = i + 1;
      while (end < js.size() && js[end] != c && js[end] != '\n') end += js[end] == '\\' ? 2 : 1;
      std::string_view inside = js.substr(i + 1, std::min(end, js.size()) - i - 1);
      i = end + 1;
      if (inside != key) continue;
    } else if (js.compare(i, key.size(), key) == 0 && (i == 0 || !is_ident(js[i - 1])) &&
               (i + key.size() >= js.size() || !is_ident(js[i + key.size()]))) {
      i += key.size();
    } else {
      ++i;
      continue;
    }
    size_t colon = js.find_first_not_of(" \t", std::min(i, js.size()));
    if (colon == std::string_view::npos || js[colon] != ':') continue;
    return js.find_first_not_of(" \t\r\n", colon + 1);
  }
  return std::string_view::npos;
}

}  // namespace

std::string js_string_value(std::string_view js, std::string_view key) {
  size_t value = value_at(js, key);
  return value == std::string_view::npos ? "" : literal_at(js, value).value_or("");
}

std::string js_word_value(std::string_view js, std::string_view key) {
  size_t value = value_at(js, key);
  if (value == std::string_view::npos) return "";
  size_t end = value;
  while (end < js.size() && is_ident(js[end])) ++end;
  return std::string(js.substr(value, end - value));
}

SiteConfig parse_js_config(const std::string& js, const std::string& display, Diagnostics& diag) {
  SiteConfig c;
  c.title = js_string_value(js, "title");
  c.subtitle = js_string_value(js, "tagline");
  c.description = js_string_value(js, "description");
  c.language = js_string_value(js, "defaultLocale");
  if (c.language.empty()) c.language = js_string_value(js, "lang");
  if (auto url = js_string_value(js, "url"); !url.empty()) {
    std::string base = js_string_value(js, "baseUrl");
    while (!url.empty() && url.back() == '/') url.pop_back();
    c.variables["url"] = url + (base.empty() || base.front() != '/' ? "/" + base : base);
  }
  // VitePress's `markdown: { lineNumbers: true }`: every code block's lines numbered.
  if (js_word_value(js, "lineNumbers") == "true") c.variables["markdown.lineNumbers"] = "true";
  for (const char* key : {"title", "tagline", "description"})
    if (auto v = js_string_value(js, key); !v.empty()) c.variables[key] = v;
  keep_http_url(c, "url", js, display, diag);
  return c;
}

}  // namespace mkepub
