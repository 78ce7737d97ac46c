// The driver, one book: plan -> render posts -> images -> metadata -> cover -> finish pages -> fonts -> package
// -> check -> deflate. Each line is a stage of its own file; writing is run/'s.
#include "build.h"

#include <algorithm>

#include "base/dates.h"
#include "book/chapter_languages.h"
#include "book/cover_choice.h"
#include "book/finish_pages.h"
#include "book/link_context.h"
#include "book/metadata.h"
#include "book/raster_images.h"
#include "epub/deflate.h"
#include "epub/nav.h"
#include "epub/package.h"
#include "render/render_posts.h"
#include "render/split.h"
#include "sources/remote_images.h"

namespace mkepub {
namespace {

BookDeps deps_of(const BookPlan& plan, const Book& book) {
  BookDeps deps;
  for (const auto& p : plan.posts) deps.inputs.push_back(p.file);
  for (const auto& a : book.assets)
    if (!a.source.empty()) deps.inputs.push_back(a.source);
  if (!plan.options.cover.empty()) deps.inputs.push_back(plan.options.cover);
  deps.chapters = book.chapters.size();
  return deps;
}

}  // namespace

std::optional<std::vector<Entry>> make_book(const Options& given, std::optional<Site> site, std::vector<Post> posts,
                                            Diagnostics& diag, BookDeps* deps) {
  auto plan = plan_book(given, std::move(site), std::move(posts), diag);
  if (!plan) return std::nullopt;
  auto rendered = render_posts(*plan, diag);
  if (!rendered) return std::nullopt;
  const Options& options = plan->options;
  Book book{.templates = plan->templates, .toc_depth = options.toc_depth, .vertical = options.vertical};
  book.chapters = std::move(rendered->chapters);
  if (std::any_of(book.chapters.begin(), book.chapters.end(), [](const Chapter& c) { return c.highlighted; }))
    book.highlight_style = options.highlight_style;
  book.code_lines =
      std::any_of(book.chapters.begin(), book.chapters.end(), [](const Chapter& c) { return c.code_lines; });
  auto links = link_context_of(options, plan->site);
  auto remote = fetch_remote_images(book.chapters, remote_image_options(options), diag);
  ImageTable images = resolve_images(book.chapters, links, plan->read, diag, &remote, options.jobs);
  remote.by_src.clear();
  auto raster_images = set_aside_raster_images(images.assets);
  book.meta = make_metadata(options, book.chapters, plan->fallback_title, total(rendered->counts));
  set_chapter_languages(book.chapters, rendered->counts, book.meta.language);
  book.cover = choose_cover(options, plan->site, book.meta, plan->read, diag);
  bool want_fonts = !options.fonts.empty() || !options.mono_font.empty();
  auto pages = finish_pages(book.chapters, LinkRewriter(book.chapters, links, images, diag), book.meta.language,
                            want_fonts, options.jobs);
  book.assets = std::move(images.assets);
  if (diag.failed()) return std::nullopt;
  book.date_range = date_range(plan->posts);
  book.every_image_has_alt = pages.every_image_has_alt;
  book.toc_depth = fit_toc_depth(book, kMaxPageBytes, diag);
  if (want_fonts) book.fonts = embed_fonts(options, book, with_front_pages_text(book, std::move(pages.font_text)), diag);
  if (diag.failed()) return std::nullopt;
  if (deps) *deps = deps_of(*plan, book);
  if (deps) deps->complete = remote.complete;
  auto entries = package_book(std::move(book), std::move(pages.entries));
  require_sound_book(entries, std::move(pages.facts));
  if (!read_raster_images(entries, raster_images, diag)) return std::nullopt;
  deflate_entries(entries, options.jobs);
  return entries;
}

std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag) {
  auto collected = collect_posts(options, diag);
  if (!collected) return std::nullopt;
  return make_book(options, std::move(collected->site), std::move(collected->posts), diag);
}

}  // namespace mkepub
