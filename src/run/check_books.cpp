// The self-check as a command: books read whole (bounded), their problems named by file with epubcheck's codes.
#include "run/check_books.h"

#include <stdexcept>

#include "base/input_limits.h"
#include "epub/check.h"
#include "epub/container.h"
#include "sources/load.h"

namespace mkepub {
namespace {

// epubcheck's code for a problem the self-check words its own way (its MessageBundle's texts); "" for none.
std::string code_of(const std::string& problem) {
  struct Code {
    const char* words;
    const char* code;
  };
  static const Code kCodes[] = {
      {"which is not in the book", "RSC-007"},  {"whose fragment does not exist", "RSC-012"},
      {"is not in the manifest", "OPF-003"},    {"manifest item", "RSC-001"},
      {"mimetype is not the first", "PKG-006"}, {"not well-formed XML", "RSC-016"},
      {"is missing", "RSC-001"},                {"XML declaration", "RSC-005"},
  };
  for (const auto& c : kCodes)
    if (problem.find(c.words) != std::string::npos) return c.code;
  return "RSC-005";  // the content model and the rest: what epubcheck reports as a schema error
}

// "EPUB/text/c1.xhtml: link to ..." -> {"EPUB/text/c1.xhtml", "link to ..."}; a problem of the whole book has
// no file.
std::pair<std::string, std::string> split_problem(const std::string& problem) {
  size_t colon = problem.find(": ");
  if (colon == std::string::npos || problem.find(' ') < colon) return {"", problem};
  return {problem.substr(0, colon), problem.substr(colon + 2)};
}

}  // namespace

int check_books(const std::vector<fs::path>& books, std::string& err) {
  int exit_code = 0;
  for (const auto& book : books) {
    const std::string name = book.generic_string();
    auto bytes = read_file(book, kMaxCheckedBookBytes);
    if (!bytes || bytes->size() > kMaxCheckedBookBytes) {
      err += name + ": error: " +
             (bytes ? "over " + std::to_string(kMaxCheckedBookBytes >> 20) + " MB, more than mkepub checks"
                    : std::string("cannot read the book")) +
             "\n";
      exit_code = 1;
      continue;
    }
    std::vector<std::string> problems;
    try {
      problems = check_book(unzip_entries(*bytes, 4 * kMaxCheckedBookBytes));
    } catch (const std::exception& e) {
      err += name + ": error: PKG-004: not a readable EPUB container (" + e.what() + ")\n";
      exit_code = 1;
      continue;
    }
    for (const auto& problem : problems) {
      auto [file, what] = split_problem(problem);
      err += name + (file.empty() ? "" : "/" + file) + ": error: " + code_of(problem) + ": " + what + "\n";
    }
    if (!problems.empty()) exit_code = 1;
  }
  return exit_code;
}

}  // namespace mkepub
