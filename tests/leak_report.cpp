// leak_report [-v] BOOK.epub...: one line per book, its leaked source syntax by kind (see leaks.h); with -v, then
// each leak on its own line: page, kind and the text it was found in.
#include <fstream>
#include <iostream>
#include <sstream>

#include "epub/container.h"
#include "leaks.h"

int main(int argc, char** argv) {
  bool verbose = argc > 1 && std::string(argv[1]) == "-v";
  for (int i = verbose ? 2 : 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::vector<mkepub::test::LeakSample> samples;
    auto counts = mkepub::test::leaks_in_book(mkepub::unzip_entries(bytes.str()), verbose ? &samples : nullptr);
    std::cout << argv[i] << "\t" << mkepub::test::total(counts) << "\t" << mkepub::test::format_leaks(counts) << "\n";
    for (const auto& s : samples) {
      std::string text = s.text.substr(0, 160);
      for (auto& c : text)
        if (c == '\n') c = ' ';
      std::cout << "  " << s.page << "\t" << s.kind << "\t" << text << "\n";
    }
  }
  return 0;
}
