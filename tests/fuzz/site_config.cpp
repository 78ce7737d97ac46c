// Fuzz target: the files that configure a site or a book, each read from the same bytes: Hexo's and Jekyll's
// _config.yml (config_yml.cpp), mdBook's book.toml (book_toml.cpp), also what Hugo's TOML config meets, and
// mkepub.yaml book configs (book_config.cpp); then the title page of what each says.
#include <cstddef>
#include <cstdint>

#include "base/book.h"
#include "dialects/mdbook/mdbook.h"
#include "dialects/site.h"
#include "epub/frontpages.h"
#include "fuzz_check.h"
#include "sources/book_config.h"
#include "sources/load.h"

using namespace mkepub;

namespace {

void require_title_page(const std::string& title, const std::string& subtitle,
                        const std::vector<std::string>& authors, const std::string& description) {
  Book book;
  book.meta.title = title;
  book.meta.subtitle = subtitle;
  book.meta.creators = authors;
  book.meta.description = description;
  book.meta.language = "en";
  fuzz::require_page(render_title_page(book));
}

void require_title_page(const SiteConfig& c) { require_title_page(c.title, c.subtitle, c.authors, c.description); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  try {
    text = decode_text(std::string(reinterpret_cast<const char*>(data), size), "_config.yml");
  } catch (const InputError&) {
    return 0;
  }
  Diagnostics diag;
  require_title_page(parse_site_config(text, "_config.yml", diag));
  require_title_page(parse_book_toml(text, "book.toml", diag));

  // A glob with a folder in it may climb out to / and walk the whole machine: what the user asked for, but no
  // fuzzer's business. Globs within one folder still run, over samples/ (a few real files to match).
  bool glob = text.find_first_of("*?") != std::string::npos;
  if (glob && text.find('/') != std::string::npos) return 0;
  Options cli;
  const fs::path config = fs::path(MKEPUB_SOURCE_DIR) / "samples" / "mkepub.yaml";
  for (const auto& book : read_book_config(text, config, cli, {}, diag))
    require_title_page(book.title, book.subtitle, book.authors, book.description);
  return 0;
}
