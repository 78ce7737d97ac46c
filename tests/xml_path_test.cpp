// append_html reads HTML that is XML too (MarkdownHtml::is_xml) with pugixml rather than gumbo, for speed. That
// must never change a page: every Markdown file of the real corpora and the samples is converted both ways here,
// and the XHTML and the warnings must be the same.
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <sstream>

#include "sources/load.h"
#include "render/markdown.h"
#include "support.h"
#include "render/xhtml.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

struct Converted {
  std::string xml;
  std::vector<std::string> warnings;
};

Converted convert(const std::string& html, bool is_xml) {
  Diagnostics diag;
  pugi::xml_document doc;
  auto div = doc.append_child("div");
  append_html(div, html, "post.md", diag, is_xml);
  std::ostringstream out;
  div.print(out, "", pugi::format_raw);
  Converted c{out.str(), {}};
  for (const auto& w : diag.warnings()) c.warnings.push_back(w.format("warning"));
  return c;
}

struct Tally {
  int files = 0, as_xml = 0;
};

Tally compare_under(const fs::path& folder) {
  Tally t;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string text;
    try {
      text = decode_text(slurp(f), f.string());
    } catch (const InputError&) {
      continue;  // not UTF-8: never rendered
    }
    MarkdownHtml html;
    try {
      html = render_markdown(text);
    } catch (const InputError&) {
      continue;  // nested too deep: an error before any conversion
    }
    ++t.files;
    if (!html.is_xml) continue;
    ++t.as_xml;
    INFO(f.string());
    auto fast = convert(html.html, true), html5 = convert(html.html, false);
    CHECK(fast.xml == html5.xml);
    CHECK(fast.warnings == html5.warnings);
  }
  return t;
}

}  // namespace

TEST_CASE("xml path: the samples read as XML give the pages gumbo gives") {
  auto t = compare_under(fs::path(MKEPUB_SOURCE_DIR) / "samples");
  CHECK(t.as_xml > 0);
}

TEST_CASE("xml path: every corpus file read as XML gives the page gumbo gives") {
  const fs::path corpora = MKEPUB_CORPORA;
  if (!fs::exists(corpora)) {
    MESSAGE("skipped: " << corpora.string() << " is absent");
    return;
  }
  for (const auto& corpus : fs::directory_iterator(corpora)) {
    if (!corpus.is_directory()) continue;
    auto t = compare_under(corpus.path());
    MESSAGE(corpus.path().filename().string() << ": " << t.as_xml << " of " << t.files << " files read as XML");
    if (corpus.path().filename() == "powershell-docs-en") CHECK(t.as_xml * 2 > t.files);  // the speed depends on it
  }
}

TEST_CASE("xml path: regression: a control character was dropped read as XML but U+FFFD from gumbo (fuzz)") {
  for (const char* c : {"\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\xc2\x85", "\xef\xb7\x91", "\xef\xbf\xbe",
                        "\xf0\x9f\xbf\xbf", "\r"}) {
    auto html = render_markdown(std::string("# Heading\n\n") + c + "Intro [link](a.md) *x*\n");
    INFO(html.html);
    auto fast = convert(html.html, html.is_xml), html5 = convert(html.html, false);
    CHECK(fast.xml == html5.xml);
    CHECK(fast.warnings == html5.warnings);
  }
}
