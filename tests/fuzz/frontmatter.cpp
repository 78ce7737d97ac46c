// Fuzz target: a post file's front matter (frontmatter.cpp, yaml-cpp) as the loader hands it on, and the pages
// its values end up on (the chapter page's title and date, the title page's title, author and description).
#include <cstddef>
#include <cstdint>

#include "base/book.h"
#include "render/chapter.h"
#include "sources/frontmatter.h"
#include "epub/frontpages.h"
#include "fuzz_check.h"
#include "base/language.h"
#include "sources/load.h"

using namespace mkepub;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  try {
    text = decode_text(std::string(reinterpret_cast<const char*>(data), size), "post.md");
  } catch (const InputError&) {
    return 0;  // the loader refuses the file: nothing reaches the later stages
  }
  Diagnostics diag;
  Post post;
  try {
    post = parse_post(SourceFile{"/fuzz/2024-01-02-post.md", "post.md", "/fuzz", text}, diag);
  } catch (const InputError&) {
    return 0;
  }
  post.body.clear();  // the body is the markdown target's
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  fuzz::require_page(finish_chapter(*ch.doc, normalize_language(post.language), "en"));

  Book book;
  book.meta.title = post.title;
  book.meta.creators = post.authors;
  book.meta.description = post.description;
  book.meta.language = normalize_language(post.language).empty() ? "en" : normalize_language(post.language);
  fuzz::require_page(render_title_page(book));
  return 0;
}
