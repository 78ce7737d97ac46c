// Code blocks highlighted at build time (render/highlight.h): languages by alias, token classes, text unchanged.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <sstream>
#include <thread>

#include "render/highlight.h"

using namespace mkepub;

namespace {

// The class of the first run whose text holds `needle`; "?" when none does.
std::string class_of(const std::vector<CodeToken>& tokens, const std::string& needle) {
  for (const auto& t : tokens)
    if (t.text.find(needle) != std::string::npos) return std::string(t.token_class);
  return "?";
}

std::vector<CodeToken> tokens_of(const std::string& code, const std::string& language) {
  auto tokens = highlight_tokens(code, language);
  REQUIRE(tokens);
  return *tokens;
}

std::string serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

// A <pre><code class="language-X"> holding `code`, highlighted unless `blocks` is null, written out and read back
// as a reader would.
pugi::xml_document highlighted_block(const std::string& code, const std::string& language, size_t* blocks) {
  pugi::xml_document doc;
  auto code_el = doc.append_child("pre").append_child("code");
  code_el.append_attribute("class") = ("language-" + language).c_str();
  code_el.append_child(pugi::node_pcdata).set_value(code.c_str());
  if (blocks) *blocks = highlight_code_blocks(doc);
  pugi::xml_document back;
  const std::string text = serialize(doc);
  REQUIRE(back.load_string(text.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
  return back;
}

std::string text_of(pugi::xml_node n) {
  std::string out;
  for (auto d = n.first_child(); d; d = d.next_sibling())
    out += d.type() == pugi::node_pcdata ? std::string(d.value()) : text_of(d);
  return out;
}

}  // namespace

TEST_CASE("fence languages resolve through the usual aliases, case aside") {
  const std::pair<const char*, const char*> cases[] = {
      {"js", "JavaScript"},
      {"JavaScript", "JavaScript"},
      {"ts", "TypeScript"},
      {"sh", "Bash"},
      {"shell", "Bash"},
      {"bash", "Bash"},
      {"console", "Bash"},
      {"zsh", "Zsh"},
      {"c++", "C++"},
      {"cpp", "C++"},
      {"yml", "YAML"},
      {"YAML", "YAML"},
      {"ps1", "PowerShell"},
      {"powershell", "PowerShell"},
      {"PowerShell", "PowerShell"},
      {"rs", "Rust"},
      {"py", "Python"},
      {"rb", "Ruby"},
      {"kt", "Kotlin"},
      {"golang", "Go"},
      {"go", "Go"},
      {"dockerfile", "Dockerfile"},
      {"makefile", "Makefile"},
      {"html", "HTML"},
      {"xml", "XML"},
      {"vue", "HTML"},
      {"jsx", "JavaScript React (JSX)"},
      {"tsx", "TypeScript React (TSX)"},
      {"json5", "JSON"},
      {"toml", "TOML"},
      {"ini", "INI Files"},
      {"diff", "Diff"},
      {"sql", "SQL"},
      {"csharp", "C#"},
      {"swift", "Swift"},
      {"lua", "Lua"},
      {"java", "Java"},
  };
  for (const auto& [fence_name, definition] : cases) {
    const std::string fence = fence_name;
    CAPTURE(fence);
    CHECK(highlight_language(fence) == std::optional<std::string>(definition));
  }
}

TEST_CASE("the language is the info string's first word: mdBook's attributes and pandoc's braces left aside") {
  CHECK(highlight_language("rust,ignore") == std::optional<std::string>("Rust"));
  CHECK(highlight_language("{.python .numberLines}") == std::optional<std::string>("Python"));
  CHECK(highlight_language("JS title=\"a.js\"") == std::optional<std::string>("JavaScript"));
}

TEST_CASE("plain-text names and unknown languages are not highlighted") {
  for (std::string fence : {"text", "TXT", "plaintext", "output", "none", "", "no-such-language", "mermaid"}) {
    CAPTURE(fence);
    CHECK_FALSE(highlight_language(fence));
    CHECK_FALSE(highlight_tokens("a = 1\n", fence));
  }
}

TEST_CASE("tokens get pandoc's short classes") {
  auto js = tokens_of("const s = \"hi\"; // note\nlet n = 0x1F;", "js");
  CHECK(class_of(js, "const") == "kw");
  CHECK(class_of(js, "\"hi\"") == "st");
  CHECK(class_of(js, "// note") == "co");
  CHECK(class_of(js, "0x1F") == "bn");

  auto py = tokens_of("def f(x):\n    return 1.5  # done\n", "py");
  CHECK(class_of(py, "def") == "kw");
  CHECK(class_of(py, "return") == "cf");
  CHECK(class_of(py, "1.5") == "fl");
  CHECK(class_of(py, "# done") == "co");

  auto rust = tokens_of("fn main() {\n    let c = 'x';\n}\n", "rs");
  CHECK(class_of(rust, "fn") == "kw");
  CHECK(class_of(rust, "'x'") == "ch");

  auto ps = tokens_of("Get-ChildItem -Path $HOME # list", "ps1");
  CHECK(class_of(ps, "$HOME") == "va");
  CHECK(class_of(ps, "# list") == "co");
}

TEST_CASE("a multi-line comment stays a comment on the lines after its first") {
  auto c = tokens_of("/* one\n   two */ int x;", "c");
  CHECK(class_of(c, "two */") == "co");
  CHECK(class_of(c, "int") == "dt");
}

TEST_CASE("the highlighted block's text is the code's, byte for byte, in every language") {
  const std::string code =
      "// <b>&amp; \"q\" 'c' ]]> \t tab\r\n# 中文 コメント 🎉 é\n"
      "if (a < b && c > d) { return \"x\\n\"; } /* end\n  */ $v = @{ k = 1 }\n+ added\n- removed\n\n  trailing  ";
  for (std::string language :
       {"js",       "ts",         "python",   "rust",   "c",   "cpp", "java",  "go",   "ps1",    "bash",
        "yaml",     "json",       "toml",     "html",   "xml", "css", "sql",   "ruby", "kotlin", "diff",
        "makefile", "dockerfile", "markdown", "csharp", "php", "lua", "swift", "dart", "scss",   "ini"}) {
    CAPTURE(language);
    size_t blocks = 0;
    auto doc = highlighted_block(code, language, &blocks);
    CHECK(blocks == 1);
    CHECK(!doc.select_nodes("//span").empty());
    // As a reader reads it (XML turns the CR LF into LF), the same text as the block left plain.
    CHECK(text_of(doc) == text_of(highlighted_block(code, language, nullptr)));
    auto tokens = highlight_tokens(code, language);
    REQUIRE(tokens);
    std::string joined;
    for (const auto& t : *tokens) joined += t.text;
    CHECK(joined == code);
  }
}

TEST_CASE("spans carry classes only, never style attributes") {
  size_t blocks = 0;
  auto doc = highlighted_block("int main() { return 0; } // c", "c", &blocks);
  auto spans = doc.select_nodes("//span");
  CHECK(spans.size() >= 3);
  for (const auto& s : spans) {
    CHECK_FALSE(s.node().attribute("style"));
    CHECK(std::string(s.node().attribute("class").value()).size() == 2);
  }
}

TEST_CASE("a block in an unknown language, without a language or holding elements is left as it was") {
  size_t blocks = 1;
  auto unknown = highlighted_block("a = 1", "no-such-language", &blocks);
  CHECK(blocks == 0);
  CHECK(unknown.select_nodes("//span").empty());

  pugi::xml_document doc;
  doc.load_string(
      "<div><pre><code>int x;</code></pre><pre><code class=\"language-c\">int <b>x</b>;</code></pre></div>");
  CHECK(highlight_code_blocks(doc) == 0);
  CHECK(serialize(doc) ==
        "<div><pre><code>int x;</code></pre><pre><code class=\"language-c\">int <b>x</b>;</code></pre></div>");
}

TEST_CASE("code that is not valid UTF-8 stays plain") { CHECK_FALSE(highlight_tokens("int \xff x;", "c")); }

TEST_CASE("threads highlight at the same time, each with its own definitions, alike") {
  const std::string code = "fn main() { let s = \"x\"; } // c\n";
  auto expected = tokens_of(code, "rust");
  std::vector<std::vector<CodeToken>> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      for (int n = 0; n < 20; ++n) got[i] = *highlight_tokens(code, i % 2 ? "rust" : "rs");
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == expected.size());
    for (size_t k = 0; k < g.size(); ++k) {
      CHECK(g[k].text == expected[k].text);
      CHECK(g[k].token_class == expected[k].token_class);
    }
  }
}
