// Raw HTML to XHTML (xhtml.h): what gumbo parses comes out as a clean XML tree, with a warning for what is removed.
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <sstream>

#include "render/content_model.h"
#include "render/markdown.h"
#include "render/xhtml.h"
#include "../strings.h"

using namespace mkepub;

namespace {


struct Result {
  std::string xml;
  Strings warnings;
};

Result convert(const std::string& html) {
  Diagnostics diag;
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  append_html(div, html, "post.md", diag);
  std::ostringstream out;
  for (auto child : div.children()) child.print(out, "", pugi::format_raw);
  Result r{out.str(), {}};
  for (const auto& w : diag.warnings()) r.warnings.push_back(w.format("warning"));
  CHECK(diag.errors().empty());
  return r;
}

// The XHTML of clean input, which must convert without warnings.
std::string clean(const std::string& html) {
  auto r = convert(html);
  CHECK(r.warnings == Strings{});
  return r.xml;
}

}  // namespace

TEST_CASE("xhtml: entities become characters") {
  CHECK(clean("a&nbsp;b &copy; 2025") == "a\u00A0b \u00A9 2025");
  CHECK(clean("&lt;tag&gt; &amp; &quot;q&quot; &#x4E2D;&#25991;") == "&lt;tag&gt; &amp; \"q\" 中文");
  CHECK(clean("&hellip;&mdash;&eacute;") == "…—é");
}

TEST_CASE("xhtml: void elements are closed") {
  CHECK(clean("a<br>b") == "a<br/>b");
  CHECK(clean("<hr>") == "<hr/>");
  CHECK(clean("<img src=\"a.png\">") == "<img src=\"a.png\" data-mkepub-line=\"1\" alt=\"\"/>");
}

TEST_CASE("xhtml: misnested tags are repaired") {
  CHECK(clean("<b><i>x</b></i>") == "<b><i>x</i></b>");
  CHECK(clean("<p>one<p>two") == "<p>one</p><p>two</p>");
  CHECK(clean("<ul><li>a<li>b</ul>") == "<ul><li>a</li><li>b</li></ul>");
  CHECK(clean("<em>open") == "<em>open</em>");
}

TEST_CASE("xhtml: comments are removed") {
  CHECK(clean("a<!-- hidden -- note -->b") == "ab");
  CHECK(clean("<!--mkepub-line:7-->x") == "x");
}

TEST_CASE("xhtml: active content is removed with a warning each") {
  auto r = convert(
      "<p>a</p><script>alert(1)</script>\n"
      "<iframe src=\"https://example.com\"></iframe>\n"
      "<form><input name=\"q\"></form>\n"
      "<object data=\"x.swf\"></object>\n"
      "<embed src=\"y.swf\">\n"
      "<p>b</p>");
  CHECK(r.xml == "<p>a</p>\n\n\n\n\n<p>b</p>");
  CHECK(r.warnings == Strings{
                          "post.md:1: warning: <script> removed: e-books cannot carry it",
                          "post.md:2: warning: <iframe> removed: e-books cannot carry it",
                          "post.md:3: warning: <form> removed: e-books cannot carry it",
                          "post.md:4: warning: <object> removed: e-books cannot carry it",
                          "post.md:5: warning: <embed> removed: e-books cannot carry it",
                      });
}

TEST_CASE("xhtml: event handler attributes are removed with a warning each") {
  auto r = convert("<p onclick=\"f()\" class=\"c\">x</p>\n<img src=\"a.png\" onerror=\"g()\" onload=\"h()\">");
  CHECK(r.xml == "<p class=\"c\">x</p>\n<img src=\"a.png\" data-mkepub-line=\"2\" alt=\"\"/>");
  CHECK(r.warnings == Strings{
                          "post.md:1: warning: event handler `onclick` removed",
                          "post.md:2: warning: event handler `onerror` removed",
                          "post.md:2: warning: event handler `onload` removed",
                      });
}

TEST_CASE("xhtml: javascript: hrefs are dropped with a warning") {
  auto r = convert("<a href=\"javascript:alert(1)\">x</a> <a href=\" JavaScript:void(0)\">y</a>");
  CHECK(r.xml == "<a data-mkepub-line=\"1\">x</a> <a data-mkepub-line=\"1\">y</a>");
  CHECK(r.warnings == Strings{
                          "post.md:1: warning: `href` with a script or data URL removed",
                          "post.md:1: warning: `href` with a script or data URL removed",
                      });
  CHECK(clean("<a href=\"https://example.com/\">ok</a>") ==
        "<a href=\"https://example.com/\" data-mkepub-line=\"1\">ok</a>");
}

TEST_CASE("xhtml: unknown elements are unwrapped, keeping their text") {
  auto r = convert("<custom-box>kept <b>bold</b></custom-box> <marquee>moving</marquee>");
  CHECK(r.xml == "kept <b>bold</b> moving");
  CHECK(r.warnings == Strings{
                          "post.md:1: warning: <custom-box> is not an XHTML element; kept its content only",
                          "post.md:1: warning: <marquee> is not an XHTML element; kept its content only",
                      });
}

TEST_CASE("xhtml: raw ruby passes whole, with rb and rtc (epubcheck accepts both)") {
  CHECK(clean("<ruby>明日<rp>(</rp><rt>あした</rt><rp>)</rp></ruby>") ==
        "<ruby>明日<rp>(</rp><rt>あした</rt><rp>)</rp></ruby>");
  CHECK(clean("<ruby><rb>明</rb><rb>日</rb><rtc><rt>あ</rt><rt>した</rt></rtc><rtc><rt>tomorrow</rt></rtc></ruby>") ==
        "<ruby><rb>明</rb><rb>日</rb><rtc><rt>あ</rt><rt>した</rt></rtc><rtc><rt>tomorrow</rt></rtc></ruby>");
}

TEST_CASE("xhtml: old presentational elements become their modern equivalent") {
  CHECK(clean("<center>c</center><font color=\"red\">f</font><tt>t</tt><strike>s</strike>") ==
        "<div>c</div><span>f</span><code>t</code><s>s</s>");
}

TEST_CASE("xhtml: attributes EPUB does not allow are dropped silently — lang gets xml:lang") {
  CHECK(clean("<p align=\"center\" id=\"x\" data-foo=\"1\" lang=\"ja\">t</p>") ==
        "<p id=\"x\" lang=\"ja\" xml:lang=\"ja\">t</p>");
  CHECK(clean("<td colspan=\"2\" width=\"50%\">c</td>") == "c");  // a cell outside a table is no cell
  CHECK(clean("<table><tr><td colspan=\"2\" rowspan=\"x\">c</td></tr></table>") ==
        "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>");
}

TEST_CASE("xhtml: characters XML cannot carry are dropped") {
  // gumbo already turns raw control characters and non-characters into U+FFFD; references it keeps as they are.
  CHECK(clean("a\x01" "b") == "a\uFFFD" "b");
  CHECK(clean("a&#1;b&#xFFFE;c&#x9;d") == "abc\td");
  CHECK(clean("<p title=\"t&#1;u\">x</p>") == "<p title=\"tu\">x</p>");
}

TEST_CASE("xhtml: warnings name the post's line through Markdown's source positions") {
  Diagnostics diag;
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  // Body starting on line 4 of the post; the <script> is on the body's line 3, the post's line 6.
  append_html(div, render_markdown("Text\n\n<script>x()</script>\n\nA <span onclick=\"f()\">b</span>\n", 4).html, "p.md",
              diag);
  Strings warnings;
  for (const auto& w : diag.warnings()) warnings.push_back(w.format("warning"));
  CHECK(warnings == Strings{
                        "p.md:6: warning: <script> removed: e-books cannot carry it",
                        "p.md:8: warning: event handler `onclick` removed",
                    });
}

TEST_CASE("a block inside a phrasing element is lifted out, splitting the element around it") {
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  const std::string tree = "<p><b id=\"x\">one<div>two</div>three</b></p><span><div>y</div></span>";
  div.append_buffer(tree.data(), tree.size());
  repair_content_model(div);
  std::ostringstream out;
  div.print(out, "", pugi::format_raw);
  CHECK(out.str() == "<div><p><b id=\"x\">one</b></p><div>two</div><p><b>three</b></p><div>y</div></div>");
}

TEST_CASE("a link inside a link is unwrapped") {
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  div.append_buffer("<a href=\"https://a\">x <a href=\"https://b\">y</a></a>", 45);
  repair_content_model(div);
  std::ostringstream out;
  div.print(out, "", pugi::format_raw);
  CHECK(out.str() == "<div><a href=\"https://a\">x y</a></div>");
}

TEST_CASE("GFM task list checkboxes become characters") {
  auto html = render_markdown("- [x] done\n- [ ] open\n").html;
  auto r = convert(html);
  CHECK(r.warnings == Strings{});
  CHECK(r.xml.find("\u2611 done") != std::string::npos);
  CHECK(r.xml.find("\u2610 open") != std::string::npos);
}

TEST_CASE("xhtml: regression: a style loading a remote image made the book invalid (RSC-006)") {
  auto r = convert("<p style=\"background: URL(http://tracker/x.png)\">a</p><p style=\"color: red\">b</p>");
  CHECK(r.xml == "<p>a</p><p style=\"color: red\">b</p>");
  CHECK(r.warnings == Strings{"post.md:1: warning: `style` that loads a file or a URL removed"});
  CHECK(convert("<p style=\"background: u\\rl(x.png)\">escaped</p>").xml == "<p>escaped</p>");
}

TEST_CASE("xhtml: HTML nested past the limit is an error naming the line, not a stack overflow") {
  std::string html = "<p>x</p>\n";
  for (int i = 0; i < 150; ++i) html += "<span>";
  Diagnostics diag;
  pugi::xml_document doc;
  try {
    append_html(doc.append_child("div"), html, "post.md", diag);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where.format("error").rfind("post.md:", 0) == 0);
    CHECK(e.what() == std::string("nested more than 100 levels deep (quotes, lists, emphasis or HTML elements "
                                  "inside each other); e-book readers cannot show that"));
  }
}

TEST_CASE("xhtml: regression: a % that starts no escape made an invalid URL (RSC-020)") {
  CHECK(clean("<a href=\"https://u.com/p@%V%/x?a=%41%\">l</a>") ==
        "<a href=\"https://u.com/p@%25V%25/x?a=%41%25\" data-mkepub-line=\"1\">l</a>");
}

TEST_CASE("xhtml: regression: JSX's style object read as HTML made the page's CSS unparsable (CSS-008)") {
  auto r = convert("<h2 style={{padding: 0, marginBottom: \"-2rem\"}}>x</h2><p style=\"padding:\">y</p>");
  CHECK(r.xml == "<h2>x</h2><p>y</p>");
  CHECK(r.warnings.size() == 2);
  for (const char* ok : {"color: red", "color:red;", " margin : 0 auto ; --x: a(b;c) ; /* c */ font: 'a;b' ",
                         "-webkit-hyphens: auto", "content: '}'"})
    CHECK_MESSAGE(convert(std::string("<p style=\"") + ok + "\">a</p>").warnings.empty(), ok);
  for (const char* bad : {"color", "color:", ": red", "a: (b", "a: b)", "a: b { c }", "a: 'b", "1a: b", "a: b /* c"})
    CHECK_MESSAGE(convert(std::string("<p style=\"") + bad + "\">a</p>").xml == "<p>a</p>", bad);
}
