// Dialects, a plain folder (plain.cpp): the fallback, detected in folders made here (and removed again).
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/dialect.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("plain: a folder of posts, also with a _config.yml that names no posts folder") {
  TempDir t;
  t.write("2024-01-01-a.md", "---\ntitle: A\n---\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "posts", diag);
  CHECK(site.dialect == &plain_dialect);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path);
  CHECK(site.post_dirs == std::vector<fs::path>{t.path});

  t.write("_config.yml", "title: Not yet a blog\n");
  Site with_config = detect_site(t.path, "posts", diag);
  CHECK(with_config.dialect == &plain_dialect);
  CHECK(with_config.config.title == "Not yet a blog");
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("plain: its table: any folder, posts sorted by date, a _config.yml if there is one") {
  CHECK(std::string(plain_dialect.name) == "plain");
  CHECK(std::string(plain_dialect.config_file) == "_config.yml");
  CHECK(plain_dialect.order == Dialect::Order::sorted);
  Diagnostics diag;
  CHECK(plain_dialect.read_config("title: Notes\nauthor: Ann\n", "notes/_config.yml", diag).author == "Ann");
  Site site;
  site.root = "/anything";
  CHECK(plain_dialect.detect(site, "anything", diag));
  CHECK(site.post_dirs == std::vector<fs::path>{"/anything"});
  CHECK(site.source_dir == "/anything");
  // Posts given as files have no site; their dialect is this one.
  CHECK(Site{}.dialect == &plain_dialect);
}
