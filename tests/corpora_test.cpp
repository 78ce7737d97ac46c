// The real corpora of ../shared/corpora, built the way a user would (`mkepub DIR -o X.epub`, no flags): each
// must give a book epubcheck passes. Skipped, with a message, where the corpora are absent.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "leaks.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const fs::path kCorpora = MKEPUB_CORPORA;

void builds_valid(const std::string& name, const std::string& flags = "") {
  if (!fs::exists(kCorpora / name)) {
    MESSAGE("skipped: " << (kCorpora / name).string() << " is absent");
    return;
  }
  TempDir tmp;
  auto r = run_mkepub(quote((kCorpora / name).string()) + " -o " + quote(tmp / "book.epub") + flags);
  INFO(r.output);
  REQUIRE(r.code == 0);
  auto check = epubcheck(tmp / "book.epub");
  INFO(check.output.substr(0, 4000));
  CHECK(check.fatals == 0);
  CHECK(check.errors == 0);
  CHECK(check.warnings == 0);
  auto entries = unzip_entries(slurp(tmp / "book.epub"));
  SiteText site(kCorpora / name);
  std::vector<LeakSample> samples;
  LeakCounts escaped, in_raw_html;
  auto leaks = leaks_in_book(entries, {&samples, &site, &escaped, &in_raw_html});
  MESSAGE(name << ": leaked source syntax: " << format_leaks(leaks) << "; escaped by the author: "
               << format_leaks(escaped) << "; inside raw HTML: " << format_leaks(in_raw_html));
  // At most 3 leaks of syntax per book. A remote image is not syntax: offline (as here) it stays a link, and is
  // counted apart.
  const int remote = leaks.count("remote image not fetched") ? leaks["remote image not fetched"] : 0;
  std::string listed;
  for (const auto& s : samples)
    if (s.kind != "remote image not fetched") listed += s.page + ": " + s.kind + ": " + s.text.substr(0, 120) + "\n";
  INFO(listed);
  CHECK(total(leaks) - remote <= 3);
  // No XHTML file over about 300 KB: old readers choke on them.
  for (const auto& e : entries)
    if (e.path.size() > 6 && e.path.substr(e.path.size() - 6) == ".xhtml") CHECK_MESSAGE(e.bytes.size() <= 300 * 1024, e.path);
}

}  // namespace

TEST_CASE("corpus hexo-docs-en") { builds_valid("hexo-docs-en"); }
TEST_CASE("corpus hexo-docs-ja") { builds_valid("hexo-docs-ja"); }
TEST_CASE("corpus hexo-docs-zh-cn") { builds_valid("hexo-docs-zh-cn"); }
TEST_CASE("corpus hexo-site-en") { builds_valid("hexo-site-en"); }
TEST_CASE("corpus hugo-docs-en") { builds_valid("hugo-docs-en"); }
TEST_CASE("corpus nodejs-blog-en") { builds_valid("nodejs-blog-en"); }
TEST_CASE("corpus rust-book-en") { builds_valid("rust-book-en"); }
TEST_CASE("corpus rust-book-zh-cn") { builds_valid("rust-book-zh-cn"); }
TEST_CASE("corpus vivliostyle-tbf09-ja") { builds_valid("vivliostyle-tbf09-ja"); }

// The breadth set: sites of every kind mkepub was not made against (../shared/corpora/README.md).
TEST_CASE("corpus docusaurus-en-prettier") { builds_valid("docusaurus-en-prettier"); }
TEST_CASE("corpus docusaurus-ko-mailhyuil") { builds_valid("docusaurus-ko-mailhyuil"); }
TEST_CASE("corpus gitbook-en-linuxinsides") { builds_valid("gitbook-en-linuxinsides"); }
TEST_CASE("corpus hexo-blog-enzh-zhouhao") { builds_valid("hexo-blog-enzh-zhouhao"); }
TEST_CASE("corpus hexo-blog-zh-jackzheng") { builds_valid("hexo-blog-zh-jackzheng"); }
TEST_CASE("corpus hexo-blog-zh-youngforest") { builds_valid("hexo-blog-zh-youngforest"); }
TEST_CASE("corpus hexo-themedocs-en-nexttheme") { builds_valid("hexo-themedocs-en-nexttheme"); }
TEST_CASE("corpus hugo-blog-en-brycewray") { builds_valid("hugo-blog-en-brycewray"); }
TEST_CASE("corpus hugo-blog-zh-darjun") { builds_valid("hugo-blog-zh-darjun"); }
TEST_CASE("corpus hugo-docs-zhen-fixit") { builds_valid("hugo-docs-zhen-fixit"); }
TEST_CASE("corpus hugo-site-en-matbesancon") { builds_valid("hugo-site-en-matbesancon"); }
TEST_CASE("corpus jekyll-blog-en-mmistakes") { builds_valid("jekyll-blog-en-mmistakes"); }
TEST_CASE("corpus jekyll-blog-multi-gipyeonglee") { builds_valid("jekyll-blog-multi-gipyeonglee"); }
TEST_CASE("corpus jekyll-collections-zh-lsieun") { builds_valid("jekyll-collections-zh-lsieun"); }
TEST_CASE("corpus mdbook-en-nomicon") { builds_valid("mdbook-en-nomicon"); }
TEST_CASE("corpus mdbook-ja-rbeja") { builds_valid("mdbook-ja-rbeja"); }
TEST_CASE("corpus quartz-garden-en-lesleylai") { builds_valid("quartz-garden-en-lesleylai"); }
TEST_CASE("corpus vitepress-zh-advancedjava") { builds_valid("vitepress-zh-advancedjava"); }

TEST_CASE("corpus powershell-docs-en: five posts with invalid YAML fail the build, named with line and column") {
  const fs::path dir = kCorpora / "powershell-docs-en";
  if (!fs::exists(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent");
    return;
  }
  TempDir tmp;
  auto r = run_mkepub(quote(dir.string()) + " -o " + quote(tmp / "book.epub"));
  CHECK(r.code == 1);
  for (const char* version : {"5.1", "7.4", "7.5", "7.6", "7.7"})
    CHECK(r.output.find(dir.string() + "/" + version +
                        "/Microsoft.PowerShell.Core/ForEach-Object.md:9:5: error: invalid YAML in front matter") !=
          std::string::npos);
  CHECK(r.output.find("5 error(s); nothing written") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "book.epub"));
}

TEST_CASE("corpus powershell-docs-en with --keep-going builds without them") {
  builds_valid("powershell-docs-en", " --keep-going");
}
