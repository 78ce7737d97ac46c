// Dialects: mdBook's book.toml, its `[book]` table
// (https://rust-lang.github.io/mdBook/format/configuration/general.html), read with toml++ (TOML 1.0,
// https://toml.io/en/v1.0.0), which lives here and nowhere else.
#include <toml++/toml.h>

#include <cctype>

#include "base/text.h"
#include "dialects/mdbook/mdbook.h"

namespace mkepub {
namespace {

// Every string under its dotted key, for `{{ site.x }}` and `book.src`; array items are numbered (`key.0`).
// Other values (numbers, booleans, dates) are not text a book shows, and are left out.
void flatten(const toml::node& node, const std::string& key, std::map<std::string, std::string>& out) {
  if (auto s = node.as_string()) {
    out[key] = s->get();
  } else if (auto table = node.as_table()) {
    for (const auto& [k, v] : *table)
      flatten(v, key.empty() ? std::string(k.str()) : key + "." + std::string(k.str()), out);
  } else if (auto array = node.as_array()) {
    for (size_t i = 0; i < array->size(); ++i) flatten(*array->get(i), key + "." + std::to_string(i), out);
  }
}

// TOML's escapes (\u0000, \u0007) can put characters XML forbids in a value; a NUL would cut a title short.
std::string text(const toml::table& root, const char* key) {
  return xml_text(root["book"][key].value<std::string>().value_or(""));
}

}  // namespace

SiteConfig parse_book_toml(const std::string& toml, const std::string& display, Diagnostics& diag) {
  SiteConfig config;
  toml::table root;
  try {
    root = toml::parse(std::string_view(toml), std::string_view(display));
  } catch (const toml::parse_error& e) {
    // mdBook itself stops on it; warned rather than failed, as the book's chapters can still be read.
    std::string what(e.description());
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    diag.warn({display, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
               "invalid TOML in book.toml: " + what + "; its settings are ignored", "invalid book.toml"});
    return config;
  }
  flatten(root, "", config.variables);
  config.title = text(root, "title");
  config.language = text(root, "language");
  config.description = text(root, "description");
  if (auto authors = root["book"]["authors"].as_array())
    for (const auto& name : *authors)
      if (auto s = name.value<std::string>()) config.authors.push_back(xml_text(*s));
  for (const auto& name : config.authors) config.author += (config.author.empty() ? "" : ", ") + name;
  return config;
}

}  // namespace mkepub
