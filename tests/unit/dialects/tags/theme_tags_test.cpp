// The Hexo themes' tag plugins (theme_tags.h): NexT, Butterfly, Fluid and Volantis tags in Markdown, strings in
// and strings out, as each theme's documentation writes them.
#include <doctest/doctest.h>

#include "../../strings.h"
#include "dialects/tags/tags.h"
#include "dialects/tags/theme_tags.h"

using namespace mkepub;

namespace {

struct Expanded {
  std::string text;
  Strings warnings;
};

Expanded expand(const std::string& markdown) {
  TagContext ctx;
  ctx.display = "post.md";
  Diagnostics diag;
  Expanded e{expand_tags(markdown, ctx, diag), {}};
  for (const auto& w : diag.warnings()) e.warnings.push_back(w.format("warning") + " [" + w.kind + "]");
  return e;
}

}  // namespace

TEST_CASE("theme tags: icons are recognised in every theme's spelling, text is not") {
  CHECK(tags::is_icon("fas fa-rocket"));
  CHECK(tags::is_icon("fa-solid fa-house"));
  CHECK(tags::is_icon("@apple"));
  CHECK(tags::is_icon("iconfont icon-github"));
  CHECK_FALSE(tags::is_icon("Read this"));
  CHECK_FALSE(tags::is_icon("fast"));
  CHECK_FALSE(tags::is_icon(""));
}

TEST_CASE("theme tags: Butterfly's note with a colour, an icon and a style shows no icon class as text") {
  auto e = expand(
      "{% note green 'fas fa-rocket' %}\nA.\n{% endnote %}\n"
      "{% note blue 'fas fa-bullhorn' modern %}\nB.\n{% endnote %}\n"
      "{% note info no-icon Careful now %}\nC.\n{% endnote %}\n");
  CHECK(e.text ==
        "<!----><div class=\"note green\">\nA.\n<!----></div>\n"
        "<!----><div class=\"note blue modern\">\nB.\n<!----></div>\n"
        "<!----><div class=\"note info no-icon\"><p><strong>Careful now</strong></p>\nC.\n<!----></div>\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: Volantis's one-line note and noteblock with a title") {
  auto e = expand(
      "{% note info, You can set the default style %}\n"
      "{% noteblock warning, Mind this %}\nBody.\n{% endnoteblock %}\n");
  CHECK(e.text ==
        "<div class=\"note info\"><p>You can set the default style</p></div>\n"
        "<!----><div class=\"note warning\"><p><strong>Mind this</strong></p>\nBody.\n<!----></div>\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: NexT's subtabs hold titled tabs too, with the ids the theme gives them") {
  auto e = expand("{% subtabs Inner %}\n<!-- tab One two @fas fa-bomb -->\nx\n<!-- endtab -->\n{% endsubtabs %}\n");
  CHECK(e.text ==
        "<!----><div class=\"tabs\" id=\"inner\">\n<!----><p id=\"inner-1\"><strong>One two</strong></p>\nx\n\n"
        "<!----></div>\n");
}

TEST_CASE("theme tags: folding, fold, hideBlock show their content under their title") {
  auto e = expand(
      "{% folding green open, Open me %}\nA.\n{% endfolding %}\n"
      "{% fold info @Fluid title %}\nB.\n{% endfold %}\n"
      "{% hideBlock Show,blue %}\nC.\n{% endhideBlock %}\n"
      "Say {% hideInline the secret,Hover,#FF7242,#fff %} now.\n");
  CHECK(e.text ==
        "<!----><details open=\"open\"><summary>Open me</summary>\nA.\n<!----></details>\n"
        "<!----><details><summary>Fluid title</summary>\nB.\n<!----></details>\n"
        "<!----><details><summary>Show</summary>\nC.\n<!----></details>\n"
        "Say the secret now.\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: buttons in each theme's argument order, icons and styles left out") {
  auto e = expand(
      "{% btn https://butterfly.js.org/,Butterfly,far fa-hand-point-right,block center larger %}\n"
      "{% button /docs/, Docs, fa fa-book, Read the docs %}\n"
      "{% btn regular::Download::https://example.com/get::fas fa-download %}\n"
      "{% btns rounded grid5 %}\n{% cell Home, /, fas fa-home %}\n{% endbtns %}\n"
      "{% btn #, , home fa-fw, Home page %}\n");
  CHECK(e.text ==
        "[Butterfly](https://butterfly.js.org/)\n"
        "[Docs](/docs/)\n"
        "[Download](https://example.com/get)\n"
        "<!----><div class=\"btns\">\n[Home](/)\n<!----></div>\n"
        "[Home page](#)\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: labels, checkboxes and radios, inline images, span and p") {
  auto e = expand(
      "{% label primary @Fluid %} {% label Hot red %}\n"
      "{% checkbox checked, Done **well** %}\n{% checkbox Todo %}\n{% radio red checked, Chosen %}\n"
      "{% cb Fluid box, true %}\n"
      "Smile {% inlineImg /img/smile.gif 40px %} {% span red, Red text %}\n{% p center, A line %}\n");
  CHECK(e.text ==
        "<mark>Fluid</mark> <mark>Hot</mark>\n"
        "☑ Done **well**\n☐ Todo\n◉ Chosen\n"
        "☑ Fluid box\n"
        "Smile ![](/img/smile.gif) Red text\nA line\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: galleries keep their images, centre quotes are quotes, diagrams stay code") {
  auto e = expand(
      "{% gp 2-1 %}\n![](a.png)\n![](b.png)\n{% endgp %}\n"
      "{% gi 2 1-1 %}\n![](c.png)\n{% endgi %}\n"
      "{% cq %}Simple{% endcq %}\n"
      "{% plantuml %}\nA -> B\n{% endplantuml %}\n");
  CHECK(e.text ==
        "<!----><div class=\"gallery\">\n![](a.png)\n![](b.png)\n<!----></div>\n"
        "<!----><div class=\"gallery\">\n![](c.png)\n<!----></div>\n"
        "<!----><blockquote class=\"centerquote\">\nSimple\n<!----></blockquote>\n"
        "```plantuml\nA -> B\n```\n");
  CHECK(e.warnings.empty());
}

TEST_CASE("theme tags: caniuse, video and pdf become links") {
  auto e =
      expand("{% caniuse fetch %} {% video https://example.com/a.mp4 %} {% pdf https://example.com/b.pdf 600px %}\n");
  CHECK(e.text ==
        "[Can I use fetch](https://caniuse.com/fetch) [Video: https://example.com/a.mp4](https://example.com/a.mp4) "
        "[PDF: https://example.com/b.pdf](https://example.com/b.pdf)\n");
}

TEST_CASE("theme tags: NexT's linkgrid is a list of its links with their comments, line for line") {
  auto e = expand(
      "{% linkgrid %}\nTheme NexT | https://theme-next.js.org/ | Stay Simple. | /images/next.png\n"
      "Bare | https://example.com/\n{% endlinkgrid %}\nAfter.\n");
  CHECK(e.text ==
        "\n- [Theme NexT](https://theme-next.js.org/): Stay Simple.\n- [Bare](https://example.com/)\n\nAfter.\n");
  CHECK(e.warnings.empty());
}
