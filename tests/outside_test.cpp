// Nothing outside the input folders is read: links, images, includes, symlinks and a site's cover that lead out
// get a warning (or an error) and their bytes never reach the book.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const char* const kMarkers[] = {"OUTSIDE-SECRET-PNG", "OUTSIDE-SECRET-TXT", "OUTSIDE-SECRET-POST",
                                "ENV-SECRET-MARKER"};

// A folder `outside` beside the input with files worth stealing: a PNG, a text file and a post.
void make_outside(const TempDir& tmp) {
  spit(tmp / "outside/secret.png", std::string("\x89PNG\r\n\x1a\n", 8) + "OUTSIDE-SECRET-PNG");
  spit(tmp / "outside/secret.txt", "OUTSIDE-SECRET-TXT\n");
  spit(tmp / "outside/secret.md", "---\ntitle: Secret\n---\nOUTSIDE-SECRET-POST\n");
}

void require_nothing_outside(const fs::path& epub) {
  for (auto& e : unzip_entries(slurp(epub)))
    for (const char* marker : kMarkers) CHECK_MESSAGE(e.bytes.find(marker) == std::string::npos, e.path, " has ", marker);
}

bool says(const Run& r, const std::string& text) { return r.output.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("outside: images, links and includes leading out of the input are not read, each with a warning") {
  TempDir tmp;
  make_outside(tmp);
  const std::string abs = (tmp / "outside").string();
  fs::create_directories(tmp / "in");
  fs::create_symlink("../outside/secret.png", tmp / "in/inlink.png");
  spit(tmp / "in/post.md", "---\ntitle: Post\n---\n"
                           "![rel](../outside/secret.png)\n\n"                          // line 4
                           "![deep](../../../../../../../../.." + abs + "/secret.png)\n\n"  // 6
                           "![abs](" + abs + "/secret.png)\n\n"                         // 8
                           "![file](file://" + abs + "/secret.png)\n\n"                 // 10
                           "![environ](/proc/self/environ)\n\n"                         // 12
                           "![link](inlink.png)\n\n"                                    // 14
                           "<img src=\"../outside/secret.png\" alt=\"raw\">\n\n"        // 16
                           "[passwd](../../etc/passwd) [abs](/etc/passwd) [file](file:///etc/passwd)\n\n"  // 18
                           "{{#include ../outside/secret.txt}}\n\n"                     // 20
                           "{{< include \"../outside/secret.txt\" >}}\n\n"
                           "{% include_code ../outside/secret.txt %}\n");
  auto r = run("MKEPUB_TEST_SECRET=ENV-SECRET-MARKER " + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") +
               " --verbose -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
  for (int line : {4, 6, 8, 12, 14, 16}) CHECK_MESSAGE(says(r, "in/post.md:" + std::to_string(line) + ": warning: image"), line);
  CHECK(says(r, "in/post.md:10: warning: image `file://" + abs + "/secret.png` is a file URL, which a book cannot "
                "reach; not read"));
  CHECK(says(r, "in/post.md:18: warning: link to `../../etc/passwd` does not lead to a post; kept as plain text"));
  CHECK(says(r, "warning: link `file:///etc/passwd` has a scheme readers do not know; kept as plain text"));
  CHECK(says(r, "in/post.md:20: warning: include `../outside/secret.txt` not found"));
}

TEST_CASE("outside: a post symlinked from outside the input folder is not read") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "in/post.md", "---\ntitle: Post\n---\nbody\n");
  fs::create_symlink("../outside/secret.md", tmp / "in/evil.md");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(says(r, "in/evil.md: warning: links to a file outside the input folder; not read"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
}

TEST_CASE("outside: a site's cover outside the site is not read") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "site/_config.yml", "title: Site\ncover: ../outside/secret.png\n");
  spit(tmp / "site/source/_posts/a.md", "---\ntitle: A\n---\nbody\n");
  auto r = run_mkepub(quote(tmp / "site") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(says(r, "outside/secret.png: error: cannot read the cover image inside the input folders"));
  CHECK_FALSE(fs::exists(tmp / "book.epub"));
}

namespace {

// The first line of /etc/passwd ("root:x:0:0:..."), the file a hostile book most likes to name.
std::string passwd_line() {
  std::string text = fs::exists("/etc/passwd") ? slurp("/etc/passwd") : "";
  return text.substr(0, text.find('\n'));
}

void require_no_passwd(const fs::path& epub) {
  const std::string line = passwd_line();
  if (line.empty()) return;
  for (auto& e : unzip_entries(slurp(epub)))
    CHECK_MESSAGE(e.bytes.find(line) == std::string::npos, e.path, " has /etc/passwd");
}

// The lines, each ended by a line feed.
std::string lines(std::initializer_list<std::string> each) {
  std::string out;
  for (const auto& line : each) out += line + "\n";
  return out;
}

std::string climb(int levels) {
  std::string out;
  for (int i = 0; i < levels; ++i) out += "../";
  return out;
}

size_t chapters_in(const fs::path& epub) {
  size_t n = 0;
  for (auto& e : unzip_entries(slurp(epub))) n += e.path.rfind("EPUB/text/", 0) == 0;
  return n;
}

}  // namespace

TEST_CASE("outside: a SUMMARY.md entry climbing out with .. is not read, with a warning at its line") {
  TempDir tmp;
  make_outside(tmp);
  const std::string passwd = climb(30) + "etc/passwd";
  spit(tmp / "book/src/SUMMARY.md", lines({"# Summary", "",
                                           "- [One](one.md)",                          // line 3
                                           "- [Secret](../../outside/secret.md)",      // 4
                                           "  - [Passwd](" + passwd + ")",             // 5
                                           "[Suffix](<../../outside/secret.txt>)"}));  // 6
  spit(tmp / "book/src/one.md", "# One\n\nbody\n");
  auto r = run_mkepub(quote(tmp / "book") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string out = " leads outside the input folder; not read";
  CHECK(says(r, "book/src/SUMMARY.md:4:3: warning: chapter `../../outside/secret.md`" + out));
  CHECK(says(r, "book/src/SUMMARY.md:5:5: warning: chapter `" + passwd + "`" + out));
  CHECK(says(r, "book/src/SUMMARY.md:6:1: warning: chapter `../../outside/secret.txt`" + out));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
  require_no_passwd(tmp / "book.epub");
  CHECK(chapters_in(tmp / "book.epub") == 1);
}

TEST_CASE("outside: a SUMMARY.md entry with an absolute path is a path in the book's folder, never outside it") {
  TempDir tmp;
  make_outside(tmp);
  const std::string up = "/" + climb(30) + "etc/passwd", twice = "/" + (tmp / "outside/secret.md").string();
  spit(tmp / "book/SUMMARY.md", lines({"# Summary", "",
                                       "- [One](one.md)",                                     // line 3
                                       "- [Passwd](/etc/passwd)",                             // 4
                                       "- [Up](" + up + ")",                                  // 5
                                       "- [Encoded](%2F..%2F..%2F..%2Foutside%2Fsecret.md)",  // 6
                                       "- [Twice](" + twice + ")",                            // 7
                                       "- [Inside](/two.md)"}));                              // 8
  spit(tmp / "book/one.md", "# One\n\nbody\n");
  spit(tmp / "book/two.md", "# Two\n\nbody\n");
  auto r = run_mkepub(quote(tmp / "book") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string out = " leads outside the input folder; not read";
  CHECK(says(r, "book/SUMMARY.md:4:3: warning: chapter `/etc/passwd` not found (looked for " +
                    (tmp / "book/etc/passwd").string() + "); left out"));
  CHECK(says(r, "book/SUMMARY.md:5:3: warning: chapter `" + up + "`" + out));
  CHECK(says(r, "book/SUMMARY.md:6:3: warning: chapter `%2F..%2F..%2F..%2Foutside%2Fsecret.md`" + out));
  CHECK(says(r, "book/SUMMARY.md:7:3: warning: chapter `" + twice + "` not found"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
  require_no_passwd(tmp / "book.epub");
  CHECK(chapters_in(tmp / "book.epub") == 2);
}

TEST_CASE("outside: a SUMMARY chapter symlinked from outside the book is not read") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "book/SUMMARY.md", "- [One](one.md)\n- [Evil](evil.md)\n");
  spit(tmp / "book/one.md", "# One\n\nbody\n");
  fs::create_symlink("../outside/secret.md", tmp / "book/evil.md");
  auto r = run_mkepub(quote(tmp / "book") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(says(r, "book/SUMMARY.md:2:3: warning: chapter `evil.md` leads outside the input folder; not read"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
}

TEST_CASE("outside: folders symlinked from outside a site are not searched for posts, each with a warning") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "outside/_posts/2020-01-01-secret.md", "---\ntitle: Secret\n---\nOUTSIDE-SECRET-POST\n");
  // Hexo: a category folder inside source/_posts leading out.
  spit(tmp / "hexo/_config.yml", "title: Hexo\n");
  spit(tmp / "hexo/source/_posts/a.md", "---\ntitle: A\n---\nbody\n");
  fs::create_symlink("../../../outside", tmp / "hexo/source/_posts/category");
  // Jekyll: _posts itself leading out, a collection inside.
  spit(tmp / "jekyll/_config.yml", "title: Jekyll\ncollections: [docs]\n");
  spit(tmp / "jekyll/_docs/d.md", "---\ntitle: D\n---\nbody\n");
  fs::create_symlink("../outside/_posts", tmp / "jekyll/_posts");
  // Hexo: source_dir names a folder that is a symlink leading out.
  spit(tmp / "renamed/_config.yml", "title: Renamed\nsource_dir: linked\n");
  spit(tmp / "renamed/source/_posts/a.md", "---\ntitle: A\n---\nbody\n");
  fs::create_symlink("../outside", tmp / "renamed/linked");
  // A folder of posts with a subfolder leading out.
  spit(tmp / "plain/p.md", "---\ntitle: P\n---\nbody\n");
  fs::create_symlink("../outside", tmp / "plain/sub");

  auto hexo = run_mkepub(quote(tmp / "hexo") + " -o " + quote(tmp / "hexo.epub"));
  INFO(hexo.output);
  CHECK(hexo.code == 0);
  CHECK(says(hexo, "hexo/source/_posts/category: warning: links to a folder outside the input folder; not read"));
  require_valid(tmp / "hexo.epub");
  require_nothing_outside(tmp / "hexo.epub");

  auto jekyll = run_mkepub(quote(tmp / "jekyll") + " -o " + quote(tmp / "jekyll.epub"));
  INFO(jekyll.output);
  CHECK(jekyll.code == 0);
  CHECK(says(jekyll, "jekyll/_posts: warning: links to a folder outside the input folder; not read"));
  require_valid(tmp / "jekyll.epub");
  require_nothing_outside(tmp / "jekyll.epub");

  auto renamed = run_mkepub(quote(tmp / "renamed") + " -o " + quote(tmp / "renamed.epub"));
  INFO(renamed.output);
  CHECK(renamed.code == 1);  // its only posts folder leads out: nothing to build
  CHECK(says(renamed, "renamed/linked/_posts: warning: links to a folder outside the input folder; not read"));
  CHECK_FALSE(fs::exists(tmp / "renamed.epub"));

  auto plain = run_mkepub(quote(tmp / "plain") + " -o " + quote(tmp / "plain.epub"));
  INFO(plain.output);
  CHECK(plain.code == 0);
  CHECK(says(plain, "plain/sub: warning: links to a folder outside the input folder; not read"));
  require_valid(tmp / "plain.epub");
  require_nothing_outside(tmp / "plain.epub");
}

TEST_CASE("outside: a site's _config.yml, book.toml or SUMMARY.md symlinked from outside is not read") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "outside/creds.yml", "title: OUTSIDE-SECRET-TXT\ntoken: OUTSIDE-SECRET-TXT\n");
  spit(tmp / "outside/SUMMARY.md", "# Summary\n\n- [One](one.md)\n\n# OUTSIDE-SECRET-TXT\n\n- [Two](two.md)\n");
  spit(tmp / "jekyll/_posts/2020-01-01-a.md", "---\ntitle: A\n---\ntoken {{ site.token }}\n");
  fs::create_symlink("../outside/creds.yml", tmp / "jekyll/_config.yml");
  // A book's SUMMARY.md leading out is no SUMMARY: the folder is read as a folder of posts.
  spit(tmp / "book/one.md", "# One\n\nbody\n");
  spit(tmp / "book/two.md", "# Two\n\nbody\n");
  fs::create_symlink("../outside/SUMMARY.md", tmp / "book/SUMMARY.md");

  auto jekyll = run_mkepub(quote(tmp / "jekyll") + " -o " + quote(tmp / "jekyll.epub"));
  INFO(jekyll.output);
  CHECK(jekyll.code == 0);
  CHECK(says(jekyll, "jekyll/_config.yml: warning: links to a file outside the input folder; not read"));
  require_valid(tmp / "jekyll.epub");
  require_nothing_outside(tmp / "jekyll.epub");

  auto book = run_mkepub(quote(tmp / "book") + " -o " + quote(tmp / "book.epub"));
  INFO(book.output);
  CHECK(book.code == 0);
  CHECK(says(book, "book/SUMMARY.md: warning: links to a file outside the input folder; not read"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");

  spit(tmp / "outside/book.toml", "[book]\ntitle = \"OUTSIDE-SECRET-TXT\"\n");
  spit(tmp / "mdbook/src/SUMMARY.md", "- [One](one.md)\n");
  spit(tmp / "mdbook/src/one.md", "# One\n\nbody\n");
  fs::create_symlink("../outside/book.toml", tmp / "mdbook/book.toml");
  auto mdbook = run_mkepub(quote(tmp / "mdbook") + " -o " + quote(tmp / "mdbook.epub"));
  INFO(mdbook.output);
  CHECK(mdbook.code == 0);
  CHECK(says(mdbook, "mdbook/book.toml: warning: links to a file outside the input folder; not read"));
  require_valid(tmp / "mdbook.epub");
  require_nothing_outside(tmp / "mdbook.epub");
}

TEST_CASE("outside: a book config's globs stay in its folder, while its explicit sources folders may be anywhere") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "outside/b.md", "---\ntitle: B\n---\nOUTSIDE-SECRET-POST\n");
  spit(tmp / "elsewhere/e.md", "---\ntitle: Elsewhere\n---\nELSEWHERE-POST\n");
  spit(tmp / "cfg/posts/a.md", "---\ntitle: A\n---\nbody\n");
  spit(tmp / "cfg/posts/deep/b.md", "---\ntitle: B\n---\nbody\n");
  fs::create_symlink("../../outside/secret.md", tmp / "cfg/posts/evil.md");
  fs::create_symlink("../outside", tmp / "cfg/linked");
  fs::create_symlink("../../outside", tmp / "cfg/posts/sub");
  const std::string etc = climb(30) + "etc/*";
  spit(tmp / "cfg/mkepub.yaml", lines({"title: Config", "sources:",
                                       "  - 'posts/*.md'",       // line 3: evil.md leads out
                                       "  - ../elsewhere",       // 4: explicit, anywhere
                                       "  - '../outside/*.md'",  // 5: climbs out
                                       "  - 'linked/*'",         // 6: through a symlinked folder
                                       "  - 'posts/**/b.md'",    // 7: ** does not follow symlinked folders
                                       "  - '" + etc + "'"}));   // 8
  auto r = run_mkepub(quote(tmp / "cfg") + " --verbose -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string at = (tmp / "cfg/mkepub.yaml").string() + ":",
                    out = " leads outside the book config's folder; not read";
  CHECK(says(r, at + "3:5: warning: `sources`: `posts/*.md` matches `" + (tmp / "cfg/posts/evil.md").string() +
                    "`, which" + out));
  CHECK(says(r, at + "5:5: warning: `sources`: `../outside/*.md`" + out));
  CHECK(says(r, at + "6:5: warning: `sources`: `linked/*`" + out));
  CHECK(says(r, at + "8:5: warning: `sources`: `" + etc + "`" + out));
  CHECK_FALSE(says(r, "posts/sub"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
  require_no_passwd(tmp / "book.epub");
  bool elsewhere = false;
  for (auto& e : unzip_entries(slurp(tmp / "book.epub"))) elsewhere = elsewhere || says({0, e.bytes}, "ELSEWHERE-POST");
  CHECK(elsewhere);
  CHECK(chapters_in(tmp / "book.epub") == 3);
}

TEST_CASE("outside: includes leading out of the input roots are not read, whatever the tag") {
  TempDir tmp;
  make_outside(tmp);
  spit(tmp / "outside/notes.md", "---\ntitle: Notes\n---\nnotes\n");
  spit(tmp / "cfg/posts/part.md", "{{#include ../../outside/./secret.txt}}\n");
  fs::create_symlink("../../outside/secret.txt", tmp / "cfg/posts/inlink.txt");
  // Each include names the file its own way: a post warns once per path.
  spit(tmp / "cfg/posts/a.md", lines({"---", "title: A", "---",                                // lines 1 to 3
                                      "{{#include ../../outside/secret.txt}}", "",             // 4
                                      "{% include ../posts/../../outside/secret.txt %}", "",   // 6
                                      "{{< include \"/../../outside/secret.txt\" >}}", "",     // 8
                                      "{{#include inlink.txt}}", "",                           // 10
                                      "{% include_code ../..//outside/secret.txt %}", "",      // 12
                                      "```", "{{#include ../../outside//secret.txt}}", "```",  // 14 to 16
                                      "",                                                      //
                                      "{{#include part.md}}"}));                               // 18
  // A glob that reaches out would make its folder an input root, and every include under it readable.
  spit(tmp / "cfg/mkepub.yaml", "title: Config\nsources: ['posts/a.md', '../outside/*.md']\n");
  auto r = run_mkepub(quote(tmp / "cfg") + " --verbose -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  for (int line : {4, 6, 8, 10, 18})
    CHECK_MESSAGE(says(r, "cfg/posts/a.md:" + std::to_string(line) + ": warning: include `"), line);
  CHECK(says(r, "cfg/posts/a.md:12: warning: include_code `../..//outside/secret.txt` not found"));
  CHECK(says(r, "warning: listing `../../outside//secret.txt` not found"));
  require_valid(tmp / "book.epub");
  require_nothing_outside(tmp / "book.epub");
  CHECK(chapters_in(tmp / "book.epub") == 1);
}

TEST_CASE("outside: a site url that is not http or https is ignored, with a warning at its line") {
  TempDir tmp;
  spit(tmp / "site/_config.yml", "title: Site\nurl: javascript:alert(1)\n");
  spit(tmp / "site/source/_posts/a.md", "---\ntitle: A\n---\n[home](/about/) and [tags](/tags/)\n");
  auto r = run_mkepub(quote(tmp / "site") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(says(r, "site/_config.yml:2:6: warning: `url`: `javascript:alert(1)` is not an http or https URL; ignored"));
  CHECK(says(r, "warning: link to `/about/` does not lead to a post; kept as plain text"));
  require_valid(tmp / "book.epub");
  for (auto& e : unzip_entries(slurp(tmp / "book.epub")))
    CHECK_MESSAGE(e.bytes.find("javascript:") == std::string::npos, e.path, " has javascript:");
}
