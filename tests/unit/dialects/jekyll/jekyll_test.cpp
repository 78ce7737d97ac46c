// Dialects, Jekyll (jekyll.cpp): sites detected in folders made here (and removed again).
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/dialect.h"
#include "dialects/jekyll/jekyll.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("jekyll: a Jekyll site with collections") {
  TempDir t;
  t.write("_config.yml", "title: Jekyll\ncollections:\n  recipes:\n    output: true\n  missing: {}\n  posts: {}\n");
  t.mkdir("_posts");
  t.mkdir("_recipes");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.dialect == &jekyll_dialect);
  CHECK(site.source_dir == t.path);
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"_posts", "_recipes"});
  CHECK(site.config.title == "Jekyll");
}

TEST_CASE("jekyll: a Jekyll site of collections only, under collections_dir") {
  TempDir t;
  t.write("_config.yml", "collections_dir: things\ncollections: [docs]\n");
  t.mkdir("things/_docs");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(site.dialect == &jekyll_dialect);
  CHECK(relative_paths(site.post_dirs, t.path) == Strings{"things/_docs"});
}

TEST_CASE("jekyll: its table: _config.yml with Jekyll's spellings, posts sorted by date") {
  CHECK(std::string(jekyll_dialect.name) == "jekyll");
  CHECK(std::string(jekyll_dialect.config_file) == "_config.yml");
  CHECK(jekyll_dialect.order == Dialect::Order::collections);
  Diagnostics diag;
  SiteConfig c = jekyll_dialect.read_config(
      "title: Minimal Mistakes\n"
      "author:\n  name: Michael Rose\n  bio: I write.\n"
      "locale: en-US\n"
      "lang: en\n"
      "url: https://mmistakes.github.io\n"
      "baseurl: /minimal-mistakes\n"
      "permalink: /:categories/:title/\n"
      "collections:\n  recipes:\n    output: true\n",
      "site/_config.yml", diag);
  CHECK(formatted(diag.warnings(), "warning") == "");
  CHECK(c.title == "Minimal Mistakes");
  CHECK(c.authors == Strings{"Michael Rose"});
  CHECK(c.language == "en");
  CHECK(c.variables.at("url") == "https://mmistakes.github.io");
  CHECK(c.permalink == "/:categories/:title/");
  CHECK(c.collections == Strings{"recipes"});
}

TEST_CASE("jekyll: collections that are not folders, `posts`, or paths are not searched") {
  TempDir t;
  Site site;
  site.root = t.path;
  site.config.collections = {"posts", "", "a/b", "missing"};
  t.mkdir("_a/b");
  t.write("_config.yml", "");
  Diagnostics diag;
  CHECK_FALSE(jekyll_dialect.detect(site, "site", diag));
  CHECK(site.post_dirs.empty());
  // Nor is a _posts/ folder without a _config.yml a Jekyll site.
  fs::remove(t.path / "_config.yml");
  t.mkdir("_posts");
  CHECK_FALSE(jekyll_dialect.detect(site, "site", diag));
}

TEST_CASE("jekyll: post URLs under the built-in permalink styles and a pattern of the site's") {
  Post post;
  post.file = "/site/_posts/2020-03-04-hello.md";
  post.date = Date{2020, 3, 4};
  post.categories = {"a", "b"};
  const fs::path posts = "/site/_posts";
  CHECK(jekyll_dialect.post_url("pretty", post, posts) == "/a/b/2020/03/04/hello/");
  CHECK(jekyll_dialect.post_url("date", post, posts) == "/a/b/2020/03/04/hello.html");
  CHECK(jekyll_dialect.post_url("none", post, posts) == "/a/b/hello.html");
  CHECK(jekyll_dialect.post_url("/blog/:year/:title/", post, posts) == "/blog/2020/hello/");
  post.categories.clear();
  CHECK(jekyll_dialect.post_url("pretty", post, posts) == "/2020/03/04/hello/");
}

namespace {

Post post_at(const fs::path& file, const std::string& title, std::optional<Date> date = std::nullopt, int weight = 0) {
  Post p;
  p.file = file;
  p.display = file.filename().string();
  p.title = title;
  p.date = date;
  p.weight = weight;
  return p;
}

Strings order_of(const std::vector<Post>& posts) {
  Strings out;
  for (const auto& p : posts) out.push_back((p.part.empty() ? "" : "[" + p.part + "] ") + p.title);
  return out;
}

}  // namespace

TEST_CASE("jekyll: posts by date, then each collection in config order, sorted as Jekyll sorts it, each a part") {
  TempDir t;
  t.write("_config.yml",
          "title: J\ncollections:\n  guide:\n    title: The Guide\n    order: [intro.md, setup/install.md]\n"
          "  recipes:\n    sort_by: weight\n  notes: {}\n");
  for (const char* d : {"_posts", "_guide/setup", "_recipes", "_notes"}) t.mkdir(d);
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  REQUIRE(site.dialect == &jekyll_dialect);
  std::vector<Post> posts = {
      post_at(t.path / "_notes/b.md", "note b"),
      post_at(t.path / "_recipes/soup.md", "soup", std::nullopt, 2),
      post_at(t.path / "_guide/zz.md", "unlisted"),
      post_at(t.path / "_posts/2021-01-02-new.md", "new post", Date{2021, 1, 2}),
      post_at(t.path / "_guide/setup/install.md", "install"),
      post_at(t.path / "_notes/a.md", "note a"),
      post_at(t.path / "_recipes/bread.md", "bread", std::nullopt, 1),
      post_at(t.path / "_guide/intro.md", "intro"),
      post_at(t.path / "_posts/2020-05-01-old.md", "old post", Date{2020, 5, 1}),
      post_at(t.path / "_notes/c.md", "note c dated", Date{2019, 1, 1}),
  };
  sort_jekyll_posts(posts, site, Options::Sort::date, diag);
  CHECK(order_of(posts) == Strings{"[Posts] old post", "new post", "[The Guide] intro", "install", "unlisted",
                                   "[recipes] bread", "soup", "[notes] note c dated", "note a", "note b"});
  CHECK(diag.warnings().empty());
}

TEST_CASE("jekyll: a site of posts alone has no parts, and an unknown sort_by key says so") {
  TempDir t;
  t.write("_config.yml", "title: J\ncollections:\n  docs:\n    sort_by: rank\n");
  t.mkdir("_posts");
  t.mkdir("_docs");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  std::vector<Post> posts = {post_at(t.path / "_posts/2021-01-02-b.md", "b", Date{2021, 1, 2}),
                             post_at(t.path / "_posts/2020-01-02-a.md", "a", Date{2020, 1, 2})};
  sort_jekyll_posts(posts, site, Options::Sort::date, diag);
  CHECK(order_of(posts) == Strings{"a", "b"});
  posts.push_back(post_at(t.path / "_docs/x.md", "x"));
  sort_jekyll_posts(posts, site, Options::Sort::date, diag);
  CHECK(order_of(posts) == Strings{"[Posts] a", "b", "[docs] x"});
  CHECK(formatted(diag.warnings(), "warning").find("sort_by `rank`") != std::string::npos);
}
