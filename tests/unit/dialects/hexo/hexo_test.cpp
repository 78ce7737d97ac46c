// Dialects, Hexo (hexo.cpp): sites detected in folders made here (and removed again).
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/dialect.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("hexo: a Hexo site") {
  TempDir t;
  t.write("_config.yml", kHexoConfig);
  t.write("source/_posts/2024-01-01-hello.md", "---\ntitle: Hello\n---\n");
  t.mkdir("source/images");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.dialect == &hexo_dialect);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path / "source");
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"source/_posts"});
  CHECK(site.config.title == "Hexo");
  CHECK(site.config.post_asset_folder);
  CHECK(site.summary.empty());
}

TEST_CASE("hexo: a Hexo site with its source_dir renamed") {
  TempDir t;
  t.write("_config.yml", "title: Renamed\nsource_dir: content\n");
  t.mkdir("content/_posts");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(site.dialect == &hexo_dialect);
  CHECK(site.source_dir == t.path / "content");
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"content/_posts"});
}

TEST_CASE("hexo: its table: _config.yml, posts sorted by date, permalinks") {
  CHECK(std::string(hexo_dialect.name) == "hexo");
  CHECK(std::string(hexo_dialect.config_file) == "_config.yml");
  CHECK(hexo_dialect.order == Dialect::Order::sorted);
  Diagnostics diag;
  SiteConfig c = hexo_dialect.read_config(kHexoConfig, "blog/_config.yml", diag);
  CHECK(formatted(diag.warnings(), "warning") == "");
  CHECK(c.title == "Hexo");
  CHECK(c.authors == Strings{"Hexo"});
  CHECK(c.language == "en");
  CHECK(c.variables.at("url") == "https://hexo.io");
  CHECK(c.permalink == "news/:year/:month/:day/:title/");
  Post post;
  post.file = "/blog/source/_posts/2019/hello.md";
  post.date = Date{2019, 12, 24};
  CHECK(hexo_dialect.post_url(c.permalink, post, "/blog/source/_posts") == "news/2019/12/24/2019/hello/");
}

TEST_CASE("hexo: a folder without source/_posts is not a Hexo site, and is left as it was") {
  TempDir t;
  t.write("_config.yml", kHexoConfig);
  t.mkdir("source");
  t.mkdir("_posts");
  Site site;
  site.root = t.path;
  site.source_dir = t.path;
  Diagnostics diag;
  CHECK_FALSE(hexo_dialect.detect(site, "blog", diag));
  CHECK(site.source_dir == t.path);
  CHECK(site.post_dirs.empty());
  // Nor is source/_posts/ without a _config.yml.
  TempDir bare;
  bare.mkdir("source/_posts");
  Site other;
  other.root = bare.path;
  CHECK_FALSE(hexo_dialect.detect(other, "blog", diag));
  // `source_dir` may not lead out of the site.
  site.config.variables["source_dir"] = "../elsewhere";
  t.mkdir("source/_posts");
  REQUIRE(hexo_dialect.detect(site, "blog", diag));
  CHECK(site.source_dir == t.path / "source");
}
