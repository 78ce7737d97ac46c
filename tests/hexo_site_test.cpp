// A Hexo site as Hexo reads it (issue 13, item 2): its own URLs and heading anchors lead into the book, and the
// tag plugins of the themes NexT, Butterfly, Fluid and Volantis show what a reader of the site sees, valid.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

std::string chapters_text(const fs::path& epub) {
  std::string all;
  for (auto& e : unzip_entries(slurp(epub)))
    if (e.path.rfind("EPUB/text/c", 0) == 0) all += e.bytes;
  return all;
}

}  // namespace

TEST_CASE("hexo site: site URLs and Hexo's heading ids are chapter links, theme tags render, the book is valid") {
  TempDir tmp;
  spit(tmp / "site/_config.yml",
       "title: Theme Blog\nurl: https://example.com/blog\nroot: /blog/\npermalink: :year/:month/:day/:title/\n");
  spit(tmp / "site/source/_posts/guide.md",
       "---\ntitle: Getting Started\ndate: 2024-03-02\n---\n"
       "# Getting Started\n\nIntro.\n\n## Install Hexo\n\n## 配置 _config.yml\n\n## Usage\n\n## Usage\n");
  spit(tmp / "site/source/_posts/themes.md",
       "---\ntitle: Themes\ndate: 2024-03-03\n---\n"
       "See [install](/blog/2024/03/02/guide/#Install-Hexo), [config](https://example.com/blog/2024/03/02/guide/"
       "#%E9%85%8D%E7%BD%AE-config-yml), [second usage](/blog/2024/03/02/guide/#Usage-1), [top](/blog/2024/03/02/guide/"
       "index.html#Getting-Started), [second tab](#demo-2) and [about](http://www.example.com/blog/about/).\n\n"
       "{% note green 'fas fa-rocket' %}\nButterfly note.\n{% endnote %}\n\n"
       "{% note info, Volantis one-line note %}\n\n"
       "{% tabs Demo %}\n<!-- tab First @fas fa-one -->\nOne.\n<!-- endtab -->\n<!-- tab Second -->\nTwo.\n"
       "<!-- endtab -->\n{% endtabs %}\n\n"
       "{% fold info @Fluid fold %}\nFolded text.\n{% endfold %}\n\n"
       "{% folding green, Volantis folding %}\nFolding text.\n{% endfolding %}\n\n"
       "{% hideToggle Butterfly toggle %}\nToggled text.\n{% endhideToggle %}\n\n"
       "{% btn https://example.org/,Butterfly button,far fa-hand-point-right,block center larger %}\n\n"
       "{% checkbox checked, Volantis box %}\n\n{% label primary @Fluid label %}\n\n"
       "{% mermaid %}\ngraph TD\nA-->B\n{% endmermaid %}\n");
  spit(tmp / "site/source/_posts/about.md", "---\ntitle: About\ndate: 2024-03-01\npermalink: /about/\n---\nMe.\n");
  auto r = run_mkepub(quote((tmp / "site").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("broken link") == std::string::npos);
  CHECK(r.output.find("unknown tag") == std::string::npos);
  require_valid(tmp / "book.epub");
  const std::string text = chapters_text(tmp / "book.epub");
  // about (2024-03-01) is c0001, guide c0002, themes c0003.
  CHECK(text.find("href=\"c0002.xhtml#install-hexo\"") != std::string::npos);
  CHECK(text.find("href=\"c0002.xhtml#usage-2\"") != std::string::npos);
  CHECK(text.find("href=\"c0002.xhtml#top\"") != std::string::npos);
  CHECK(text.find("href=\"c0001.xhtml\"") != std::string::npos);
  CHECK(text.find("href=\"#demo-2\"") != std::string::npos);
  CHECK(text.find(">Getting Started</h2>") == std::string::npos);  // the title is shown once
  for (const char* shown : {"Butterfly note.", "Volantis one-line note", "<strong>First</strong>",
                            "<strong>Second</strong>", "Two.", "Fluid fold", "Folded text.", "Volantis folding",
                            "Toggled text.", "Butterfly button", "☑ Volantis box", "Fluid label", "A--&gt;B"})
    CHECK(std::string(text.find(shown) != std::string::npos ? "" : shown) == "");
  for (const char* hidden : {"fa-rocket", "fas fa", "fa-hand-point", "larger", "{%", "%}"})
    CHECK(std::string(text.find(hidden) == std::string::npos ? "" : hidden) == "");
}
