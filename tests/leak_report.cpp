// leak_report BOOK.epub...: one line per book, its leaked source syntax by kind (see leaks.h).
#include <fstream>
#include <iostream>
#include <sstream>

#include "epub/container.h"
#include "leaks.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto counts = mkepub::test::leaks_in_book(mkepub::unzip_entries(bytes.str()));
    std::cout << argv[i] << "\t" << mkepub::test::total(counts) << "\t" << mkepub::test::format_leaks(counts) << "\n";
  }
  return 0;
}
