// Popup footnotes (footnotes.h): cmark-gfm's footnotes become noterefs and asides with the back-link first.
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <sstream>

#include "render/footnotes.h"
#include "render/markdown.h"
#include "render/xhtml.h"

using namespace mkepub;

TEST_CASE("a GFM footnote becomes a noteref and an aside with its back-link first, ids prefixed") {
  Diagnostics diag;
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  append_html(div, render_markdown("Text[^a].\n\n[^a]: The note.\n").html, "p.md", diag);
  make_popup_footnotes(div, "c0002-");
  std::ostringstream out;
  for (auto x : div.select_nodes(".//*[@data-mkepub-line]")) x.node().remove_attribute(kLineAttr);
  for (auto child : div.children()) child.print(out, "", pugi::format_raw);
  CHECK(out.str() ==
        "<p>Text<a href=\"#c0002-fn-a\" id=\"c0002-fnref-a\" epub:type=\"noteref\" role=\"doc-noteref\" "
        "class=\"noteref\">1</a>.</p>\n"
        "<aside id=\"c0002-fn-a\" epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\">\n"
        "<p><a href=\"#c0002-fnref-a\" role=\"doc-backlink\">1</a> The note. </p>\n</aside>\n");
  CHECK(diag.warnings().empty());
}

TEST_CASE("a chapter without footnotes is left alone") {
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  div.append_child("p").text().set("plain");
  make_popup_footnotes(div, "c0001-");
  std::ostringstream out;
  div.print(out, "", pugi::format_raw);
  CHECK(out.str() == "<div><p>plain</p></div>");
}
