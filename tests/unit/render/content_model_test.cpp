// Content model repair (render/content_model.h): each rule, a small tree in and the repaired tree out.
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <sstream>

#include "base/content_model.h"
#include "base/dom.h"
#include "render/content_model.h"
#include "render/markdown.h"
#include "render/xhtml.h"

using namespace mkepub;

namespace {

// `tree` (XML) repaired, as XML; and checked against the table, which must find nothing left.
std::string repaired(const std::string& tree) {
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  div.append_buffer(tree.data(), tree.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  repair_content_model(div);
  CHECK(content_model_problem(div).what == "");
  walk_below(div, [](pugi::xml_node n) {
    CHECK(content_model_problem(n).what == "");
    return true;
  });
  std::ostringstream out;
  for (auto c : div.children()) c.print(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace

TEST_CASE("content model: a list directly inside a list goes into the item before it, or a new one") {
  CHECK(repaired("<ul><li>one</li><ul><li>n</li></ul></ul>") == "<ul><li>one<ul><li>n</li></ul></li></ul>");
  CHECK(repaired("<ol><ul><li>n</li></ul><li>two</li></ol>") == "<ol><li><ul><li>n</li></ul></li><li>two</li></ol>");
  CHECK(repaired("<ul><li>a</li> <ol><li>b</li></ol> <ol><li>c</li></ol></ul>") ==
        "<ul><li>a <ol><li>b</li></ol> <ol><li>c</li></ol></li></ul>");
}

TEST_CASE("content model: anything else directly inside a list goes into an item") {
  CHECK(repaired("<ul><li>a</li><p>b</p></ul>") == "<ul><li>a<p>b</p></li></ul>");
  CHECK(repaired("<ul>text<li>a</li></ul>") == "<ul><li>text</li><li>a</li></ul>");
}

TEST_CASE("content model: li outside a list is wrapped in a ul with its sibling items") {
  CHECK(repaired("<div><li>a</li> <li>b</li> <p>c</p><li>d</li></div>") ==
        "<div><ul><li>a</li> <li>b</li></ul> <p>c</p><ul><li>d</li></ul></div>");
  CHECK(repaired("<li>top</li>") == "<ul><li>top</li></ul>");
}

TEST_CASE("content model: anything but dt, dd or div directly inside dl goes into a dd") {
  CHECK(repaired("<dl><dt>A</dt><dd>B</dd><pre>x</pre></dl>") == "<dl><dt>A</dt><dd>B<pre>x</pre></dd></dl>");
  CHECK(repaired("<dl><dt>A</dt><p>B</p>C</dl>") == "<dl><dt>A</dt><dd><p>B</p>C</dd></dl>");
}

TEST_CASE("content model: dt and dd come in groups of terms then descriptions") {
  CHECK(repaired("<dl><dt>A</dt><dd>B</dd><dt>C</dt></dl>") == "<dl><dt>A</dt><dd>B</dd><dt>C</dt><dd/></dl>");
  CHECK(repaired("<dl><dd>B</dd></dl>") == "<dl><dt/><dd>B</dd></dl>");
  CHECK(repaired("<dl><div><dt>a</dt><dd>b</dd></div><dt>c</dt><dd>d</dd></dl>") ==
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt><dd>d</dd></dl>");
  CHECK(repaired("<dl><div><dt>a</dt><dd>b</dd></div></dl>") == "<dl><div><dt>a</dt><dd>b</dd></div></dl>");
}

TEST_CASE("content model: dt and dd outside a dl are wrapped in one") {
  CHECK(repaired("<div><dt>A</dt><dd>B</dd></div>") == "<div><dl><dt>A</dt><dd>B</dd></dl></div>");
}

TEST_CASE("content model: a block inside a paragraph or a heading is lifted out") {
  CHECK(repaired("<p>a<ul><li>b</li></ul>c</p>") == "<p>a</p><ul><li>b</li></ul><p>c</p>");
  CHECK(repaired("<h2>t<div>d</div></h2>") == "<h2>t</h2><div>d</div>");
  CHECK(repaired("<p><li>x</li></p>") == "<ul><li>x</li></ul>");
}

TEST_CASE("content model: valid trees are left as they are") {
  const std::string valid =
      "<ul><li>a<ul><li>b</li></ul></li></ul><dl><dt>t</dt><dt>u</dt><dd>d</dd><dd><pre>p</pre></dd></dl>"
      "<p>x <a href=\"#\">y</a></p>";
  CHECK(repaired(valid) == valid);
}

TEST_CASE("content model: regression: the ten-line post of issue 13 made an invalid book") {
  Diagnostics diag;
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  auto html = render_markdown("<dl><dt>A</dt><dd>B</dd>\n\n<dt>C</dt></dl>\n\n<ul><li>one</li><ul><li>n</li></ul></ul>\n");
  append_html(div, html.html, "post.md", diag, html.is_xml);
  walk_below(div, [](pugi::xml_node n) {
    CHECK(content_model_problem(n).what == "");
    return true;
  });
}
