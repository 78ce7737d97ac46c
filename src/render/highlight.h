// Render: code blocks highlighted at build time with KDE's syntax definitions (KSyntaxHighlighting, the ones
// pandoc's skylighting reads), as spans carrying pandoc's short token classes; the stylesheet gives them a look.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

// A run of a code block's text and its token class (pandoc's: "kw", "co", "st"...; empty for plain text).
struct CodeToken {
  std::string text;
  std::string_view token_class;  // one of the classes' names, static strings
};

// The syntax definition a fence's language names, case-insensitively, after the usual aliases ("js", "C++",
// "ps1", "rust,ignore", "{.python}"), else by definition name, file extension or file name; nullopt when the
// language is unknown or names plain text ("text", "output").
std::optional<std::string> highlight_language(std::string_view fence_language);

// `code` cut into runs, each with its token class, in order: their texts joined are `code`, byte for byte.
// Nullopt when the language is unknown or the code is not valid UTF-8.
std::optional<std::vector<CodeToken>> highlight_tokens(std::string_view code, std::string_view fence_language);

// KSyntaxHighlighting also loads definitions from the user's and the system's data folders
// (~/.local/share/org.kde.syntax-highlighting/syntax, $XDG_DATA_DIRS), and one found there replaces the bundled
// one of a lower version: the same post would give other books on another machine. Called once at start, while
// the process has one thread (it sets $XDG_DATA_DIRS), it leaves the definitions built into the library only.
void use_bundled_syntax_definitions_only();

// Highlights every <pre><code class="language-X"> below `root` whose content is text alone: its text becomes
// plain text and <span class="kw"> etc. Returns how many blocks it highlighted.
size_t highlight_code_blocks(pugi::xml_node root);

}  // namespace mkepub
