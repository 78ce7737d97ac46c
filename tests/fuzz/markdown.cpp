// Fuzz target: a post's body through the real chapter path, raw HTML included: template tags (tags.cpp), Markdown
// (markdown.cpp, cmark-gfm), HTML5 to XHTML (xhtml.cpp, gumbo, and pugixml for HTML that is XML too, which must
// give the same page), the chapter page with its headings and footnotes
// (chapter.cpp, footnotes.cpp), vertical writing (vertical.cpp) and the split of long chapters (split.cpp).
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "base/book.h"
#include "render/chapter.h"
#include "fuzz_check.h"
#include "sources/load.h"
#include "render/markdown.h"
#include "render/split.h"
#include "dialects/tags/tags.h"
#include "render/vertical.h"
#include "render/xhtml.h"

using namespace mkepub;

namespace {

TagContext fuzz_context() {
  TagContext c;
  c.display = "post.md";
  c.post_href = [](const std::string& slug) -> std::optional<std::string> {
    if (slug == "other") return "other.md";
    return std::nullopt;
  };
  c.post_title = [](const std::string& slug) -> std::optional<std::string> {
    if (slug == "other") return "The <other> & post";
    return std::nullopt;
  };
  c.site_variables = {{"title", "Site & <title>"}, {"url", "https://example.org"}};
  // One include that exists, holding Markdown with raw HTML; anything else reads as missing, as outside the input.
  c.read_include = [](const std::string& path) -> std::optional<std::string> {
    if (path == "snippet.md") return "---\ntitle: x\n---\n# Included\n\n<b>bold</b> *text*\n";
    return std::nullopt;
  };
  return c;
}

// HTML that render_markdown calls XML must give the same XHTML and warnings read by pugixml as read by gumbo.
void same_read_as_xml(const std::string& body) {
  auto html = render_markdown(body);
  if (!html.is_xml) return;
  auto convert = [&](bool is_xml) {
    Diagnostics diag;
    pugi::xml_document doc;
    append_html(doc.append_child("div"), html.html, "post.md", diag, is_xml);
    std::ostringstream out;
    doc.print(out, "", pugi::format_raw);
    for (const auto& w : diag.warnings()) out << '\n' << w.format("warning");
    return out.str();
  };
  auto fast = convert(true), html5 = convert(false);
  if (fast != html5) fuzz::fail("read as XML, the page differs from gumbo's", fast + "\n----\n" + html5);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // longer inputs only slow the fuzzer; splitting is reached with a small limit
  std::string text;
  try {
    text = decode_text(std::string(reinterpret_cast<const char*>(data), size), "post.md");
  } catch (const InputError&) {
    return 0;
  }
  Diagnostics diag;
  Post post;
  post.file = "/fuzz/post.md";
  post.display = "post.md";
  post.root = "/fuzz";
  post.body = expand_tags(text, fuzz_context(), diag);
  post.toc_number = size % 2 == 1;

  Chapter ch;
  try {
    ch = render_chapter(post, "text/c0001.xhtml", diag);
  } catch (const InputError&) {
    return 0;  // nested past kMaxNesting (input_limits.h): refused with the post's line, as it should be
  }
  fuzz::require_page(finish_chapter(*ch.doc, "", "en"));
  same_read_as_xml(post.body);

  // The same page made vertical and split small, so that every break point is tried on fuzzed content.
  make_vertical(*ch.doc);
  split_long_chapter(ch, 2048);
  fuzz::require_page(finish_chapter(*ch.doc, "ja", "ja"));
  for (auto& page : ch.continued) fuzz::require_page(finish_chapter(*page.doc, "ja", "ja"));
  return 0;
}
