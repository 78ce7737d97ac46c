// Render: the aliases fences use for languages, mapped to KSyntaxHighlighting's definition names. Names a
// definition already answers to (its name, case aside, or a file extension it claims: "kt", "swift", "lua") need
// no entry; these are the short names highlight.js, Linguist and Chroma accept that the definitions do not claim.
#include "render/highlight_aliases.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace mkepub {
namespace {

constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"asm", "GNU Assembler"},
    {"assembly", "GNU Assembler"},
    {"bat", "MS-DOS Batch"},
    {"batch", "MS-DOS Batch"},
    {"c#", "C#"},
    {"c++", "C++"},
    {"cjs", "JavaScript"},
    {"cmd", "MS-DOS Batch"},
    {"console", "Bash"},  // a shell session: prompts and commands read as shell
    {"cpp", "C++"},
    {"cs", "C#"},
    {"csharp", "C#"},
    {"django", "Django HTML Template"},
    {"docker", "Dockerfile"},
    {"dockerfile", "Dockerfile"},
    {"gitconfig", "INI Files"},
    {"gitignore", "Git Ignore"},
    {"go-html-template", "HTML"},  // Hugo's Go templates in HTML: the HTML is highlighted
    {"golang", "Go"},
    {"gql", "GraphQL"},
    {"gradle", "Groovy"},
    {"handlebars", "Mustache/Handlebars (HTML)"},
    {"hbs", "Mustache/Handlebars (HTML)"},
    {"htm", "HTML"},
    {"html", "HTML"},
    {"jinja", "Django HTML Template"},
    {"jinja2", "Django HTML Template"},
    {"js", "JavaScript"},
    {"json5", "JSON"},
    {"jsonc", "JSON"},
    {"jsx", "JavaScript React (JSX)"},
    {"kt", "Kotlin"},
    {"less", "LESSCSS"},
    {"linker-script", "GNU Linker Script"},
    {"make", "Makefile"},
    {"makefile", "Makefile"},
    {"md", "Markdown"},
    {"mdx", "Markdown"},
    {"mjs", "JavaScript"},
    {"mustache", "Mustache/Handlebars (HTML)"},
    {"nasm", "Intel x86 (NASM)"},
    {"node", "JavaScript"},
    {"ocaml", "Objective Caml"},
    {"pcss", "CSS"},
    {"postcss", "CSS"},
    {"properties", "Java Properties"},
    {"proto", "Protobuf"},
    {"ps", "PowerShell"},
    {"ps1", "PowerShell"},
    {"psm1", "PowerShell"},
    {"pwsh", "PowerShell"},
    {"py", "Python"},
    {"py3", "Python"},
    {"python3", "Python"},
    {"r", "R Script"},
    {"rb", "Ruby"},
    {"rs", "Rust"},
    {"sh", "Bash"},
    {"shell", "Bash"},
    {"shellsession", "Bash"},
    {"svg", "XML"},
    {"systemd", "systemd unit"},
    {"terminal", "Bash"},
    {"tex", "LaTeX"},
    {"ts", "TypeScript"},
    {"tsx", "TypeScript React (TSX)"},
    {"vue", "HTML"},  // a single-file component: HTML with its script and style inside
    {"xaml", "XML"},
    {"xhtml", "HTML"},
    {"xml", "XML"},
    {"yml", "YAML"},
    {"zsh", "Zsh"},
    {"plist", "XML"},
    {"postgresql", "SQL (PostgreSQL)"},
};

constexpr std::string_view kPlainText[] = {
    "text",         "txt", "plain", "plaintext", "output",         "none",  "nohighlight",
    "no-highlight", "raw", "log",   "code",      "console-output", "ascii", "result"};

}  // namespace

std::string fence_language_key(std::string_view fence_language) {
  std::string key;
  size_t at = fence_language.find_first_not_of(" \t{.");
  if (at == std::string_view::npos) return key;
  for (char c : fence_language.substr(at)) {
    if (c == ' ' || c == '\t' || c == ',' || c == '{' || c == '}') break;
    key += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  return key;
}

std::string_view aliased_definition(std::string_view key) {
  for (const auto& [alias, name] : kAliases)
    if (alias == key) return name;
  return {};
}

bool names_plain_text(std::string_view key) {
  return std::find(std::begin(kPlainText), std::end(kPlainText), key) != std::end(kPlainText);
}

}  // namespace mkepub
