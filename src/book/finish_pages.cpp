// Finishing pages in parallel: links, pictures' placement (once it is known which images stay), language,
// serialisation, the self-check's scan, deflate; per chapter slots.
#include "book/finish_pages.h"

#include <pugixml.hpp>

#include "base/memory.h"
#include "base/parallel.h"
#include "epub/deflate.h"
#include "render/chapter.h"
#include "render/page_flow.h"

namespace mkepub {

FinishedPages finish_pages(std::vector<Chapter>& chapters, const LinkRewriter& links, const std::string& language,
                           bool want_font_text, int jobs) {
  GiveBackMemoryOnExit give_back;  // every page's DOM came and went
  struct Done {
    std::vector<Entry> entries;
    std::vector<XmlFacts> facts;
    FontText font_text;
    bool alt = true;
  };
  std::vector<Done> done(chapters.size());
  parallel_for(chapters.size(), jobs, [&](size_t i) {
    Chapter& ch = chapters[i];
    auto finish = [&](const std::string& href, Parked& parked) {
      auto doc = unpark_page(parked);
      links.rewrite(i, href, *doc);
      place_images(doc->document_element().child("body"));
      if (doc->select_node("//img[not(@alt) or @alt='']")) done[i].alt = false;
      if (want_font_text) collect_font_text(*doc, ch.post->display, done[i].font_text);
      Entry e{kPackageDir + href, finish_chapter(*doc, ch.language, language)};
      doc.reset();
      done[i].facts.push_back(scan_xml(e.path, e.bytes));
      deflate_entry(e);
      done[i].entries.push_back(std::move(e));
    };
    finish(ch.href, ch.parked);
    for (auto& page : ch.continued) finish(page.href, page.parked);
  });
  FinishedPages out;
  for (auto& d : done) {
    for (size_t k = 0; k < d.entries.size(); ++k) {
      out.facts.emplace(d.entries[k].path, std::move(d.facts[k]));
      out.entries.push_back(std::move(d.entries[k]));
    }
    if (want_font_text) add_font_text(out.font_text, std::move(d.font_text));
    out.every_image_has_alt = out.every_image_has_alt && d.alt;
  }
  return out;
}

}  // namespace mkepub
