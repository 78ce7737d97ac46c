// Sources: mdBook's book.toml, its `[book]` table (https://rust-lang.github.io/mdBook/format/configuration/general.html).
//
// Debian does package C++ TOML libraries (toml++, toml11), but five string keys of one table do not pay for
// another dependency to install, find and wrap. This reads the part of TOML (https://toml.io/en/v1.0.0) those
// keys are written in: `[tables]` and `[[arrays of tables]]`, bare, quoted and dotted keys, basic and literal
// strings (also triple-quoted), arrays of strings, comments. Other values (numbers, booleans, inline tables) are
// skipped, so a book.toml with richer tables still gives its [book] keys.
#include <cctype>

#include "dialects/site.h"

namespace mkepub {
namespace {

class TomlReader {
 public:
  explicit TomlReader(const std::string& text) : s_(text) {}

  // Every string value under its full dotted key; an array's strings under `key.0`, `key.1`...
  void read(SiteConfig& config) {
    std::string table;
    while (skip_blank_lines()) {
      if (s_[i_] == '[') {
        i_ += s_.compare(i_, 2, "[[") == 0 ? 2 : 1;
        table = key();
        skip_line();
        continue;
      }
      std::string k = key();
      skip_spaces();
      if (k.empty() || i_ >= s_.size() || s_[i_] != '=') {
        skip_line();
        continue;
      }
      ++i_;
      skip_spaces();
      std::string full = table.empty() ? k : table + "." + k;
      bool array = i_ < s_.size() && s_[i_] == '[';
      std::vector<std::string> values = value();
      for (size_t n = 0; n < values.size(); ++n)
        config.variables[array ? full + "." + std::to_string(n) : full] = values[n];
      if (full == "book.title" && !array && !values.empty()) config.title = values[0];
      else if (full == "book.language" && !array && !values.empty()) config.language = values[0];
      else if (full == "book.description" && !array && !values.empty()) config.description = values[0];
      else if (full == "book.authors") config.authors = array ? values : std::vector<std::string>();
      skip_line();
    }
  }

 private:
  bool skip_blank_lines() {
    for (;;) {
      skip_spaces();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == '\n') ++i_;
      else if (s_[i_] == '#') skip_line();
      else return true;
    }
  }

  void skip_spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }

  void skip_line() {
    auto nl = s_.find('\n', i_);
    i_ = nl == std::string::npos ? s_.size() : nl + 1;
  }

  // `a.b`, `"a b".c`, with spaces around the dots; stops at `=`, `]` or anything else a key cannot hold.
  std::string key() {
    std::string out;
    for (;;) {
      skip_spaces();
      if (i_ >= s_.size()) break;
      char c = s_[i_];
      if (c == '"' || c == '\'') out += string();
      else if (c == '.') out += s_[i_++];
      else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') out += s_[i_++];
      else break;
    }
    return out;
  }

  // A string, or the strings of an array (which may span lines and hold comments); other values give nothing.
  std::vector<std::string> value() {
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) return {string()};
    std::vector<std::string> out;
    if (i_ >= s_.size() || s_[i_] != '[') return out;
    ++i_;
    while (i_ < s_.size() && s_[i_] != ']') {
      char c = s_[i_];
      if (c == '"' || c == '\'') out.push_back(string());
      else if (c == '#') skip_line();
      else ++i_;
    }
    return out;
  }

  std::string string() {
    const char quote = s_[i_];
    const bool basic = quote == '"';
    const std::string triple(3, quote);
    const bool multi = s_.compare(i_, 3, triple) == 0;
    i_ += multi ? 3 : 1;
    if (multi && i_ < s_.size() && s_[i_] == '\n') ++i_;  // a line end right after `"""` is not part of it
    std::string out;
    while (i_ < s_.size()) {
      if (multi ? s_.compare(i_, 3, triple) == 0 : s_[i_] == quote) {
        i_ += multi ? 3 : 1;
        break;
      }
      if (!multi && s_[i_] == '\n') break;
      if (basic && s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char e = s_[i_ + 1];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        i_ += 2;
        continue;
      }
      out += s_[i_++];
    }
    return out;
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

SiteConfig parse_book_toml(const std::string& toml) {
  SiteConfig config;
  TomlReader(toml).read(config);
  for (const auto& name : config.authors) config.author += (config.author.empty() ? "" : ", ") + name;
  return config;
}

}  // namespace mkepub
