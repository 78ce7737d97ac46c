// Heading anchors as Hexo makes them (dialects/hexo/heading_anchor.h): hexo-util's slugize and
// hexo-renderer-marked's numbering of repeated ids.
#include <doctest/doctest.h>

#include "dialects/hexo/heading_anchor.h"

using namespace mkepub;

TEST_CASE("hexo anchors: slugize keeps case and CJK, makes each run of punctuation and space one dash") {
  CHECK(hexo_slugize("Getting Started") == "Getting-Started");
  CHECK(hexo_slugize("  What's new? (v7.0) ") == "What-s-new-v7-0");
  CHECK(hexo_slugize("安装 Hexo") == "安装-Hexo");
  CHECK(hexo_slugize("配置：_config.yml") == "配置：-config-yml");  // full-width colon is not special
  CHECK(hexo_slugize("a\u3000b") == "a-b");                         // ideographic space is white space to JS
  CHECK(hexo_slugize("Café Déjà Vu") == "Cafe-Deja-Vu");
  CHECK(hexo_slugize("Straße Æsir") == "Strasse-AEsir");
  CHECK(hexo_slugize("--__--") == "");
}

TEST_CASE("hexo anchors: the heading's text is slugized as marked escaped it, repeats numbered from 1") {
  HexoHeadingIds ids;
  CHECK(ids.next("Tom & Jerry") == "Tom-amp-Jerry");
  CHECK(ids.next("Hexo's Docs") == "Hexo-39-s-Docs");
  CHECK(ids.next("Usage") == "Usage");
  CHECK(ids.next("Usage") == "Usage-1");
  CHECK(ids.next(" Usage ") == "Usage-2");
  HexoHeadingIds other_post;  // each post counts anew
  CHECK(other_post.next("Usage") == "Usage");
}
