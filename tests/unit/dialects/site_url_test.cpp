// Dialects: a site's published URL, from any generator's config, keeps only the schemes a link may have
// (keep_http_url in registry.cpp for Hugo and Docusaurus; the rule _config.yml's reader applies at its YAML node).
#include <doctest/doctest.h>

#include "dialects/dialect.h"
#include "dialects/docusaurus/js_config.h"
#include "dialects/hugo/hugo.h"
#include "site_support.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("site url: a scheme other than http or https is dropped, with a warning at the value") {
  struct Case {
    std::string url, warning;
  };
  const std::vector<Case> cases = {
      {"https://example.com/blog", ""},
      {"http://example.com", ""},
      {"example.com", ""},  // no scheme: a path, as the _config.yml reader takes it
      {"javascript:alert(1)", "conf:2:6: warning: `url`: `javascript:alert(1)` is not an http or https URL; ignored\n"},
      {"JavaScript:alert(1)", "conf:2:6: warning: `url`: `JavaScript:alert(1)` is not an http or https URL; ignored\n"},
      {"data:text/html,<script>x</script>",
       "conf:2:6: warning: `url`: `data:text/html,<script>x</script>` is not an http or https URL; ignored\n"},
      {"vbscript:msgbox", "conf:2:6: warning: `url`: `vbscript:msgbox` is not an http or https URL; ignored\n"},
  };
  for (const auto& c : cases) {
    SiteConfig config;
    config.variables["url"] = c.url;
    Diagnostics diag;
    keep_http_url(config, "url", "title: T\nurl: " + c.url + "\n", "conf", diag);
    INFO(c.url);
    CHECK(formatted(diag.warnings(), "warning") == c.warning);
    CHECK(config.variables.count("url") == (c.warning.empty() ? 1u : 0u));
  }
}

TEST_CASE("site url: Hugo's baseURL and Docusaurus's url go through the same filter as _config.yml's") {
  Diagnostics diag;
  auto hugo =
      read_hugo_config({{"hugo.toml", "site/hugo.toml", "title = \"H\"\nbaseURL = \"javascript:alert(1)//\"\n"}}, diag);
  CHECK(hugo.variables.count("url") == 0);
  CHECK(formatted(diag.warnings(), "warning") ==
        "site/hugo.toml:2:12: warning: `baseURL`: `javascript:alert(1)//` is not an http or https URL; ignored\n");
  Diagnostics quiet;
  auto good = read_hugo_config({{"hugo.toml", "site/hugo.toml", "baseURL = \"https://example.org/\"\n"}}, quiet);
  CHECK(good.variables["url"] == "https://example.org/");
  CHECK(quiet.warnings().empty());

  Diagnostics js;
  auto docusaurus = parse_js_config("module.exports = {\n  title: 'D',\n  url: 'data:text/html,x',\n};\n",
                                    "site/docusaurus.config.js", js);
  CHECK(docusaurus.variables.count("url") == 0);
  CHECK(formatted(js.warnings(), "warning") ==
        "site/docusaurus.config.js:3:9: warning: `url`: `data:text/html,x/` is not an http or https URL; ignored\n");
}
