#include <doctest/doctest.h>

#include "dialects/mdbook/hidden_lines.h"

using namespace mkepub;

namespace {
std::string hide(const std::string& md, std::map<std::string, std::string> prefixes = {}) {
  return remove_hidden_lines(md, prefixes);
}
}  // namespace

TEST_CASE("mdbook hidden lines: a Rust block loses its `#` lines, keeps attributes, and `##` shows as `#`") {
  CHECK(hide("```rust\n# fn main() {\nlet x = 5;\n#\n    #    hidden();\n#[derive(Debug)]\n#![allow(x)]\n"
             "## not hidden\n# }\n```\n") ==
        "```rust\nlet x = 5;\n#[derive(Debug)]\n#![allow(x)]\n# not hidden\n```\n");
  // mdBook's rule is any character after `#` but `!`, `[` and `#`.
  CHECK(hide("```rust,ignore\n#hidden\nshown\n```\n") == "```rust,ignore\nshown\n```\n");
}

TEST_CASE("mdbook hidden lines: only inside Rust fences, with CommonMark's fence rules") {
  // Prose headings, other languages and unlabelled blocks keep their `#` lines.
  CHECK(hide("# Title\n```python\n# comment\n```\n```\n# x\n```\n") ==
        "# Title\n```python\n# comment\n```\n```\n# x\n```\n");
  // A closing fence must be as long as the opening one; a shorter one is code.
  CHECK(hide("````rust\n```\n# hidden\n````\n# Heading\n") == "````rust\n```\n````\n# Heading\n");
  // Tildes, and fences inside a blockquote or a list item.
  CHECK(hide("~~~rust\n# h\n~~~\n> ```rust\n> # h\n> shown\n> ```\n- x\n\n  ```rust\n  # h\n  ```\n") ==
        "~~~rust\n~~~\n> ```rust\n> shown\n> ```\n- x\n\n  ```rust\n  ```\n");
  // A backtick fence whose info string holds a backtick is not a fence.
  CHECK(hide("```rust`\n# x\n") == "```rust`\n# x\n");
}

TEST_CASE("mdbook hidden lines: other languages by book.toml's prefix, or the fence's own hidelines=") {
  std::map<std::string, std::string> prefixes = {{"python", "~"}};
  CHECK(hide("```python\n~hidden()\nnothidden():\n~    hidden()\n    ~hidden()\n    nothidden()\n```\n", prefixes) ==
        "```python\nnothidden():\n    nothidden()\n```\n");
  CHECK(hide("```python,hidelines=!!!\n!!!hidden()\n~shown\n```\n", prefixes) ==
        "```python,hidelines=!!!\n~shown\n```\n");
  CHECK(hidden_line_prefixes({{"output.html.code.hidelines.python", "~"}, {"book.title", "T"}}) ==
        std::map<std::string, std::string>{{"python", "~"}});
}
