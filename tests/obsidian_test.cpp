// An Obsidian vault as a book: notes in the explorer's order, wikilinks as chapter links to the right heading,
// embedded images and notes, tags, and the vault's settings and templates left out; valid through epubcheck.
#include <doctest/doctest.h>

#include <map>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

// A 1x1 PNG.
// A whole 1 x 1 grey PNG (the one before was a byte short in its IDAT chunk, now refused as damaged).
const std::string kPng = std::string(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00"
    "\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x48\xaf"
    "\xa4\x71\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    67);

std::map<std::string, std::string> pages_of(const fs::path& epub) {
  std::map<std::string, std::string> out;
  for (auto& e : unzip_entries(slurp(epub))) out[e.path] = e.bytes;
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("obsidian: a vault becomes a book whose wikilinks, embeds and tags work") {
  TempDir tmp;
  const fs::path vault = tmp / "My Vault";
  spit(vault / ".obsidian/app.json", "{}");
  spit(vault / ".obsidian/templates.json", "{\"folder\": \"Templates\"}");
  spit(vault / "Templates/Daily.md", "# {{date}}\n");
  spit(vault / "index.md", "---\ntitle: Home\n---\nStart at [[Graph theory|graphs]] or [[Trees#Binary trees]].\n");
  spit(vault / "Math/Graph theory.md",
       "A graph has vertices. #math/graphs\n\n![[diagram.png|120]]\n\n![[Trees#Binary trees]]\n\nSee [[Nowhere]].\n");
  spit(vault / "Math/Trees.md",
       "---\naliases: [Forest]\n---\nTrees are graphs.\n\n## Binary trees\n\nTwo children at most. ^two\n\n"
       "## Code\n\n```\n[[Not a link]] #not-a-tag\n```\n");
  spit(vault / "attachments/diagram.png", kPng);
  auto r = run_mkepub(quote(vault.string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(has(r.output, "wikilink `[[Nowhere]]` names no note or file in the vault; kept as plain text"));
  require_valid(tmp / "book.epub");

  auto pages = pages_of(tmp / "book.epub");
  const std::string nav = pages["EPUB/nav.xhtml"], home = pages["EPUB/text/c0001.xhtml"],
                    graph = pages["EPUB/text/c0002.xhtml"], trees = pages["EPUB/text/c0003.xhtml"];
  INFO(nav);
  CHECK(has(pages["EPUB/content.opf"], "<dc:title id=\"title\">My Vault</dc:title>"));
  CHECK(has(nav, "<a href=\"text/c0001.xhtml\">Home</a>"));
  CHECK(has(nav, "<span>Math</span>"));                              // a folder without an index note is a part
  CHECK(has(nav, "<a href=\"text/c0002.xhtml\">Graph theory</a>"));  // titles from file names
  CHECK(has(nav, "<a href=\"text/c0003.xhtml\">Trees</a>"));
  CHECK_FALSE(has(nav, "Daily"));  // the templates folder is not published
  CHECK(pages.count("EPUB/text/c0004.xhtml") == 0);

  INFO(home);
  CHECK(has(home, "<a href=\"c0002.xhtml\">graphs</a>"));
  CHECK(has(home, "<a href=\"c0003.xhtml#binary-trees\">Trees &gt; Binary trees</a>"));
  INFO(graph);
  CHECK(has(graph, "<span class=\"tag\">#math/graphs</span>"));
  CHECK(has(graph, "<img src=\"../images/i0001.png\" alt=\"diagram\" width=\"120\""));
  CHECK(has(graph, "<div class=\"embed\">"));
  CHECK(has(graph, "Two children at most."));
  CHECK_FALSE(has(graph, "^two"));
  CHECK(has(graph, "See Nowhere."));
  INFO(trees);
  CHECK(has(trees, "[[Not a link]] #not-a-tag"));  // code stays as written
  CHECK_FALSE(has(trees, "^two"));
}
