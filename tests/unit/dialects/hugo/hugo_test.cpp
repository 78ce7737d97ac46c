// Dialects, Hugo (dialects/hugo/): its config files merged and read, detection, its URLs and its page order.
#include <doctest/doctest.h>

#include "../site_support.h"
#include "base/dates.h"
#include "dialects/dialect.h"
#include "dialects/hugo/hugo.h"

using namespace mkepub;
using namespace mkepub::testing;

namespace {

SiteConfig config_of(const std::vector<HugoConfigFile>& files, std::string* errors = nullptr) {
  Diagnostics diag;
  SiteConfig config = read_hugo_config(files, diag);
  if (errors) *errors = formatted(diag.errors(), "error");
  else CHECK(formatted(diag.errors(), "error") == "");
  return config;
}

Post page(const std::string& file, int weight = 0, const std::string& title = "", const std::string& date = "") {
  Post p;
  p.file = fs::path("/site/content") / file;
  p.display = file;
  p.weight = weight;
  p.title = title.empty() ? fs::path(file).stem().string() : title;
  if (!date.empty()) p.date = parse_date(date);
  return p;
}

Strings order_of(std::vector<Post> posts, Options::Sort sort = Options::Sort::date) {
  Diagnostics diag;
  for (auto& p : posts)
    if (p.body.empty()) p.body = "Text.\n";
  sort_hugo_posts(posts, "/site/content", sort, diag);
  Strings out;
  for (const auto& p : posts) out.push_back(std::string(2 * p.nesting, ' ') + p.display);
  return out;
}

}  // namespace

TEST_CASE("hugo config: hugo.toml's title, language, baseURL and author, keys in any case") {
  SiteConfig c = config_of({{"hugo.toml", "hugo.toml",
                             "baseURL = \"https://ex.org/\"\ntitle = \"Blog\"\nLanguageCode = \"en-us\"\n"
                             "[author]\nname = \"Ann\"\n[params]\ndescription = \"About things\"\n"}});
  CHECK(c.title == "Blog");
  CHECK(c.language == "en-us");
  CHECK(c.authors == Strings{"Ann"});
  CHECK(c.author == "Ann");
  CHECK(c.description == "About things");
  CHECK(config_value(c, "url") == "https://ex.org/");
  CHECK(config_value(c, "contentDir") == "");
  CHECK(config_value(c, "params.description") == "About things");
}

TEST_CASE("hugo config: a NUL or control escape in hugo.toml's title or description is dropped, not what follows") {
  SiteConfig c = config_of(
      {{"hugo.toml", "hugo.toml", "title = \"Hu\\u0000go\\u0007 Site\"\n[params]\ndescription = \"A\\u0001B\"\n"}});
  CHECK(c.title == "Hugo Site");
  CHECK(c.description == "AB");
}

TEST_CASE("hugo config: config/_default/ files by name, a language's own title and contentDir") {
  SiteConfig c = config_of({
      {"hugo.toml", "config/_default/hugo.toml", "title = \"Site\"\ndefaultContentLanguage = \"zh-cn\"\n"},
      {"languages.zh-cn.toml", "config/_default/languages.zh-cn.toml",
       "title = \"站点\"\nlanguageCode = \"zh-CN\"\ncontentDir = \"content/zh-cn\"\n"},
      {"params.yaml", "config/_default/params.yaml", "authors: [Ann, Bo]\n"},
  });
  CHECK(c.title == "站点");
  CHECK(c.language == "zh-CN");
  CHECK(c.authors == Strings{"Ann", "Bo"});
  CHECK(config_value(c, "contentDir") == "content/zh-cn");
  // A language's own params (params.LANG.toml) come before the site's.
  SiteConfig by_lang = config_of({{"params.toml", "params.toml", "author = \"Site\"\n"},
                                  {"params.en.toml", "params.en.toml", "[author]\nname = \"English\"\n"}});
  CHECK(by_lang.authors == Strings{"English"});
  CHECK(by_lang.language == "en");  // defaultContentLanguage's default
  SiteConfig site_wide = config_of({{"params.toml", "params.toml", "[author]\nname = \"Site\"\n"},
                                    {"params.en.toml", "params.en.toml", "description = \"English\"\n"}});
  CHECK(site_wide.authors == Strings{"Site"});  // the language's params have no author: the site's
  CHECK(site_wide.description == "English");
}

TEST_CASE("hugo config: YAML and JSON too, a theme's `author = true` is no name, errors at line and column") {
  CHECK(config_of({{"config.yaml", "config.yaml", "title: Y\nparams:\n  author: true\n"}}).authors.empty());
  CHECK(config_of({{"hugo.json", "hugo.json", "{\"title\": \"J\", \"languageCode\": \"fr\"}"}}).language == "fr");
  std::string errors;
  config_of({{"hugo.toml", "site/hugo.toml", "title = \"A\"\ntitle = \"B\"\n"}}, &errors);
  CHECK(errors ==
        "site/hugo.toml:2:9: error: invalid TOML in hugo.toml: error while parsing key-value pair: cannot redefine "
        "existing string 'title'\n");
}

TEST_CASE("hugo: detected by its config or a content folder's _index.md, posts under contentDir") {
  TempDir t;
  t.write("hugo.toml", "title = \"T\"\ncontentDir = \"pages\"\n");
  t.write("pages/a.md", "+++\ntitle = \"A\"\n+++\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "site", diag);
  CHECK(site.dialect == &hugo_dialect);
  CHECK(site.config.title == "T");
  CHECK(site.post_dirs == std::vector<fs::path>{t.path / "pages"});
  CHECK(site.source_dir == t.path / "pages");
  CHECK(site.static_dirs.empty());
  t.mkdir("static/images");
  CHECK(detect_site(t.path, "site", diag).static_dirs == std::vector<fs::path>{t.path / "static"});

  TempDir d;  // config/_default/ alone, the default content folder
  d.write("config/_default/hugo.yaml", "title: D\n");
  d.write("content/_index.md", "---\ntitle: Home\n---\n");
  CHECK(detect_site(d.path, "d", diag).dialect == &hugo_dialect);
  CHECK(detect_site(d.path, "d", diag).post_dirs == std::vector<fs::path>{d.path / "content"});

  TempDir c;  // the content folder itself
  c.write("_index.md", "---\ntitle: Docs\n---\n");
  c.write("about/index.md", "---\ntitle: About\n---\n");
  CHECK(detect_site(c.path, "c", diag).dialect == &hugo_dialect);

  TempDir plain;  // a config without its content folder is not a Hugo site to read
  plain.write("config.toml", "title = \"x\"\n");
  plain.write("a.md", "---\ntitle: A\n---\n");
  CHECK(detect_site(plain.path, "p", diag).dialect == &plain_dialect);
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("hugo URLs: path under content, slug, url, bundles, sections' pages, permalink patterns") {
  const fs::path content = "/site/content";
  Post p = page("posts/my-post.md", 0, "My Post!", "2021-02-03");
  CHECK(hugo_post_url("\n", p, content) == "/posts/my-post/");
  p.slug = "short";
  CHECK(hugo_post_url("\n", p, content) == "/posts/short/");
  CHECK(hugo_post_url("posts\t/:year/:month/:slug/\n", p, content) == "/2021/02/short/");
  p.slug.clear();
  CHECK(hugo_post_url("posts\t/:year/:title/\n", p, content) == "/2021/my-post/");
  CHECK(hugo_post_url("posts\t/:sections[1:]/:slugorcontentbasename/\n", page("posts/a/b/x.md"), content) == "/a/b/x/");
  CHECK(hugo_post_url("\n", page("posts/bundle/index.md"), content) == "/posts/bundle/");
  CHECK(hugo_post_url("posts\t/p/:filename/\n", page("posts/bundle/index.md"), content) == "/p/bundle/");
  CHECK(hugo_post_url("posts\t/p/:slug/\n", page("posts/_index.md"), content) == "/posts/");
  p.url = "/elsewhere/";
  CHECK(hugo_post_url("posts\t/:year/:slug/\n", p, content) == "/elsewhere/");
}

TEST_CASE("hugo order: each section opened by its _index.md, pages by weight, then date, then title") {
  CHECK(order_of({page("docs/b.md", 2), page("docs/a.md", 1), page("docs/unweighted.md"), page("_index.md"),
                  page("docs/_index.md", 1, "Docs"), page("blog/_index.md", 2, "Blog"),
                  page("blog/new.md", 0, "", "2022-01-01"), page("blog/old/index.md", 0, "", "2020-01-01"),
                  page("about.md", 3)}) == Strings{
                                               "_index.md",
                                               "docs/_index.md",
                                               "  docs/a.md",
                                               "  docs/b.md",
                                               "  docs/unweighted.md",
                                               "blog/_index.md",
                                               "  blog/old/index.md",
                                               "  blog/new.md",
                                               "about.md",
                                           });
}

TEST_CASE("hugo order: a section without _index.md sorts by its name, its pages not nested") {
  CHECK(order_of({page("z.md", 0, "zed"), page("notes/b.md", 0, "B"), page("notes/a.md", 0, "A")}) ==
        Strings{"notes/a.md", "notes/b.md", "z.md"});
  CHECK(order_of({page("b.md", 0, "", "2020-01-01"), page("a.md", 0, "", "2021-01-01")}, Options::Sort::name) ==
        Strings{"a.md", "b.md"});
}

TEST_CASE("hugo order: pages without text are left out with a note, sections' own pages stay, titled") {
  std::vector<Post> posts = {page("_index.md"), page("admin/index.md"), page("docs/_index.md"), page("docs/a.md")};
  posts[3].body = "Text.\n";
  posts[2].title.clear();
  Diagnostics diag;
  sort_hugo_posts(posts, "/site/content", Options::Sort::date, diag);
  Strings titles;
  for (const auto& p : posts) titles.push_back(p.title + " " + std::to_string(p.nesting));
  CHECK(titles == Strings{"Docs 0", "a 1"});
  CHECK(formatted(diag.notes(), "note") ==
        "_index.md: note: the home page has no text: left out\nadmin/index.md: note: no text: left out\n");
  std::vector<Post> home = {page("docs/a.md"), page("_index.md")};
  home[1].title.clear();
  for (auto& p : home) p.body = "Text.\n";
  sort_hugo_posts(home, "/site/content", Options::Sort::date, diag, "The Site");
  CHECK(home[0].title == "The Site");
}
