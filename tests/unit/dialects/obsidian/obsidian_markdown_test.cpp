// Dialects, Obsidian (obsidian_markdown.h): wikilinks, embeds, tags, comments and block ids, strings in and out.
#include <doctest/doctest.h>

#include <map>

#include "../../strings.h"
#include "dialects/obsidian/code_ranges.h"
#include "dialects/obsidian/obsidian_markdown.h"
#include "dialects/obsidian/vault.h"

using namespace mkepub;

namespace {

// A vault of notes (with their text) and attachments; the post is `Notes/post.md`.
struct TestVault {
  std::map<std::string, std::string> notes = {
      {"Notes/post.md", "# Post\n"},
      {"Notes/Other Note.md", "---\ntitle: Other\n---\nIntro.\n\n## Some Heading\n\nUnder it.\n\n## Next\n\nAfter.\n"},
      {"Concepts/matrix.md", "A paragraph with an id. ^abc123\n\nAnother.\n"},
      {"Concepts/loop.md", "Before\n![[loop]]\nafter\n"},
      {"Concepts/a.md", "A embeds b:\n\n![[b]]\n"},
      {"Concepts/b.md", "B embeds a:\n\n![[a]]\n"},
      {"Other/post.md", "elsewhere\n"},
      {"Big/big.md", std::string(3 << 20, 'z') + "\n"},
      {"Big/fan.md", "![[big]]\n\n![[big]]\n"},
  };
  std::vector<fs::path> files = {
      "Notes/post.md",    "Notes/Other Note.md", "Concepts/matrix.md", "Concepts/loop.md",
      "Concepts/a.md",    "Concepts/b.md",       "Other/post.md",      "assets/diagram 1.png",
      "assets/paper.pdf", "Big/big.md",          "Big/fan.md"};
  Vault vault{files, {{"Concepts/matrix.md", {"Matrices"}}}};
  TagContext context(const std::string& post = "Notes/post.md") {
    TagContext ctx;
    ctx.display = "vault/" + post;
    ctx.vault = &vault;
    ctx.vault_path = post;
    ctx.read_include = [this](const std::string& path) -> std::optional<std::string> {
      auto it = notes.find(path.substr(1));
      if (path[0] != '/' || it == notes.end()) return std::nullopt;
      return it->second;
    };
    return ctx;
  }
};

struct Expanded {
  std::string text;
  Strings warnings;
};

Expanded expand(const std::string& markdown, const std::string& post = "Notes/post.md") {
  static TestVault v;
  Diagnostics diag;
  auto ctx = v.context(post);
  Expanded e{expand_obsidian(markdown, ctx, diag), {}};
  for (const auto& w : diag.warnings()) e.warnings.push_back(w.format("warning") + " [" + w.kind + "]");
  return e;
}

}  // namespace

TEST_CASE("obsidian: wikilinks to notes by name, path, alias and heading") {
  CHECK(expand("See [[Other Note]].").text == "See [Other Note](Other%20Note.md).");
  CHECK(expand("See [[other note|the other]].").text == "See [the other](Other%20Note.md).");
  CHECK(expand("See [[Other Note.md]].").text == "See [Other Note](Other%20Note.md).");
  CHECK(expand("[[matrix]] and [[Concepts/matrix]] and [[./Other Note]]").text ==
        "[matrix](../Concepts/matrix.md) and [Concepts/matrix](../Concepts/matrix.md) and "
        "[./Other Note](Other%20Note.md)");
  CHECK(expand("[[Other Note#Some Heading]]").text == "[Other Note > Some Heading](Other%20Note.md#some-heading)");
  CHECK(expand("[[Other Note#Some Heading|there]]").text == "[there](Other%20Note.md#some-heading)");
  CHECK(expand("[[#Post]]").text == "[Post](#post)");
  CHECK(expand("[[matrix#^abc123|the block]]").text == "[the block](../Concepts/matrix.md)");
  CHECK(expand("[[Matrices]]").text == "[Matrices](../Concepts/matrix.md)");  // an alias
}

TEST_CASE("obsidian: a name in two folders is the one beside the linking note") {
  CHECK(expand("[[post]]", "Other/x.md").text == "[post](post.md)");
  CHECK(expand("[[post]]", "Concepts/x.md").text == "[post](../Notes/post.md)");  // the nearest the root, then by path
}

TEST_CASE("obsidian: an unresolved wikilink is its text, with a warning each") {
  auto e = expand("A [[Nowhere|missing page]] and [[Nowhere]].\n");
  CHECK(e.text == "A missing page and Nowhere.\n");
  CHECK(e.warnings ==
        Strings{"vault/Notes/post.md:1: warning: wikilink `[[Nowhere|missing page]]` names no note or file "
                "in the vault; kept as plain text [unresolved wikilink]",
                "vault/Notes/post.md:1: warning: wikilink `[[Nowhere]]` names no note or file in the vault; "
                "kept as plain text [unresolved wikilink]"});
  auto h = expand("\n[[Other Note#No Such]]");
  CHECK(h.text == "\n[Other Note > No Such](Other%20Note.md)");
  CHECK(h.warnings.size() == 1);
  CHECK(h.warnings[0].find(
            "vault/Notes/post.md:2: warning: wikilink `[[Other Note#No Such]]`: the note has no heading") == 0);
}

TEST_CASE("obsidian: wikilinks in code stay as written") {
  const std::string md = "`[[Other Note]]` and\n\n```\n[[Other Note]] #tag %% x %%\n```\n\n    [[Other Note]]\n";
  CHECK(expand(md).text == md);
  CHECK(expand("\\[[Other Note]] and \\#tag").text == "\\[[Other Note]] and \\#tag");
}

TEST_CASE("obsidian: a wikilink in a table cell escapes its bar") {
  CHECK(expand("| a | [[Other Note\\|other]] |").text == "| a | [other](Other%20Note.md) |");
}

TEST_CASE("obsidian: image embeds, with a size or alt text") {
  CHECK(expand("![[diagram 1.png]]").text == "![diagram 1](../assets/diagram%201.png)");
  CHECK(expand("![[diagram 1.png|A diagram]]").text == "![A diagram](../assets/diagram%201.png)");
  CHECK(expand("an ![[diagram 1.png|300]] inline").text ==
        "an <img src=\"../assets/diagram%201.png\" alt=\"diagram 1\" width=\"300\" /> inline");
  // Alone on its line, a blank line follows: the next line is not swallowed by the HTML block.
  CHECK(expand("![[diagram 1.png|300x200]]\n## Next").text ==
        "<img src=\"../assets/diagram%201.png\" alt=\"diagram 1\" width=\"300\" height=\"200\" />\n\n## Next");
  CHECK(expand("> ![[diagram 1.png|300]]\n> more").text ==
        "> <img src=\"../assets/diagram%201.png\" alt=\"diagram 1\" width=\"300\" />\n>\n> more");
  auto missing = expand("![[gone.png]]");
  CHECK(missing.text == "gone.png");
  CHECK(missing.warnings.size() == 1);
}

TEST_CASE("obsidian: other files embedded link to where the site serves them") {
  CHECK(expand("![[paper.pdf]]").text == "[paper.pdf](/assets/paper.pdf)");
  CHECK(expand("[[diagram 1.png]]").text == "[diagram 1.png](/assets/diagram-1.png)");
}

TEST_CASE("obsidian: note embeds bring the note, a section or a block") {
  CHECK(expand("Before\n![[Other Note]]\nAfter\n").text ==
        "Before\n<div class=\"embed\">\n\nIntro.\n\n## Some Heading\n\nUnder it.\n\n## Next\n\nAfter.\n\n</div>\n\n"
        "After\n");
  CHECK(expand("![[Other Note#Some Heading]]").text ==
        "<div class=\"embed\">\n\n## Some Heading\n\nUnder it.\n\n</div>\n");
  CHECK(expand("![[matrix#^abc123]]").text == "<div class=\"embed\">\n\nA paragraph with an id.\n\n</div>\n");
  // Inside a blockquote (a callout) the embedded lines stay in it.
  CHECK(expand("> ![[matrix#^abc123]]\n").text ==
        "> <div class=\"embed\">\n>\n> A paragraph with an id.\n>\n> </div>\n>\n");
  // Within a sentence an embed cannot be a block: it links.
  CHECK(expand("see ![[Other Note]] here").text == "see [Other Note](Other%20Note.md) here");
}

TEST_CASE("obsidian: an embed that would embed itself links instead") {
  auto self = expand("![[loop]]\n", "Concepts/loop.md");
  CHECK(self.text == "[loop](#top)\n");
  CHECK(self.warnings.size() == 1);
  auto cycle = expand("![[a]]\n", "Notes/post.md");
  CHECK(cycle.text.find("A embeds b:") != std::string::npos);
  CHECK(cycle.text.find("B embeds a:") != std::string::npos);
  CHECK(cycle.text.find("[a](../Concepts/a.md)") != std::string::npos);
  CHECK(cycle.warnings.size() == 1);
  CHECK(cycle.warnings[0].find("would embed itself; linked instead [embed]") != std::string::npos);
}

TEST_CASE("obsidian: inline tags become tag spans, headings and numbers do not") {
  CHECK(expand("#tag and #nested/tag-2 here").text ==
        "<span class=\"tag\">#tag</span> and <span class=\"tag\">#nested/tag-2</span> here");
  CHECK(expand("# Heading\nissue #123, a#b, https://x.com/#frag, (#x)").text ==
        "# Heading\nissue #123, a#b, https://x.com/#frag, (#x)");
  CHECK(expand("标签 #中文，后").text == "标签 <span class=\"tag\">#中文</span>，后");
  CHECK(inline_tags("#a text #b/c `#code` #a #1984\n```\n#fenced\n```\n") == Strings{"a", "b/c"});
}

TEST_CASE("obsidian: comments and block ids are dropped") {
  CHECK(expand("Seen %%hidden%% text").text == "Seen  text");
  CHECK(expand("a\n%%\nhidden\n%%\nb").text == "a\n\n\n\nb");  // the lines are kept
  CHECK(expand("100%% sure").text == "100%% sure");            // no closing `%%`: text
  CHECK(expand("A paragraph. ^block-1\nNext").text == "A paragraph. \nNext");
  CHECK(expand("x ^ y and 2^10").text == "x ^ y and 2^10");
}

TEST_CASE("obsidian: code ranges follow CommonMark's fences, indented code and spans") {
  std::string md = "a `b` c\n\n```\nx\n```\n> ~~~\n> y\n> ~~~\n";
  auto code = code_ranges(md);
  REQUIRE(code.size() == 2);
  CHECK(md.substr(code[0].first, code[0].second - code[0].first) == "`b`");
  CHECK(md.substr(code[1].first, code[1].second - code[1].first) == "```\nx\n```\n> ~~~\n> y\n> ~~~\n");
}

TEST_CASE("obsidian: embeds stop at 4 MB of embedded text per post, then link") {
  auto e = expand("![[fan]]\n");
  CHECK(e.text.size() < (4 << 20));
  CHECK(e.text.size() > (3 << 20));
  CHECK(e.text.find("[big](../Big/big.md)") != std::string::npos);
  CHECK(e.warnings == Strings{"vault/Notes/post.md:1: warning: embed `![[big]]` would take the text embedded into this "
                              "post past 4 MB; linked instead, as is any further embed [embed]"});
}
