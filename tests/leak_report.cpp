// leak_report [-v] [--site DIR] BOOK.epub...: one line per book, its leaked source syntax by kind (see leaks.h).
// --site DIR: the books' sources, so that syntax their author escaped, or wrote inside raw HTML, is not counted (it
// is shown, by kind, after the leaks); -v: then each leak on its own line: page, kind and the text it was found in.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "epub/container.h"
#include "leaks.h"

using namespace mkepub::test;

int main(int argc, char** argv) {
  bool verbose = false;
  std::unique_ptr<SiteText> site;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-v") {
      verbose = true;
      continue;
    }
    if (arg == "--site" && i + 1 < argc) {
      site = std::make_unique<SiteText>(argv[++i]);
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::vector<LeakSample> samples;
    LeakCounts escaped, in_raw_html;
    LeakDetail detail{verbose ? &samples : nullptr, site.get(), &escaped, &in_raw_html};
    auto counts = leaks_in_book(mkepub::unzip_entries(bytes.str()), detail);
    std::cout << arg << "\t" << total(counts) << "\t" << format_leaks(counts);
    if (!escaped.empty()) std::cout << "\t(escaped by the author, not counted: " << format_leaks(escaped) << ")";
    if (!in_raw_html.empty())
      std::cout << "\t(inside raw HTML, shown as text by the site too, not counted: " << format_leaks(in_raw_html)
                << ")";
    std::cout << "\n";
    for (const auto& s : samples) {
      std::string text = s.text.substr(0, 160);
      for (auto& c : text)
        if (c == '\n') c = ' ';
      std::cout << "  " << s.page << "\t" << s.kind << "\t" << text << "\n";
    }
  }
  return 0;
}
