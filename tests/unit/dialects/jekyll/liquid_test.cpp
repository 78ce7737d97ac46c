// Dialects, Jekyll: Liquid (liquid.h) as Jekyll renders it over a post, strings in, strings out, and through the
// dialect's expand_tags with the shared expander after it.
#include <doctest/doctest.h>

#include "../../strings.h"
#include "dialects/dialect.h"
#include "dialects/jekyll/liquid.h"
#include "dialects/tags/tags.h"

using namespace mkepub;

namespace {

struct Rendered {
  std::string text;
  Strings warnings;
};

Rendered render(const std::string& text, std::map<std::string, std::string> vars = {},
                std::map<std::string, std::string> includes = {}) {
  LiquidContext ctx;
  ctx.display = "post.md";
  ctx.variables = std::move(vars);
  ctx.post_href = [](const std::string& name) -> std::optional<std::string> {
    if (name == "2020-01-02-hello") return "2020-01-02-hello.md";
    return std::nullopt;
  };
  ctx.read_include = [includes](const std::string& path) -> std::optional<std::string> {
    auto it = includes.find(path);
    if (it == includes.end()) return std::nullopt;
    return it->second;
  };
  Diagnostics diag;
  Rendered r{render_liquid(text, ctx, diag), {}};
  for (const auto& w : diag.warnings()) r.warnings.push_back(w.format("warning"));
  return r;
}

}  // namespace

TEST_CASE("liquid: output with Liquid's and Jekyll's filters") {
  std::map<std::string, std::string> v = {
      {"site.title", "My Site"}, {"page.title", "A <b> post"}, {"page.date", "2020-03-04"}};
  CHECK(render("{{ site.title | upcase }} / {{ 'X' | downcase | append: '!' | prepend: '¡' }}", v).text ==
        "MY SITE / ¡x!");
  CHECK(render("{{ page.title | escape }}", v).text == "A &lt;b&gt; post");
  CHECK(render("{{ page.title | strip_html }}", v).text == "A  post");
  CHECK(render("{{ page.missing | default: 'none' }}", v).text == "none");
  CHECK(render("{{ page.date | date: '%B %-d, %Y' }} {{ page.date | date_to_string }}", v).text ==
        "March 4, 2020 04 Mar 2020");
  CHECK(render("{{ 'a-b-c' | replace: '-', '+' }} {{ 'Hello World' | slugify }}", v).text == "a+b+c hello-world");
  CHECK(render("{{ \"a|b\" | size }}").text == "3");
}

TEST_CASE("liquid: URL filters and link tags give site paths the links stage resolves") {
  CHECK(render("[docs]({{ '/docs/x/' | relative_url }})").text == "[docs](/docs/x/)");
  CHECK(render("[a]({{ 'about/' | absolute_url }})").text == "[a](/about/)");
  CHECK(render("[p]({% link _posts/2020-01-02-hello.md %})").text == "[p](/_posts/2020-01-02-hello.md)");
  CHECK(render("[p]({% post_url 2020-01-02-hello %}) [q]({% post_url /dir/2020-01-02-hello %})").text ==
        "[p](2020-01-02-hello.md) [q](2020-01-02-hello.md)");
  auto missing = render("[m]({% post_url 1999-01-01-gone %})");
  CHECK(missing.text == "[m]()");
  CHECK(missing.warnings == Strings{"post.md:1: warning: post_url `1999-01-01-gone`: no such post, left empty"});
}

TEST_CASE("liquid: variables only the published site has are left empty, with one warning") {
  auto r = render("a {{ site.posts.first.title }} b {{ site.posts.first.title }}");
  CHECK(r.text == "a  b ");
  CHECK(r.warnings == Strings{"post.md:1: warning: `site.posts.first.title` is known only to the published site: "
                              "left empty"});
  CHECK(render("{{ nothing }}").warnings == Strings{});
}

TEST_CASE("liquid: assign, capture, if, unless and for over values the book knows") {
  std::map<std::string, std::string> v = {{"site.nav.0.title", "Home"},
                                          {"site.nav.0.url", "/"},
                                          {"site.nav.1.title", "About"},
                                          {"site.nav.1.url", "/about/"},
                                          {"site.show", "true"}};
  CHECK(render("{% assign x = 'hi' | upcase %}{{ x }}{% capture y %}[{{ x }}]{% endcapture %}{{ y }}", v).text ==
        "HI[HI]");
  CHECK(render("{% if site.show %}yes{% else %}no{% endif %}", v).text == "yes");
  CHECK(render("{% unless site.show %}yes{% else %}no{% endunless %}", v).text == "no");
  CHECK(render("{% if site.nav.size > 1 and site.show == true %}many{% elsif x %}x{% endif %}", v).text == "many");
  CHECK(render("{% if 'abc' contains 'b' %}in{% endif %}{% if nil %}nil{% elsif 1 == 2 %}two{% else %}else{% endif %}")
            .text == "inelse");
  CHECK(render("{% for n in site.nav %}[{{ n.title }}]({{ n.url }}){% unless forloop.last %}, {% endunless %}"
               "{% endfor %}",
               v)
            .text == "[Home](/), [About](/about/)");
  CHECK(render("{% for i in (1..3) reversed %}{{ i }}{% endfor %}{% for i in (1..5) limit:2 %}{{ i }}{% endfor %}")
            .text == "32112");
  CHECK(render("{%- if site.show -%}\n  tight\n{%- endif -%}\n", v).text == "tight");
}

TEST_CASE("liquid: what only the site knows: a loop is left out and a condition shows its first branch") {
  auto loop = render("A{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}B");
  CHECK(loop.text == "AB");
  CHECK(loop.warnings == Strings{"post.md:1: warning: `{% for post in site.posts %}` runs over what only the "
                                 "published site has: left out"});
  auto cond = render("{% if page.comments %}Comments{% else %}None{% endif %}");
  CHECK(cond.text == "Comments");
  CHECK(cond.warnings.size() == 1);
}

TEST_CASE("liquid: includes with parameters, raw and comments") {
  std::map<std::string, std::string> files = {{"/_includes/note.html", "<p>{{ include.text }} ({{ include.n }})</p>\n"},
                                              {"part.md", "Part {{ page.title }}"}};
  CHECK(render("{% include note.html text=\"Hello there\" n=page.title %}", {{"page.title", "T"}}, files).text ==
        "<p>Hello there (T)</p>");
  CHECK(render("{% include_relative part.md %}", {{"page.title", "T"}}, files).text == "Part T");
  auto missing = render("x{% include nowhere.html %}y");
  CHECK(missing.text == "xy");
  CHECK(missing.warnings == Strings{"post.md:1: warning: include `nowhere.html` not found in _includes: left out"});
  CHECK(render("```\n{% raw %}{{ x }}{% endraw %}\n```\n").text == "```\n{{ x }}\n```\n");
  CHECK(render("a {% raw %}{{ x }}{% endraw %} b").text == "a {% raw %}{{ x }}{% endraw %} b");
  CHECK(render("a{% comment %} {{ x }} {% endcomment %}b").text == "ab");
  CHECK(render("{% figure caption:\"x\" %}![a](b){% endfigure %}").text ==
        "{% figure caption:\"x\" %}![a](b){% endfigure %}");
}

TEST_CASE("liquid: through the Jekyll dialect, raw outside code and plugin tags reach the shared expander") {
  TagContext ctx;
  ctx.display = "post.md";
  ctx.site_variables = {{"title", "Site"}, {"baseurl", "/blog"}};
  ctx.page_variables = {{"title", "Post"}};
  Diagnostics diag;
  CHECK(jekyll_dialect.expand_tags("{{ page.title }} of {{ site.title }}: [a]({{ site.baseurl }}/about/)\n"
                                   "{% raw %}{{ kept }}{% endraw %}\n",
                                   ctx, diag) == "Post of Site: [a](/about/)\n{{ kept }}\n");
  CHECK(diag.warnings().empty());
  ctx.site_variables["url"] = "https://x.com";
  ctx.post_site_path = [](const std::string& slug) { return std::optional<std::string>("/_posts/" + slug + ".md"); };
  CHECK(jekyll_dialect.expand_tags("[a]({{ site.url }}{% post_url 2020-01-02-a %})", ctx, diag) ==
        "[a](https://x.com/_posts/2020-01-02-a.md)");
}
