// Dialects (site.h): _config.yml, the config Hexo, Jekyll and plain folders share, as a string in and values out.
#include <doctest/doctest.h>

#include "dialects/site.h"
#include "site_support.h"

using namespace mkepub;
using namespace mkepub::testing;

namespace {

SiteConfig config_of(const std::string& yaml) {
  Diagnostics diag;
  SiteConfig config = parse_site_config(yaml, "blog/_config.yml", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") == "");
  return config;
}

std::string config_error(const std::string& yaml) {
  Diagnostics diag;
  parse_site_config(yaml, "blog/_config.yml", diag);
  return formatted(diag.errors(), "error");
}

}  // namespace

TEST_CASE("site config: a Hexo _config.yml") {
  SiteConfig c = config_of(kHexoConfig);
  CHECK(c.title == "Hexo");
  CHECK(c.subtitle == "A fast, simple & powerful blog framework");
  CHECK(c.description == "Hexo is a fast blog framework.");
  CHECK(c.author == "Hexo");
  CHECK(c.authors == Strings{"Hexo"});
  CHECK(c.language == "en");
  CHECK(c.permalink == "news/:year/:month/:day/:title/");
  CHECK(c.new_post_name == ":year-:month-:day-:title.md");
  CHECK(c.post_asset_folder);
  CHECK(c.collections.empty());
  CHECK(c.variables == Variables{{"algolia.app_id", "ABC123"},
                                 {"author", "Hexo"},
                                 {"description", "Hexo is a fast blog framework."},
                                 {"language", "en"},
                                 {"new_post_name", ":year-:month-:day-:title.md"},
                                 {"per_page", "0"},
                                 {"permalink", "news/:year/:month/:day/:title/"},
                                 {"post_asset_folder", "true"},
                                 {"pretty_urls.trailing_index", "false"},
                                 {"subtitle", "A fast, simple & powerful blog framework"},
                                 {"theme", "navy"},
                                 {"timezone", "UTC"},
                                 {"title", "Hexo"},
                                 {"twitter", "hexojs"},
                                 {"url", "https://hexo.io"}});
}

TEST_CASE("site config: author as a map or a list, language as a list, list items numbered") {
  SiteConfig c = config_of(
      "author:\n"
      "  name: Ann Author\n"
      "  email: ann@example.com\n"
      "language: [zh-CN, en]\n"
      "menu:\n"
      "  - Home\n"
      "  - About\n"
      "social: {github: ann}\n");
  CHECK(c.author == "Ann Author");
  CHECK(c.language == "zh-CN");
  CHECK(c.post_asset_folder == false);
  CHECK(c.variables == Variables{{"author.email", "ann@example.com"},
                                 {"author.name", "Ann Author"},
                                 {"language.0", "zh-CN"},
                                 {"language.1", "en"},
                                 {"menu.0", "Home"},
                                 {"menu.1", "About"},
                                 {"social.github", "ann"}});

  SiteConfig list = config_of("author:\n  - Ann\n  - name: Bob, Jr.\n");
  CHECK(list.authors == Strings{"Ann", "Bob, Jr."});
  CHECK(list.author == "Ann, Bob, Jr.");

  // Themes' `language: default` says nothing about the text; Jekyll's `lang` is the fallback.
  CHECK(config_of("language: default\n").language == "");
  CHECK(config_of("lang: fr\n").language == "fr");
  CHECK(config_of("language: de\nlang: fr\n").language == "de");
}

TEST_CASE("site config: an empty file or only comments is an empty config") {
  SiteConfig c = config_of("");
  CHECK(c.title == "");
  CHECK(c.variables.empty());
  CHECK(config_of("# nothing yet\n").variables.empty());
}

TEST_CASE("site config: invalid YAML is an error at its line and column") {
  CHECK(config_error("title: Blog\nauthor: Ann: Author\n") ==
        "blog/_config.yml:2:12: error: invalid YAML in _config.yml: illegal map value\n");
  CHECK(config_error("title: Blog\n\tauthor: Ann\n") ==
        "blog/_config.yml:2:1: error: invalid YAML in _config.yml: illegal tab when looking for indentation\n");
  CHECK(config_error("aliases:\n  - %\n") ==
        "blog/_config.yml:2:5: error: invalid YAML in _config.yml: unknown token\n");
  // An unclosed flow list is found where the text ends.
  CHECK(config_error("title: Blog\nmenu: [Home, About\n") ==
        "blog/_config.yml:3:1: error: invalid YAML in _config.yml: end of sequence flow not found\n");
  CHECK(config_error("title: Blog\n  bad: indent\n") ==
        "blog/_config.yml:2:6: error: invalid YAML in _config.yml: illegal map value\n");
}

TEST_CASE("site config: a document that is not a map is an error") {
  CHECK(config_error("- a\n- b\n") == "blog/_config.yml:1:1: error: _config.yml must be a mapping of keys to values\n");
  CHECK(config_error("just text\n") == "blog/_config.yml:1:1: error: _config.yml must be a mapping of keys to values\n");
}

TEST_CASE("site config: a value of the wrong kind is a warning and is ignored") {
  Diagnostics diag;
  SiteConfig c = parse_site_config("title:\n  - a\n  - b\npost_asset_folder: maybe\nauthor: Ann\n",
                                   "blog/_config.yml", diag);
  CHECK(c.title == "");
  CHECK(c.post_asset_folder == false);
  CHECK(c.author == "Ann");
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") ==
        "blog/_config.yml:2:3: warning: `title`: expected a single value; ignored\n"
        "blog/_config.yml:4:20: warning: `post_asset_folder`: expected true or false; ignored\n");
}

TEST_CASE("site config: a url that is not http or https is ignored with a warning, the same rule as links") {
  for (const char* url : {"https://hexo.io", "HTTP://example.com/blog/", "", "example.com", "//example.com"})
    CHECK(config_of(std::string("url: ") + url + "\n").variables["url"] == url);
  for (const char* url :
       {"javascript:alert(1)", "'  JavaScript:alert(1)'", "data:text/html,x", "file:///etc/passwd", "mailto:a@b.c"}) {
    Diagnostics diag;
    SiteConfig c = parse_site_config(std::string("title: T\nurl: ") + url + "\n", "blog/_config.yml", diag);
    CHECK(c.variables.count("url") == 0);
    CHECK(c.variables["title"] == "T");
    REQUIRE(diag.warnings().size() == 1);
    CHECK(diag.warnings()[0].format("warning").starts_with("blog/_config.yml:2:6: warning: `url`: `"));
    CHECK(diag.warnings()[0].format("warning").ends_with("` is not an http or https URL; ignored"));
  }
}

TEST_CASE("site config: a source_dir or collections_dir leading outside the site is ignored with a warning") {
  Diagnostics diag;
  parse_site_config("source_dir: ../elsewhere\ncollections_dir: /etc\n", "blog/_config.yml", diag);
  CHECK(formatted(diag.warnings(), "warning") ==
        "blog/_config.yml:1:13: warning: `source_dir`: `../elsewhere` leads outside the site; ignored\n"
        "blog/_config.yml:2:18: warning: `collections_dir`: `/etc` leads outside the site; ignored\n");
  CHECK(config_of("source_dir: src/../content\ncollections_dir: ./docs\n").variables["source_dir"] == "src/../content");
}

TEST_CASE("site config: Jekyll collections as a list or a map") {
  SiteConfig list = config_of("title: Docs\ncollections:\n  - recipes\n  - docs\n");
  CHECK(list.collections == Strings{"recipes", "docs"});
  SiteConfig map = config_of(
      "collections_dir: my_collections\n"
      "collections:\n"
      "  staff:\n"
      "    output: true\n"
      "  docs:\n"
      "    permalink: /:path/\n");
  CHECK(map.collections == Strings{"staff", "docs"});
  CHECK(map.variables == Variables{{"collections.docs.permalink", "/:path/"},
                                   {"collections.staff.output", "true"},
                                   {"collections_dir", "my_collections"}});
}
