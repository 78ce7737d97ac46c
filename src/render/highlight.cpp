// Render: syntax highlighting with KSyntaxHighlighting (https://api.kde.org/frameworks/syntax-highlighting/html/),
// KDE's syntax definitions; each text style becomes the short class pandoc (skylighting) gives the same token.
// The only file that includes KSyntaxHighlighting and Qt.
#include "render/highlight.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QStandardPaths>

#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "base/dom.h"
#include "render/highlight_aliases.h"

namespace mkepub {
namespace {

namespace KS = KSyntaxHighlighting;

// skylighting's TokenType short names, which KDE's default text styles map onto one for one; in the order of
// Theme::TextStyle, from Normal (no class) to Others.
constexpr const char* kTokenClasses[] = {"",   "kw", "fu", "va", "cf", "op", "bu", "ex", "pp", "at", "ch",
                                         "sc", "st", "vs", "ss", "im", "dt", "dv", "bn", "fl", "cn", "co",
                                         "do", "an", "cv", "re", "in", "wa", "al", "er", "ot"};
static_assert(std::size(kTokenClasses) == KS::Theme::Others + 1);

const char* token_class(KS::Theme::TextStyle style) {
  return style >= 0 && style <= KS::Theme::Others ? kTokenClasses[style] : "";
}

std::string lower(const QString& s) { return s.toLower().toStdString(); }

// UTF-16 offsets into a line (KSyntaxHighlighting's) -> byte offsets into its UTF-8 text, which is valid; into
// `at`, which keeps its memory from line to line.
void utf16_to_bytes(std::string_view line, std::vector<size_t>& at) {
  at.clear();
  for (size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    at.push_back(i);
    if (n == 4) at.push_back(i);  // a surrogate pair: two units, one character
    i += n;
  }
  at.push_back(line.size());
}

bool is_valid_utf8(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<int>(s.size())).toUtf8() ==
         QByteArray::fromRawData(s.data(), static_cast<int>(s.size()));
}

// One per thread: a Repository loads each definition on first use and is not safe to share between threads.
class Highlighter final : public KS::AbstractHighlighter {
 public:
  Highlighter() {
    static std::mutex constructing;  // the definitions' metadata are read through Qt's global resource state
    std::lock_guard lock(constructing);
    repository_ = std::make_unique<KS::Repository>();
    setTheme(repository_->defaultTheme());
    for (const auto& d : repository_->definitions())
      if (!d.isHidden()) by_name_.emplace(lower(d.name()), d);
  }

  KS::Definition definition(const std::string& key) {
    auto [it, added] = found_.try_emplace(key);
    if (added) it->second = look_up(key);
    return it->second;
  }

  // The same block in the same language gives the same tokens (each block starts from a fresh state), and docs
  // repeat blocks: two thirds of the code of a big documentation set is repeats (parameter tables, examples).
  // Nullopt for code that is not valid UTF-8.
  const std::optional<std::vector<CodeToken>>& remembered_tokens(std::string_view code, const KS::Definition& def) {
    std::string key = def.name().toStdString();
    key += '\0';
    key += code;
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    if (memo_bytes_ > kMemoBytes) memo_.clear(), memo_bytes_ = 0;
    memo_bytes_ += 2 * key.size();
    std::optional<std::vector<CodeToken>> found;
    if (is_valid_utf8(code)) found = tokens(code, def);
    return memo_.emplace(std::move(key), std::move(found)).first->second;
  }

  std::vector<CodeToken> tokens(std::string_view code, const KS::Definition& def) {
    setDefinition(def);
    std::vector<CodeToken> out;
    auto add = [&](std::string_view text, const char* cls) {
      if (text.empty()) return;
      if (text.find_first_not_of(" \t") == std::string_view::npos) cls = "";  // a span around blanks shows nothing
      if (!out.empty() && out.back().token_class == cls) out.back().text += text;
      else out.push_back({std::string(text), cls});
    };
    KS::State state;
    for (size_t start = 0;;) {
      size_t end = code.find('\n', start);
      std::string_view line = code.substr(start, end == std::string_view::npos ? end : end - start);
      // A CR ending the line stays out of any span: written inside one, a reader's XML parser would read it as
      // a line break of its own.
      const bool cr = !line.empty() && line.back() == '\r';
      if (cr) line.remove_suffix(1);
      const QString text = QString::fromUtf8(line.data(), static_cast<int>(line.size()));
      spans_.clear();
      state = highlightLine(text, state);
      utf16_to_bytes(line, bytes_);
      const auto& bytes = bytes_;
      size_t unit = 0;  // where the text not yet given out starts
      for (const auto& s : spans_) {
        size_t from = std::max(unit, std::min(s.offset, bytes.size() - 1));
        size_t to = std::max(from, std::min(s.offset + s.length, bytes.size() - 1));
        add(line.substr(bytes[unit], bytes[from] - bytes[unit]), "");
        add(line.substr(bytes[from], bytes[to] - bytes[from]), s.cls);
        unit = to;
      }
      add(line.substr(bytes[unit]), "");
      if (cr) add("\r", "");
      if (end == std::string_view::npos) break;
      add("\n", "");
      start = end + 1;
    }
    return out;
  }

 protected:
  void applyFormat(int offset, int length, const KS::Format& format) override {
    spans_.push_back({size_t(offset), size_t(length), token_class(format.textStyle())});
  }

 private:
  struct Span {
    size_t offset, length;
    const char* cls;
  };

  KS::Definition look_up(const std::string& key) {
    if (key.empty() || names_plain_text(key)) return {};
    if (auto name = aliased_definition(key); !name.empty())
      return repository_->definitionForName(QString::fromUtf8(name.data(), static_cast<int>(name.size())));
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    const QString k = QString::fromStdString(key);
    if (auto d = repository_->definitionForFileName("x." + k); d.isValid()) return d;
    return repository_->definitionForFileName(k);  // Dockerfile, Makefile, CMakeLists.txt
  }

  std::unique_ptr<KS::Repository> repository_;
  std::map<std::string, KS::Definition> by_name_;  // lower-case names
  std::map<std::string, KS::Definition> found_;    // language keys looked up so far
  std::vector<Span> spans_;                        // the current line's
  static constexpr size_t kMemoBytes = 16 << 20;   // about what the remembered blocks take, per thread
  std::unordered_map<std::string, std::optional<std::vector<CodeToken>>> memo_;
  size_t memo_bytes_ = 0;
  std::vector<size_t> bytes_;  // the current line's byte offset of each UTF-16 unit
};

Highlighter& this_thread_highlighter() {
  thread_local Highlighter highlighter;
  return highlighter;
}

// The language the code element's class names ("language-js"), or "" without one.
std::string class_language(pugi::xml_node code) {
  std::string_view cls = code.attribute("class").value();
  for (size_t at = cls.find("language-"); at != std::string_view::npos; at = cls.find("language-", at + 1))
    if (at == 0 || cls[at - 1] == ' ') return fence_language_key(cls.substr(at + 9));
  return "";
}

// The tokens of `code` in the language `key` names; nullopt for an unknown language or code not in UTF-8. Valid
// until this thread highlights again.
const std::optional<std::vector<CodeToken>>& tokens_of(std::string_view code, const std::string& key) {
  static const std::optional<std::vector<CodeToken>> none;
  auto& h = this_thread_highlighter();
  auto def = h.definition(key);
  return def.isValid() ? h.remembered_tokens(code, def) : none;
}

}  // namespace

void use_bundled_syntax_definitions_only() {
  // Qt's test mode moves the user's data folder to ~/.qttest/share, where no one keeps definitions; the system's
  // folders are the ones $XDG_DATA_DIRS names, which only Qt and GLib read (fontconfig reads $XDG_DATA_HOME).
  QStandardPaths::setTestModeEnabled(true);
  setenv("XDG_DATA_DIRS", "/nonexistent/mkepub-bundled-definitions-only", 1);
}

std::optional<std::string> highlight_language(std::string_view fence_language) {
  auto def = this_thread_highlighter().definition(fence_language_key(fence_language));
  if (!def.isValid()) return std::nullopt;
  return def.name().toStdString();
}

std::optional<std::vector<CodeToken>> highlight_tokens(std::string_view code, std::string_view fence_language) {
  return tokens_of(code, fence_language_key(fence_language));
}

size_t highlight_code_blocks(pugi::xml_node root) {
  size_t done = 0;
  auto blocks =
      elements_below(root, [](pugi::xml_node n) { return is_named(n, "code") && is_named(n.parent(), "pre"); });
  for (auto code : blocks) {
    const std::string language = class_language(code);
    if (language.empty()) continue;
    std::string text;
    bool text_only = true;
    for (auto child : code.children()) {
      text_only = text_only && (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata);
      text += child.value();
    }
    if (!text_only || text.empty()) continue;
    const auto& tokens = tokens_of(text, language);
    if (!tokens) continue;
    while (code.first_child()) code.remove_child(code.first_child());
    for (const auto& t : *tokens) {
      auto at = code;
      if (!t.token_class.empty()) {
        at = code.append_child("span");
        at.append_attribute("class") = t.token_class.data();  // a literal: NUL-terminated
      }
      at.append_child(pugi::node_pcdata).set_value(t.text.c_str());
    }
    ++done;
  }
  return done;
}

}  // namespace mkepub
