// A Jekyll site as Jekyll publishes it (issue 13, item 3): Liquid output and tags, includes with parameters,
// permalinks under baseurl, kramdown attribute lists; the book links its own chapters and shows no template syntax.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub::test;

TEST_CASE("jekyll site: Liquid, includes, permalinks and attribute lists make chapter links and a valid book") {
  TempDir tmp;
  spit(tmp / "site/_config.yml",
       "title: Trains\nurl: https://trains.example\nbaseurl: /blog\npermalink: pretty\n"
       "nav:\n  - {title: Home, url: /}\n");
  spit(tmp / "site/_includes/note.html", "<p class=\"note\">{{ include.text | upcase }}</p>\n");
  spit(tmp / "site/_posts/2024-03-01-a.md",
       "---\ntitle: First\n---\n"
       "{{ page.title }} of {{ site.title }}.\n{: .lead}\n\n"
       "{% include note.html text=\"mind the gap\" %}\n\n"
       "## Stations {#stations}\n\n"
       "[by filter]({{ '/2024/03/02/b/' | relative_url }}), [by post_url]({% post_url 2024-03-02-b %}), "
       "[by url]({{ site.url }}{% post_url 2024-03-02-b %}), [by baseurl](/blog/2024/03/02/b/), "
       "[by anchor](#stations).\n\n"
       "{% for item in site.nav %}*{{ item.title }}*{: .nav}{% endfor %}\n\n"
       "```liquid\n{% raw %}{{ page.title }}{% endraw %}\n```\n");
  spit(tmp / "site/_posts/2024-03-02-b.md", "---\ntitle: Second\n---\nB.\n");
  const fs::path epub = tmp / "book.epub";
  auto r = run_mkepub(quote((tmp / "site").string()) + " -o " + quote(epub.string()) + " -q");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(epub);
  std::string first;
  for (auto& e : mkepub::unzip_entries(slurp(epub)))
    if (e.path == "EPUB/text/c0001.xhtml") first = e.bytes;
  INFO(first);
  CHECK(first.find("<p class=\"lead\">First of Trains.</p>") != std::string::npos);
  CHECK(first.find("<p class=\"note\">MIND THE GAP</p>") != std::string::npos);
  for (const char* label : {"by filter", "by post_url", "by url", "by baseurl"})
    CHECK_MESSAGE(first.find(std::string("<a href=\"c0002.xhtml\">") + label + "</a>") != std::string::npos, label);
  CHECK(first.find("<a href=\"#stations\">by anchor</a>") != std::string::npos);
  CHECK(first.find("<em class=\"nav\">Home</em>") != std::string::npos);
  CHECK(first.find("<code class=\"language-liquid\">{{ page.title }}") != std::string::npos);
  for (const char* leaked : {"{:", "{%", "{#stations}", "relative_url"})
    CHECK_MESSAGE(first.find(leaked) == std::string::npos, leaked);
}
