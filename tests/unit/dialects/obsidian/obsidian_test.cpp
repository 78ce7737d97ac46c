// Dialects, Obsidian (obsidian.cpp, vault_listing.cpp, vault.cpp): vaults and Quartz sites detected in folders made
// here, their notes' order, front matter and titles, and how wikilink paths resolve.
#include <doctest/doctest.h>

#include <algorithm>

#include "../site_support.h"
#include "dialects/dialect.h"
#include "dialects/obsidian/vault.h"
#include "dialects/obsidian/vault_listing.h"

using namespace mkepub;
using namespace mkepub::testing;

namespace {

Post note(const std::string& file, const std::string& text) {
  Diagnostics diag;
  return obsidian_dialect.parse_post(SourceFile{file, file, "/", text}, diag);
}

}  // namespace

TEST_CASE("obsidian: a vault with .obsidian, its notes in the explorer's order, templates left out") {
  TempDir t;
  t.mkdir(".obsidian");
  t.write(".obsidian/templates.json", "{\n  \"folder\": \"Meta/Templates\"\n}\n");
  t.write("Meta/Templates/daily.md", "{{date}}\n");
  t.write("Meta/about.md", "About\n");
  t.write("index.md", "Home\n");
  t.write("zebra.md", "z\n");
  t.write("Apple.md", "a\n");
  t.write("Topics/note 10.md", "10\n");
  t.write("Topics/note 2.md", "2\n");
  t.write("Topics/index.md", "topics\n");
  t.write("Topics/Sub/deep.md", "deep\n");
  t.write("Topics/Sub/index.md", "sub\n");
  t.write("assets/pic.png", "png");
  t.write(".trash/old.md", "old\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "vault", diag);
  CHECK(site.dialect == &obsidian_dialect);
  CHECK(site.source_dir == t.path);
  CHECK(outline(site.summary, t.path) == Strings{
                                             "N  -> index.md",
                                             "N  -> Apple.md",
                                             "N  -> zebra.md",
                                             "# Meta -> -",
                                             "N  -> Meta/about.md",
                                             "N  -> Topics/index.md",
                                             "N    -> Topics/note 2.md",
                                             "N    -> Topics/note 10.md",
                                             "N    -> Topics/Sub/index.md",
                                             "N      -> Topics/Sub/deep.md",
                                         });
  Strings files;
  for (const auto& f : site.files) files.push_back(f.generic_string());
  CHECK(files == Strings{"Apple.md", "Meta/about.md", "Topics/Sub/deep.md", "Topics/Sub/index.md", "Topics/index.md",
                         "Topics/note 10.md", "Topics/note 2.md", "assets/pic.png", "index.md", "zebra.md"});
  CHECK(formatted(diag.notes(), "note").find("vault/Meta/Templates: note: a templates or private folder") !=
        std::string::npos);
}

TEST_CASE("obsidian: a Quartz site: content/ is the vault, its title from quartz.config.ts") {
  TempDir t;
  t.write("quartz.config.ts",
          "const config: QuartzConfig = {\n  configuration: {\n    pageTitle: \"🪴 My Garden\",\n"
          "    locale: 'en-GB',\n    baseUrl: \"garden.example.org\",\n  },\n}\n");
  t.write("content/index.md", "---\ntitle: Welcome\n---\n");
  t.write("content/private/secret.md", "no\n");
  t.write("content/templates/t.md", "no\n");
  t.write("content/notes/a.md", "a\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(site.dialect == &obsidian_dialect);
  CHECK(site.source_dir == t.path / "content");
  CHECK(site.config.title == "🪴 My Garden");
  CHECK(site.config.language == "en-GB");
  CHECK(site.config.variables.at("url") == "https://garden.example.org");
  CHECK(outline(site.summary, t.path / "content") == Strings{"N  -> index.md", "# notes -> -", "N  -> notes/a.md"});
}

TEST_CASE("obsidian: notes linking each other with wikilinks are a vault, a folder of posts is not") {
  TempDir t;
  t.write("content/a.md", "See [[b]].\n");
  t.write("content/b.md", "See [[a|the first]].\n");
  t.write("content/c.md", "Nothing.\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "garden", diag);
  CHECK(site.dialect == &obsidian_dialect);
  CHECK(site.source_dir == t.path / "content");

  TempDir plain;
  plain.write("a.md", "---\ntitle: A\n---\nLiteral [[brackets]] and [[b]] once.\n");
  plain.write("b.md", "---\ntitle: B\n---\nText.\n");
  Site other = detect_site(plain.path, "posts", diag);
  CHECK(other.dialect == &plain_dialect);
  Site left;
  left.root = plain.path;
  left.source_dir = plain.path;
  CHECK_FALSE(obsidian_dialect.detect(left, "posts", diag));
  CHECK(left.summary.empty());
  CHECK(left.files.empty());
}

TEST_CASE("obsidian: a note's title, tags, aliases and dates as Obsidian and Quartz read them") {
  Post named = note("/v/Concepts/linear map.md", "Text with #math/algebra and #stub.\n");
  CHECK(named.title == "linear map");
  CHECK(named.tags == Strings{"math/algebra", "stub"});
  Post headed = note("/v/x.md", "\n# The Real Title\n\nText.\n");
  CHECK(headed.title == "");  // the chapter takes its opening heading
  Post index = note("/v/Topics/index.md", "topics\n");
  CHECK(index.title == "Topics");
  Post fm = note("/v/y.md",
                 "---\nAliases:\n  - Why\ntags: [\"#computing/c\", stub]\ncreated: 2024-09-16\nmodified: "
                 "2024-10-01\nTitle: Given\n---\n#inline\n");
  CHECK(fm.title == "Given");
  CHECK(fm.aliases == Strings{"Why"});
  CHECK(fm.tags == Strings{"computing/c", "stub", "inline"});
  REQUIRE(fm.date);
  CHECK(fm.date->year == 2024);
  CHECK(fm.date->day == 16);
  REQUIRE(fm.updated);
  CHECK(fm.updated->month == 10);
  CHECK(note("/v/z.md", "---\npublish: false\n---\nx\n").draft);
}

TEST_CASE("obsidian: wikilink paths resolve as Obsidian resolves them") {
  Vault v({"a/Note.md", "b/Note.md", "b/deep/Other.md", "img/pic.PNG", "index.md"}, {{"index.md", {"Home Page"}}});
  auto resolve = [&](const std::string& target, const std::string& from) {
    auto r = v.resolve(target, from);
    return r ? r->generic_string() : std::string("-");
  };
  CHECK(resolve("note", "b/x.md") == "b/Note.md");              // the one beside the linking note
  CHECK(resolve("Note", "c/x.md") == "a/Note.md");              // else the nearest the root, then by path
  CHECK(resolve("b/note.md", "a/x.md") == "b/Note.md");         // a path from the root, `.md` optional
  CHECK(resolve("deep/other", "a/x.md") == "b/deep/Other.md");  // a partial path
  CHECK(resolve("./Note", "a/x.md") == "a/Note.md");            // relative to the linking note
  CHECK(resolve("../b/Note", "a/x.md") == "b/Note.md");
  CHECK(resolve("pic.png", "a/x.md") == "img/pic.PNG");  // attachments with their extension
  CHECK(resolve("pic", "a/x.md") == "-");
  CHECK(resolve("home page", "a/x.md") == "index.md");  // an alias
  CHECK(resolve("../../outside", "a/x.md") == "-");
  CHECK(quartz_slug("Concepts/C++ 100% ok?.md") == "Concepts/C++-100-percent-ok-q");
  CHECK(natural_less("note 2", "Note 10"));
  CHECK_FALSE(natural_less("note 10", "note 2"));
}

TEST_CASE("obsidian: a folder symlinked to the vault's parent or to itself is listed once, nothing outside it") {
  TempDir t;
  t.write("outside.md", "# Outside\n");
  t.write("vault/.obsidian/app.json", "{}\n");
  t.write("vault/a.md", "# A\n");
  t.write("vault/sub/b.md", "# B\n");
  fs::create_directory_symlink("..", t.path / "vault/sub/up");
  fs::create_directory_symlink(t.path, t.path / "vault/out");
  auto listing = list_vault(t.path / "vault", {});
  std::vector<std::string> files;
  for (const auto& f : listing.files) files.push_back(f.generic_string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"a.md", "sub/b.md"});
}
