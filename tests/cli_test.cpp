// The command line as a user meets it: exit codes, exact error messages, outputs that survive failures,
// byte-identical rebuilds, and epubcheck on every book built here.
#include <doctest/doctest.h>

#include <unistd.h>

#include "epub/container.h"
#include "fonts/subset.h"
#include "support.h"
#include "base/text.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const std::string kSource = MKEPUB_SOURCE_DIR;

std::string entry(const fs::path& epub, const std::string& name) {
  for (auto& e : unzip_entries(slurp(epub)))
    if (e.path == name) return e.bytes;
  return "";
}

}  // namespace

TEST_CASE("seeds: the README's book, valid, with the seed's metadata and outline") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/seeds/") + " -o " + quote(tmp / "book.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  auto opf = entry(tmp / "book.epub", "EPUB/content.opf");
  CHECK(opf.find("<dc:language>zh-CN</dc:language>") != std::string::npos);  // Simplified characters
  CHECK(opf.find("<dc:title id=\"title\">拥抱失落：在心碎的缝隙中，寻觅微光与新生</dc:title>") != std::string::npos);
  CHECK(opf.find("<dc:date>2025-07-20</dc:date>") != std::string::npos);
  CHECK(opf.find("urn:uuid:8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d") != std::string::npos);
  for (const char* tag : {"失落", "情绪", "成长", "治愈", "人生感悟", "心理"})
    CHECK(opf.find(std::string("<dc:subject>") + tag + "</dc:subject>") != std::string::npos);
  auto nav = entry(tmp / "book.epub", "EPUB/nav.xhtml");
  for (const char* s : {"1 那些悄然降临的失落", "2 在失落中看见自己", "3 允许悲伤，然后温柔地放下",
                        "4 失落之后，是新的萌芽", "5 写在最后"})
    CHECK(nav.find(s) != std::string::npos);
}

TEST_CASE("--vertical: the seed book set vertically, valid, its pages turned right to left") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/seeds/") + " --vertical -o " + quote(tmp / "vertical.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "vertical.epub");
  auto opf = entry(tmp / "vertical.epub", "EPUB/content.opf");
  CHECK(opf.find("<spine toc=\"ncx\" page-progression-direction=\"rtl\">") != std::string::npos);
  for (const char* page : {"EPUB/nav.xhtml", "EPUB/text/c0001.xhtml"})
    CHECK(entry(tmp / "vertical.epub", page).find("class=\"vertical\"") != std::string::npos);
  CHECK(entry(tmp / "vertical.epub", "EPUB/styles/book.css").find("writing-mode: vertical-rl") != std::string::npos);
  // Without the flag nothing of it.
  REQUIRE(run_mkepub(quote(kSource + "/seeds/") + " -q -o " + quote(tmp / "book.epub")).code == 0);
  CHECK(entry(tmp / "book.epub", "EPUB/content.opf").find("page-progression-direction") == std::string::npos);
  CHECK(entry(tmp / "book.epub", "EPUB/text/c0001.xhtml").find("vertical") == std::string::npos);
  require_valid(tmp / "book.epub");
}

TEST_CASE("samples: a small blog with images, tables, footnotes, raw HTML and cross links is valid") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/samples") + " -o " + quote(tmp / "samples.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("future-ideas.md: note: draft left out") != std::string::npos);
  require_valid(tmp / "samples.epub");
  auto entries = unzip_entries(slurp(tmp / "samples.epub"));
  int images = 0;
  for (auto& e : entries) images += e.path.rfind("EPUB/images/i", 0) == 0;
  CHECK(images == 1);  // one PNG referenced from two posts is stored once (the cover aside)
}

TEST_CASE("a rebuild is byte-identical, and the container's first entry is a stored mimetype") {
  TempDir tmp;
  REQUIRE(run_mkepub(quote(kSource + "/samples") + " -q -o " + quote(tmp / "a.epub")).code == 0);
  REQUIRE(run_mkepub(quote(kSource + "/samples") + " -q -o " + quote(tmp / "b.epub")).code == 0);
  auto a = slurp(tmp / "a.epub");
  CHECK(a == slurp(tmp / "b.epub"));
  require_valid(tmp / "a.epub");
  // Local file header: method at 8 (0 = stored), extra field length at 28, name at 30.
  REQUIRE(a.size() > 58);
  CHECK(a.substr(0, 4) == "PK\x03\x04");
  CHECK(a[8] == 0);
  CHECK(a[9] == 0);
  CHECK(a[28] == 0);
  CHECK(a[29] == 0);
  CHECK(a.substr(30, 8) == "mimetype");
  CHECK(a.substr(38, 20) == "application/epub+zip");
}

TEST_CASE("SOURCE_DATE_EPOCH sets dcterms:modified") {
  TempDir tmp;
  auto r = run("SOURCE_DATE_EPOCH=1700000000 " + quote(MKEPUB_BINARY) + " " + quote(kSource + "/seeds") + " -o " +
               quote(tmp / "b.epub"));
  REQUIRE(r.code == 0);
  CHECK(entry(tmp / "b.epub", "EPUB/content.opf").find("2023-11-14T22:13:20Z") != std::string::npos);
  require_valid(tmp / "b.epub");
}

TEST_CASE("options: title, authors, language, identifier, toc depth, name order") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/samples") + " -o " + quote(tmp / "o.epub") +
                  " --title 'My Title' --author Ann --author Bo --language zh_CN --identifier my-book"
                  " --toc-depth 1 --sort name");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "o.epub");
  auto opf = entry(tmp / "o.epub", "EPUB/content.opf");
  CHECK(opf.find("<dc:title id=\"title\">My Title</dc:title>") != std::string::npos);
  CHECK(opf.find("<dc:creator id=\"creator1\">Ann</dc:creator>") != std::string::npos);
  CHECK(opf.find("<dc:creator id=\"creator2\">Bo</dc:creator>") != std::string::npos);
  CHECK(opf.find("<dc:language>zh-CN</dc:language>") != std::string::npos);
  CHECK(opf.find("<dc:identifier id=\"book-id\">urn:uuid:") != std::string::npos);
  auto nav = entry(tmp / "o.epub", "EPUB/nav.xhtml");
  CHECK(nav.find("text/c0001.xhtml\"") != std::string::npos);
  CHECK(nav.find("text/c0001.xhtml#") == std::string::npos);  // depth 1: chapter titles only, no headings
  // By name: cpp-build-notes.md comes first.
  CHECK(entry(tmp / "o.epub", "EPUB/text/c0001.xhtml").find("Notes on Building a Small C++ Tool") != std::string::npos);
}

TEST_CASE("usage errors exit 2, and --help and --version exit 0") {
  CHECK(run_mkepub("").code == 2);
  CHECK(run_mkepub("seeds").code == 2);  // no -o
  CHECK(run_mkepub(quote(kSource + "/seeds") + " -o x.epub --toc-depth 9").code == 2);
  CHECK(run_mkepub(quote(kSource + "/seeds") + " -o x.epub --sort size").code == 2);
  auto help = run_mkepub("--help");
  CHECK(help.code == 0);
  CHECK(help.output.find("Examples:") != std::string::npos);
  auto version = run_mkepub("--version");
  CHECK(version.code == 0);
  CHECK(version.output == std::string("mkepub ") + MKEPUB_VERSION + "\n");
}

TEST_CASE("bad input: exact messages, every error reported, exit 1, nothing written") {
  TempDir tmp;
  auto out = tmp / "out.epub";
  spit(out, "OLD BOOK");
  auto build = [&](const std::string& input) {
    return run_mkepub(quote(input) + " -o " + quote(out));
  };
  auto expect = [&](const Run& r, const std::string& message) {
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK(r.output.find(message) != std::string::npos);
    CHECK(slurp(out) == "OLD BOOK");
    int files = 0;
    for (auto& e : fs::directory_iterator(tmp.path)) files += e.path().filename().string().find(".tmp-") != std::string::npos;
    CHECK(files == 0);
  };

  SUBCASE("missing input") { expect(build((tmp / "nope").string()), (tmp / "nope").string() + ": error: no such file or folder"); }
  SUBCASE("empty folder") {
    fs::create_directories(tmp / "empty");
    expect(build((tmp / "empty").string()),
           (tmp / "empty").string() + ": error: no posts found (looked for .md, .markdown and .txt with front matter)");
  }
  SUBCASE("invalid UTF-8") {
    spit(tmp / "in/bad.md", "---\ntitle: x\n---\nok\nab\xff\xfe\n");
    expect(build((tmp / "in").string()),
           (tmp / "in").string() + "/bad.md:5:3: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  }
  SUBCASE("invalid YAML points into the post, and every bad post is reported") {
    spit(tmp / "in/a.md", "---\ntitle: fine\ntags: [one, two\n---\nbody\n");
    spit(tmp / "in/b.md", "---\ntitle: fine\ndate: 2024-01-01\n  bad: indent\n---\nbody\n");
    spit(tmp / "in/c.md", "---\ntitle: never closed\n\nbody\n");
    auto r = build((tmp / "in").string());
    expect(r, (tmp / "in").string() + "/a.md:4:1: error: invalid YAML in front matter: end of sequence flow not found");
    CHECK(r.output.find("/b.md:4:6: error: invalid YAML in front matter: illegal map value") != std::string::npos);
    CHECK(r.output.find("/c.md:1:1: error: front matter opened here is never closed") != std::string::npos);
    CHECK(r.output.find("3 error(s); nothing written") != std::string::npos);
  }
  SUBCASE("every post a draft") {
    spit(tmp / "in/a.md", "---\ntitle: t\ndraft: true\n---\nbody\n");
    expect(build((tmp / "in").string()), "error: nothing to build: every post is a draft");
  }
  SUBCASE("unreadable file") {
    spit(tmp / "in/secret.md", "---\ntitle: t\n---\nbody\n");
    fs::permissions(tmp / "in/secret.md", fs::perms::none);
    std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    fs::permissions(tmp / "in", fs::perms::all);
    auto r = run(as_user + quote(MKEPUB_BINARY) + " " + quote((tmp / "in").string()) + " -o " + quote(out));
    expect(r, (tmp / "in").string() + "/secret.md: error: cannot read file");
  }
}

TEST_CASE("a post file given directly, in a folder mkepub cannot write to, fails cleanly") {
  TempDir tmp;
  spit(tmp / "post.md", "---\ntitle: One\n---\nText.\n");
  auto r = run_mkepub(quote(tmp / "post.md") + " -o " + quote(tmp / "missing-folder/book.epub"));
  CHECK(r.code == 1);
  CHECK(r.output.find("missing-folder/book.epub: error: cannot write in") != std::string::npos);
  auto ok = run_mkepub(quote(tmp / "post.md") + " -o " + quote(tmp / "book.epub"));
  REQUIRE(ok.code == 0);
  require_valid(tmp / "book.epub");
}

TEST_CASE("templates: --dump-templates writes the defaults, --templates overrides them file by file") {
  TempDir tmp;
  REQUIRE(run_mkepub("--dump-templates " + quote(tmp / "t")).code == 0);
  for (const char* name : {"chapter.xhtml", "nav.xhtml", "cover.xhtml", "titlepage.xhtml", "book.css"})
    CHECK(fs::exists(tmp / "t" / name));
  fs::remove(tmp / "t/nav.xhtml");  // not overridden: the default is used
  spit(tmp / "t/book.css", "p { color: #123456; }\n");
  auto r = run_mkepub(quote(kSource + "/seeds") + " --templates " + quote(tmp / "t") + " -o " + quote(tmp / "b.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(entry(tmp / "b.epub", "EPUB/styles/book.css") == "p { color: #123456; }\n");
  require_valid(tmp / "b.epub");
}

TEST_CASE("templates: --dump-templates keeps edited templates unless --force is given") {
  TempDir tmp;
  spit(tmp / "t/book.css", "p { color: #123456; }\n");
  auto again = run_mkepub("--dump-templates " + quote(tmp / "t"));
  CHECK(again.code == 1);
  CHECK(again.output.find("book.css exists (an edited template, perhaps); nothing written. Give --force") !=
        std::string::npos);
  CHECK(slurp(tmp / "t/book.css") == "p { color: #123456; }\n");
  CHECK_FALSE(fs::exists(tmp / "t/chapter.xhtml"));
  REQUIRE(run_mkepub("--dump-templates " + quote(tmp / "t") + " --force").code == 0);
  CHECK(slurp(tmp / "t/book.css") != "p { color: #123456; }\n");
  CHECK(fs::exists(tmp / "t/chapter.xhtml"));
}

TEST_CASE("a site's posts or source folder given as input gets a note naming the site root") {
  TempDir tmp;
  spit(tmp / "hexo/_config.yml", "title: Hexo Blog\n");
  spit(tmp / "hexo/source/_posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n");
  spit(tmp / "jekyll/_config.yml", "title: Jekyll Blog\n");
  spit(tmp / "jekyll/_posts/2024-01-01-a.md", "---\ntitle: A\n---\nText.\n");
  spit(tmp / "mdbook/book.toml", "[book]\ntitle = \"Book\"\n");
  spit(tmp / "mdbook/src/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
  spit(tmp / "mdbook/src/a.md", "# A\n");
  for (const auto& [folder, root] : std::vector<std::pair<std::string, std::string>>{
           {"hexo/source/_posts", "hexo"}, {"hexo/source", "hexo"}, {"jekyll/_posts", "jekyll"}, {"mdbook/src", "mdbook"}}) {
    auto r = run_mkepub(quote(tmp / folder) + " -o " + quote(tmp / "b.epub"));
    INFO(r.output);
    CHECK(r.output.find(": note: a folder inside a site; give the site's root `" +
                        fs::weakly_canonical(tmp / root).generic_string() + "` instead") != std::string::npos);
  }
  auto whole = run_mkepub(quote(tmp / "hexo") + " -o " + quote(tmp / "b.epub"));
  CHECK(whole.output.find("a folder inside a site") == std::string::npos);
}

TEST_CASE("templates: a broken override is an error naming the file, line and column") {
  TempDir tmp;
  spit(tmp / "t/chapter.xhtml", "<html>\n<body>\n<p>unclosed\n</body></html>\n");
  spit(tmp / "t/titlepage.xhtml", "<html><body><h1>no slot</h1></body></html>\n");
  auto r = run_mkepub(quote(kSource + "/seeds") + " --templates " + quote(tmp / "t") + " -o " + quote(tmp / "b.epub"));
  CHECK(r.code == 1);
  CHECK(r.output.find((tmp / "t/chapter.xhtml").string() + ":4:3: error: not well-formed XML") != std::string::npos);
  CHECK(r.output.find((tmp / "t/titlepage.xhtml").string() +
                      ": error: no element with data-slot=\"book-title\", which mkepub fills") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "b.epub"));
}

TEST_CASE("cover: --cover uses the image, marked for every reader, without it one is rendered") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/samples") + " --cover " + quote(kSource + "/samples/hello-world/diagram.png") +
                      " -o " + quote(tmp / "c.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "c.epub");
  CHECK(entry(tmp / "c.epub", "EPUB/images/cover.png") == slurp(kSource + "/samples/hello-world/diagram.png"));
  auto opf = entry(tmp / "c.epub", "EPUB/content.opf");
  CHECK(opf.find("<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\" />") !=
        std::string::npos);
  CHECK(opf.find("<meta name=\"cover\" content=\"cover-image\" />") != std::string::npos);
  CHECK(opf.find("<itemref idref=\"cover\" />") < opf.find("<itemref idref=\"titlepage\" />"));
  auto seeds = run_mkepub(quote(kSource + "/seeds") + " -o " + quote(tmp / "s.epub"));
  REQUIRE(seeds.code == 0);
  CHECK(entry(tmp / "s.epub", "EPUB/images/cover.png").substr(1, 3) == "PNG");
  require_valid(tmp / "s.epub");
  auto bad = run_mkepub(quote(kSource + "/seeds") + " --cover " + quote(kSource + "/README.md") + " -o " + quote(tmp / "x.epub"));
  CHECK(bad.code == 1);
  CHECK(bad.output.find(kSource + "/README.md: error: the cover must be a PNG, JPEG or GIF image") != std::string::npos);
}

TEST_CASE("accessibility metadata says what the book holds") {
  TempDir tmp;
  REQUIRE(run_mkepub(quote(kSource + "/samples") + " -q -o " + quote(tmp / "a.epub")).code == 0);
  auto opf = entry(tmp / "a.epub", "EPUB/content.opf");
  for (const char* line : {"<meta property=\"schema:accessMode\">textual</meta>",
                           "<meta property=\"schema:accessMode\">visual</meta>",
                           "<meta property=\"schema:accessModeSufficient\">textual</meta>",
                           "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>",
                           "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
                           "<meta property=\"schema:accessibilityFeature\">readingOrder</meta>",
                           "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
                           "<meta property=\"schema:accessibilityHazard\">none</meta>"})
    CHECK_MESSAGE(opf.find(line) != std::string::npos, line);
  CHECK(opf.find("schema:accessibilitySummary") != std::string::npos);
  require_valid(tmp / "a.epub");
}

TEST_CASE("fonts: --font embeds the family subset to the book, small, covering every character") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/seeds") + " --font 'LXGW WenKai' -o " + quote(tmp / "f.epub"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "f.epub");
  CHECK(fs::file_size(tmp / "f.epub") <= 350 * 1024);  // the whole regular face is 15.7 MB
  auto css = entry(tmp / "f.epub", "EPUB/styles/book.css");
  CHECK(css.find("font-family: \"LXGW WenKai\";") != std::string::npos);
  CHECK(css.find("html[lang] {\n  font-family: \"LXGW WenKai\", serif;") != std::string::npos);
  CHECK(entry(tmp / "f.epub", "META-INF/com.apple.ibooks.display-options.xml").find("specified-fonts\">true") !=
        std::string::npos);
  // Read the embedded regular face back: every character of the chapter has a glyph in it.
  auto font = entry(tmp / "f.epub", "EPUB/fonts/f0001.ttf");
  REQUIRE(!font.empty());
  auto chapter = entry(tmp / "f.epub", "EPUB/text/c0001.xhtml");
  std::u32string cjk;
  for (char32_t c : codepoints_in(chapter))
    if (is_han(c) || is_spaceless_cjk(c)) cjk += c;
  CHECK(cjk.size() > 500);
  CHECK(subset_font(font, 0, cjk, false).missing.empty());
  // ... and so does every other page the stylesheet styles: the nav's 目录 and the title page.
  for (const char* page : {"EPUB/nav.xhtml", "EPUB/titlepage.xhtml", "EPUB/cover.xhtml"}) {
    std::u32string text;
    for (char32_t c : codepoints_in(entry(tmp / "f.epub", page)))
      if (is_han(c) || is_spaceless_cjk(c)) text += c;
    CHECK_MESSAGE(subset_font(font, 0, text, false).missing.empty(), page);
  }
}

TEST_CASE("fonts: obfuscation, auto, and a family that is not installed") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/seeds") + " --font 'LXGW WenKai' --obfuscate-fonts -o " + quote(tmp / "o.epub"));
  REQUIRE(r.code == 0);
  require_valid(tmp / "o.epub");
  CHECK(entry(tmp / "o.epub", "META-INF/encryption.xml").find("URI=\"EPUB/fonts/f0001.ttf\"") != std::string::npos);
  auto a = run_mkepub(quote(kSource + "/seeds") + " --font auto -o " + quote(tmp / "a.epub"));
  REQUIRE(a.code == 0);
  CHECK(entry(tmp / "a.epub", "EPUB/styles/book.css").find("\"Noto Serif CJK SC\"") != std::string::npos);
  require_valid(tmp / "a.epub");
  auto bad = run_mkepub(quote(kSource + "/seeds") + " --font 'LXGW Wenkia' -o " + quote(tmp / "b.epub"));
  CHECK(bad.code == 1);
  CHECK(bad.output.find("error: no font family \"LXGW Wenkia\" is installed; nearest: \"LXGW WenKai\"") != std::string::npos);
}

TEST_CASE("a folder of posts skips hidden folders and folders starting with an underscore") {
  TempDir tmp;
  spit(tmp / "in/post.md", "---\ntitle: Kept\n---\nText.\n");
  spit(tmp / "in/_partials/part.md", "---\ntitle: Partial\n---\nText.\n");
  spit(tmp / "in/.git/x.md", "---\ntitle: Hidden\n---\nText.\n");
  REQUIRE(run_mkepub(quote(tmp / "in") + " -q -o " + quote(tmp / "b.epub")).code == 0);
  int chapters = 0;
  for (auto& e : unzip_entries(slurp(tmp / "b.epub"))) chapters += e.path.rfind("EPUB/text/", 0) == 0;
  CHECK(chapters == 1);
  require_valid(tmp / "b.epub");
}

TEST_CASE("the output may not be one of the inputs, nor a folder") {
  TempDir tmp;
  spit(tmp / "post.md", "---\ntitle: One\n---\nText.\n");
  auto r = run_mkepub(quote(tmp / "post.md") + " -o " + quote(tmp / "post.md"));
  CHECK(r.code == 1);
  CHECK(r.output.find((tmp / "post.md").string() + ": error: the output is one of the inputs; nothing written") !=
        std::string::npos);
  CHECK(slurp(tmp / "post.md") == "---\ntitle: One\n---\nText.\n");
  auto d = run_mkepub(quote(tmp / "post.md") + " -o " + quote(tmp.path));
  CHECK(d.code == 1);
  CHECK(d.output.find("error: is a folder; give the .epub file to write") != std::string::npos);
}

TEST_CASE("SIGTERM during a build leaves the old book and no temporary file") {
  const fs::path corpus = fs::path(MKEPUB_CORPORA) / "nodejs-blog-en";
  if (!fs::exists(corpus)) {
    MESSAGE("skipped: " << corpus.string() << " is absent");
    return;
  }
  TempDir tmp;
  spit(tmp / "book.epub", "OLD BOOK");
  for (const char* delay : {"0.3", "1.5", "2.5"}) {
    auto r = run("(" + quote(MKEPUB_BINARY) + " " + quote(corpus.string()) + " -q -o " + quote(tmp / "book.epub") +
                 " & pid=$!; sleep " + delay + "; kill -TERM $pid; wait $pid; echo exit=$?)");
    INFO(r.output);
    std::string now = slurp(tmp / "book.epub");
    CHECK((now == "OLD BOOK" || now.substr(0, 2) == "PK"));  // the old book, or the whole new one: nothing between
    if (now.substr(0, 2) == "PK") require_valid(tmp / "book.epub");
    CHECK(temporaries(tmp.path) == 0);
  }
}

TEST_CASE("a mistyped flag or value says what was probably meant, and writes nothing") {
  TempDir tmp;
  const std::string in = quote(kSource + "/seeds/");
  const std::string out = " -o " + quote(tmp / "book.epub");
  struct Case {
    std::string args, message;
  };
  for (const auto& c : std::vector<Case>{
           {in + " --ouput " + quote(tmp / "book.epub"),
            "mkepub: error: unknown option `--ouput`; did you mean `--output`?\nRun with --help for more information.\n"},
           {in + out + " --tilte=X", "mkepub: error: unknown option `--tilte`; did you mean `--title`?\n"},
           {in + out + " --colour", "mkepub: error: unknown option `--colour`\n"},
           {in + out + " --split-by yaer",
            "--split-by: `yaer` is not one of year, category, tag (did you mean `year`?)\n"},
           {in + out + " --sort nmae", "--sort: `nmae` is not one of date, name (did you mean `name`?)\n"},
       }) {
    auto r = run_mkepub(c.args);
    INFO(c.args);
    CHECK(r.code == 2);
    CHECK(r.output.rfind(c.message, 0) == 0);
    CHECK_FALSE(fs::exists(tmp / "book.epub"));
  }
}

TEST_CASE("-o naming a file that is not .epub writes the book with a warning") {
  TempDir tmp;
  auto r = run_mkepub(quote(kSource + "/seeds/") + " -o " + quote(tmp / "book.pdf"));
  REQUIRE(r.code == 0);
  CHECK(r.output.find("mkepub: warning: `" + (tmp / "book.pdf").string() +
                      "` does not end in .epub; an EPUB is written there all the same") != std::string::npos);
  fs::copy_file(tmp / "book.pdf", tmp / "copy.epub");  // epubcheck goes by the extension
  require_valid(tmp / "copy.epub");
  auto quiet = run_mkepub(quote(kSource + "/seeds/") + " -q -o " + quote(tmp / "book.epub"));
  CHECK(quiet.output.find("does not end in .epub") == std::string::npos);
}

TEST_CASE("--css: the user's stylesheet follows the book's own rules, kept inside the book, valid") {
  TempDir tmp;
  spit(tmp / "mine.css", "h1 { color: #222; }\n@import url(https://fonts.example.com/a.css);\n");
  spit(tmp / "more.css", "p { text-indent: 2em; }\n");
  auto r = run_mkepub(quote(kSource + "/seeds/") + " -o " + quote(tmp / "book.epub") + " --css " +
                      quote(tmp / "mine.css") + " --css " + quote(tmp / "more.css"));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(r.output.find("mine.css:2:1: warning: @import rules left out") != std::string::npos);
  auto css = entry(tmp / "book.epub", "EPUB/styles/book.css");
  auto mine = css.find("h1 { color: #222; }"), more = css.find("p { text-indent: 2em; }");
  REQUIRE(mine != std::string::npos);
  REQUIRE(more != std::string::npos);
  CHECK(mine < more);
  CHECK(css.rfind('}') == more + std::string("p { text-indent: 2em; }").size() - 1);  // the last rule of all
  CHECK(css.find("fonts.example.com") == std::string::npos);
  auto missing = run_mkepub(quote(kSource + "/seeds/") + " -o " + quote(tmp / "x.epub") + " --css " +
                            quote(tmp / "none.css"));
  CHECK(missing.code == 2);
}

TEST_CASE("- as INPUT: one post from standard input, its images found from the current folder") {
  TempDir tmp;
  spit(tmp / "post.md", "---\ntitle: From a Pipe\ndate: 2024-05-01\n---\n# Hello\n\n![A dot](dot.gif)\n");
  spit(tmp / "dot.gif", std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00"
                                    "\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02"
                                    "D\x01\x00;",
                                    43));
  auto r = run("cd " + quote(tmp.path.string()) + " && " + quote(MKEPUB_BINARY) + " - -o book.epub < post.md");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(entry(tmp / "book.epub", "EPUB/content.opf").find(">From a Pipe</dc:title>") != std::string::npos);
  CHECK_FALSE(entry(tmp / "book.epub", "EPUB/images/i0001.gif").empty());
  auto bad = run("printf '\\377x' | " + quote(MKEPUB_BINARY) + " - -o " + quote(tmp / "bad.epub"));
  CHECK(bad.code == 1);
  CHECK(bad.output.rfind("-:1:1: error: invalid UTF-8", 0) == 0);
  CHECK_FALSE(fs::exists(tmp / "bad.epub"));
}
