// The driver: load -> posts -> chapters -> book -> entries -> self-check -> .epub. Reads top to bottom.
#include "build.h"

#include <pugixml.hpp>

#include <malloc.h>

#include <algorithm>
#include <cstdio>

#include "render/chapter.h"
#include "render/chapter_cache.h"
#include "epub/check.h"
#include "book/cover.h"
#include "fonts/fonts.h"
#include "base/dates.h"
#include "base/language.h"
#include "book/links.h"
#include "sources/load.h"
#include "book/metadata.h"
#include "epub/nav.h"
#include "epub/output.h"
#include "epub/package.h"
#include "base/parallel.h"
#include "sources/posts.h"
#include "run/progress.h"
#include "render/split.h"
#include "render/vertical.h"
#include "epub/container.h"
#include "epub/deflate.h"
#include "base/digest.h"
#include "base/input_limits.h"
#include "base/dom.h"

namespace mkepub {
namespace {

std::string chapter_href(size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "text/c%04zu.xhtml", index + 1);
  return name;
}

// Running text only: code is not prose and would make every technical blog look English.
ScriptCounts count_scripts(const Chapter& ch) {
  ScriptCounts counts;
  counts.add(ch.title);
  walk_below(*ch.doc, [&](pugi::xml_node n) {
    if (is_text(n)) counts.add(n.value());
    return !is_named(n, "pre") && !is_named(n, "code");
  });
  return counts;
}

// Gives a chapter another file name (c0005 -> c0004), its continued pages and moved ids with it.
void renumber(Chapter& ch, const std::string& href) {
  auto stem = [](const std::string& h) { return h.substr(0, h.rfind('.')); };
  const std::string from = stem(ch.href), to = stem(href);
  auto move = [&](std::string& h) {
    if (h.rfind(from, 0) == 0) h = to + h.substr(from.size());
  };
  for (auto& page : ch.continued) move(page.href);
  for (auto& [id, page_href] : ch.page_of_id) move(page_href);
  ch.href = href;
}

// One post expanded, rendered, split, counted and parked; its messages go to `diag`. False when it failed.
bool render_post(Post& post, const std::string& href, const PostTagExpander& tags, const Book& book,
                 const Options& options, Chapter& ch, ScriptCounts& counts, Diagnostics& diag) {
  try {
    post.body = tags.expand(post, diag);
    ch = render_chapter(post, href, diag, book.templates);
  } catch (const InputError& e) {
    diag.post_error(e.where, options.keep_going);
    return false;
  }
  std::string().swap(post.body);
  if (book.vertical) make_vertical(*ch.doc);  // before splitting: its spans count too
  split_long_chapter(ch);
  counts = count_scripts(ch);
  list_images(*ch.doc, ch.images);
  for (const auto& page : ch.continued) list_images(*page.doc, ch.images);
  park_pages(ch);
  ch.headings.shrink_to_fit();  // kept to the end of the build: 70,000 of them in a big documentation set
  return true;
}

// Posts are independent until the book is assembled: expanded, rendered, split and parked on `jobs` threads
// (0: every core). Each chapter lands in its own slot, so the book is the same whatever the threads' timing.
// A post's Markdown is dropped once rendered, and its DOM once parked: memory stays near the book's size.
// A post past a limit (input_limits.h) is reported; with --keep-going it is left out and the chapters after it
// are renumbered, so that the chapter files stay numbered without a gap.
// With a cache, a post whose key is unchanged is taken from it as it was left last time, messages included.
std::optional<std::vector<Chapter>> render_chapters(std::vector<Post>& posts, const PostTagExpander& tags,
                                                    const Book& book, const Options& options,
                                                    std::vector<ScriptCounts>& counts, Diagnostics& diag,
                                                    ChapterCache* cache) {
  std::vector<Chapter> chapters(posts.size());
  std::vector<char> failed(posts.size(), 0);
  counts.assign(posts.size(), {});
  parallel_for(posts.size(), options.jobs, [&](size_t i) {
    const std::string key = cache ? cache->key_of(posts[i], chapter_href(i)) : "";
    auto cached = cache ? cache->load(key) : std::nullopt;
    Diagnostics mine;  // the post's own messages, kept with it in the cache
    if (cached) {
      chapters[i] = std::move(cached->chapter);
      counts[i] = std::move(cached->counts);
      for (auto& d : cached->warnings) mine.warn(std::move(d));
      for (auto& d : cached->notes) mine.note(std::move(d));
      std::string().swap(posts[i].body);
    } else {
      IncludeReads reads;
      {
        LogIncludes log(reads);
        failed[i] = !render_post(posts[i], chapter_href(i), tags, book, options, chapters[i], counts[i], mine);
      }
      if (cache && !failed[i]) cache->store(key, {chapters[i], counts[i], mine.warnings(), mine.notes(), reads});
    }
    chapters[i].post = &posts[i];
    for (auto& d : mine.notes()) diag.note(std::move(d));
    for (auto& d : mine.warnings()) diag.warn(std::move(d));
    for (auto& d : mine.errors()) diag.error(std::move(d));
    if (!failed[i]) progress_post_done();
  });
  if (cache && options.verbose)
    diag.note({options.output.generic_string(), 0, 0,
               std::to_string(posts.size() - cache->reused()) + " of " + std::to_string(posts.size()) +
                   " posts rendered, the rest from the cache",
               "cache"});
  if (diag.failed()) return std::nullopt;
  if (std::find(failed.begin(), failed.end(), 1) == failed.end()) return chapters;
  std::vector<Post> kept_posts;
  std::vector<Chapter> kept;
  std::vector<ScriptCounts> kept_counts;
  for (size_t i = 0; i < posts.size(); ++i)
    if (!failed[i]) {
      kept_posts.push_back(std::move(posts[i]));
      kept.push_back(std::move(chapters[i]));
      kept_counts.push_back(counts[i]);
    }
  posts = std::move(kept_posts);
  counts = std::move(kept_counts);
  for (size_t i = 0; i < kept.size(); ++i) {
    kept[i].post = &posts[i];
    renumber(kept[i], chapter_href(i));
  }
  if (kept.empty()) return std::nullopt;
  return kept;
}

// The chapters' pages as finished files, on `jobs` threads: each page is opened again, its links resolved
// against the whole book, its language set, then checked, deflated and dropped. Returns the pages in order.
struct FinishedPages {
  std::vector<Entry> entries;
  std::map<std::string, XmlFacts> facts;  // for the self-check
  FontText font_text;                      // for the embedded fonts' subsets
  bool every_image_has_alt = true;
};

FinishedPages finish_pages(std::vector<Chapter>& chapters, const LinkRewriter& links, const std::string& language,
                           bool want_font_text, int jobs) {
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

// A post's language: its front matter's, else its text's when that differs from the book's primary language.
void set_chapter_languages(std::vector<Chapter>& chapters, const std::vector<ScriptCounts>& counts,
                           const std::string& book_language) {
  auto primary = [](const std::string& tag) { return tag.substr(0, tag.find('-')); };
  for (size_t i = 0; i < chapters.size(); ++i) {
    auto declared = normalize_language(chapters[i].post->language);
    auto lang = declared.empty() ? detect_language(counts[i]) : declared;
    // Detection knows only primary languages: it does not overrule a book's zh-TW with zh.
    if (lang == book_language || (declared.empty() && primary(lang) == primary(book_language))) continue;
    chapters[i].language = lang;
  }
}

// What a site's configuration says of the book, where the command line said nothing (flags always win).
Options with_site_defaults(Options options, const Site& site) {
  const SiteConfig& c = site.config;
  if (options.title.empty()) options.title = c.title;
  if (options.authors.empty()) options.authors = c.authors;
  if (options.authors.empty() && !c.author.empty()) options.authors = {c.author};
  if (options.language.empty()) options.language = c.language;
  if (options.description.empty()) options.description = c.description;
  if (options.subtitle.empty()) options.subtitle = c.subtitle;
  return options;
}

LinkContext link_context(const Options& options, const std::optional<Site>& site) {
  LinkContext links;
  links.resource_paths = options.resource_paths;
  if (site) {
    links.source_dir = site->source_dir;
    links.permalink = site->config.permalink;
    if (auto url = site->config.variables.find("url"); url != site->config.variables.end()) links.site_url = url->second;
    if (!site->post_dirs.empty()) links.posts_dir = site->post_dirs.front();
  }
  return links;
}

// PNG, JPEG and GIF go into the book byte for byte, so they need not be held while the pages are finished and
// packaged (13 MB for powershell-docs-en): they were read to be found and named, and are read again into their
// entries once the book has passed its self-check. Returns the entries to fill: path in the zip -> file.
// Each with the SHA-256 resolve_images found it by: the bytes read again must be those the book was checked with.
struct SetAside {
  fs::path source;
  std::string sha256;
};

std::map<std::string, SetAside> set_aside_raster_images(std::vector<Asset>& assets) {
  std::map<std::string, SetAside> files;
  for (auto& a : assets)
    if (a.media_type != "image/svg+xml") {
      files[kPackageDir + a.href] = {a.source, a.sha256};
      std::string().swap(a.bytes);
    }
  return files;
}

bool read_raster_images(std::vector<Entry>& entries, const std::map<std::string, SetAside>& files, Diagnostics& diag) {
  for (auto& e : entries) {
    auto it = files.find(e.path);
    if (it == files.end()) continue;
    const std::string display = it->second.source.generic_string();
    auto bytes = read_file(it->second.source, kMaxAssetBytes);
    if (!bytes) diag.error({display, 0, 0, "cannot read the image again; was it removed?"});
    else if (Sha256().add(*bytes).hex() != it->second.sha256)
      diag.error({display, 0, 0, "the image changed while the book was being made; build again"});
    else e.bytes = std::move(*bytes);
  }
  return !diag.failed();
}

// glibc keeps memory freed by one stage resident for the next, in each thread's arena; between stages it is given
// back, so that the peak is what a stage holds, not the sum of the stages' leftovers.
void release_free_memory() { malloc_trim(0); }

// The cover: --cover, else the site's `cover`, else one rendered from the title and authors.
// A site's cover is read as its images are, from inside the input folders only; --cover from anywhere.
std::optional<Asset> make_cover(const Options& options, const std::optional<Site>& site, const Metadata& meta,
                                const ReadAsset& read, Diagnostics& diag) {
  fs::path file = options.cover;
  if (file.empty() && site)
    if (auto it = site->config.variables.find("cover"); it != site->config.variables.end() && !it->second.empty())
      file = it->second[0] == '/' ? site->source_dir / it->second.substr(1) : site->root / it->second;
  if (file.empty()) return Asset{{}, "images/cover.png", "image/png", render_cover_png(meta.title, meta.creators, meta.language)};
  bool from_site = options.cover.empty();
  auto bytes = from_site ? read(file) : read_file(file);
  std::string type = bytes ? sniff_image_type(*bytes) : "";
  if (!bytes || type.empty() || type == "image/svg+xml") {
    diag.error({file.generic_string(), 0, 0, bytes       ? "the cover must be a PNG, JPEG or GIF image"
                                             : from_site ? "cannot read the cover image inside the input folders"
                                                         : "cannot read the cover image"});
    return std::nullopt;
  }
  return Asset{file, std::string("images/cover") + (type == "image/png" ? ".png" : type == "image/gif" ? ".gif" : ".jpg"), type, std::move(*bytes)};
}

// "2019-03-01 – 2024-05-18": the first and the last post's dates, for the title page.
std::string date_range(const std::vector<Post>& posts) {
  std::optional<Date> first, last;
  for (const auto& p : posts) {
    if (!p.date) continue;
    if (!first || date_less(*p.date, *first)) first = p.date;
    if (!last || date_less(*last, *p.date)) last = p.date;
  }
  if (!first) return "";
  auto a = format_day(*first), b = format_day(*last);
  return a == b ? a : a + " \u2013 " + b;
}

// Whether writing `output` would overwrite a file the book is made from: a post, an image or the cover.
bool overwrites_a_source(const fs::path& output, const std::vector<Post>& posts, const Book& book) {
  std::error_code ec;
  if (output.empty() || !fs::exists(output, ec)) return false;
  auto same = [&](const fs::path& file) { return !file.empty() && fs::equivalent(file, output, ec); };
  for (const auto& p : posts)
    if (same(p.file)) return true;
  for (const auto& a : book.assets)
    if (same(a.source)) return true;
  return book.cover && same(book.cover->source);
}

std::string fallback_title(const Options& options) {
  if (options.inputs.empty()) return "Untitled";
  auto p = fs::weakly_canonical(options.inputs.front());
  return fs::is_directory(p) ? p.filename().string() : p.stem().string();
}

}  // namespace

std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag, PostMemo* memo) {
  auto loaded = load_sources(options.inputs, options.keep_going, diag, options.jobs);
  Collected c{loaded.site, parse_posts(std::move(loaded.sources), options.keep_going, diag, options.filters.drafts,
                                       memo, options.jobs)};
  if (diag.failed()) return std::nullopt;
  c.posts = filter_posts(std::move(c.posts), options.filters);
  return c;
}

std::optional<std::vector<Entry>> assemble_book(const Options& given, const std::optional<Site>& site,
                                                std::vector<Post> posts, Diagnostics& diag, BookDeps* deps) {
  const Options options = site ? with_site_defaults(given, *site) : given;
  if (posts.empty()) {
    diag.error({options.inputs.empty() ? "" : options.inputs.front().generic_string(), 0, 0,
                "nothing to build: every post is a draft, filtered or left out"});
    return std::nullopt;
  }
  bool ordered_by_summary = site && site->kind == Site::Kind::book;
  if (!ordered_by_summary || options.sort_given) sort_posts(posts, options.sort);

  // Nothing outside the input folders and --resource-path is ever read.
  std::vector<fs::path> roots = options.resource_paths;
  for (const auto& input : options.inputs) roots.push_back(fs::is_directory(input) ? input : fs::absolute(input).parent_path());
  ReadAsset read = confined_reader(roots);
  PostTagExpander tags(posts, site, logging_reader(read));

  Book book;
  book.toc_depth = options.toc_depth;
  book.vertical = options.vertical;
  if (!options.templates.empty()) book.templates = load_templates(options.templates, diag);
  if (diag.failed()) return std::nullopt;
  std::vector<ScriptCounts> counts;
  std::optional<ChapterCache> cache;
  if (!options.cache_dir.empty()) cache.emplace(options.cache_dir, options, site, posts, book.templates, roots, read);
  auto chapters = render_chapters(posts, tags, book, options, counts, diag, cache ? &*cache : nullptr);
  if (chapters && cache) cache->save();
  cache.reset();  // its file read and written: memory back before the pages are finished
  if (!chapters) {
    if (!diag.failed()) diag.error({options.inputs.empty() ? "" : options.inputs.front().generic_string(), 0, 0,
                                    "nothing to build: every post was left out"});
    return std::nullopt;
  }
  book.chapters = std::move(*chapters);
  auto links = link_context(options, site);
  ImageTable images = resolve_images(book.chapters, links, read, diag);
  auto raster_images = set_aside_raster_images(images.assets);
  release_free_memory();
  ScriptCounts all;
  for (const auto& c : counts) all += c;
  book.meta = make_metadata(options, book.chapters, fallback_title(options), all);
  set_chapter_languages(book.chapters, counts, book.meta.language);
  // The cover is drawn before the pages are finished: its 16 MB of pixels come and go while less is held.
  book.cover = make_cover(options, site, book.meta, read, diag);
  release_free_memory();
  bool want_fonts = !options.fonts.empty() || !options.mono_font.empty();
  auto pages = finish_pages(book.chapters, LinkRewriter(book.chapters, links, images, diag), book.meta.language,
                            want_fonts, options.jobs);
  release_free_memory();
  book.assets = std::move(images.assets);
  if (diag.failed()) return std::nullopt;
  if (overwrites_a_source(options.output, posts, book)) {
    diag.error({options.output.generic_string(), 0, 0, "the output is one of the inputs; nothing written"});
    return std::nullopt;
  }
  book.date_range = date_range(posts);
  book.every_image_has_alt = pages.every_image_has_alt;
  book.fonts = embed_fonts(options, book, std::move(pages.font_text), diag);
  if (diag.failed()) return std::nullopt;
  if (int depth = fit_toc_depth(book, kMaxPageBytes); depth < book.toc_depth) {
    diag.note({"", 0, 0, "table of contents limited to " + std::to_string(depth) + " level(s) to keep nav.xhtml small"});
    book.toc_depth = depth;
  }
  if (deps) {
    for (const auto& p : posts) deps->inputs.push_back(p.file);
    for (const auto& a : book.assets) deps->inputs.push_back(a.source);
    if (!options.cover.empty()) deps->inputs.push_back(options.cover);
    deps->chapters = book.chapters.size();
  }
  auto entries = package_book(std::move(book), std::move(pages.entries));
  release_free_memory();  // the book, freed as its entries were made
  auto problems = check_book(entries, std::move(pages.facts));
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p;
    throw InternalError("the book failed mkepub's self-check (this is a bug in mkepub):" + all);
  }
  release_free_memory();
  if (!read_raster_images(entries, raster_images, diag)) return std::nullopt;
  parallel_for(entries.size(), options.jobs, [&](size_t i) { deflate_entry(entries[i]); });
  return entries;
}

std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag) {
  auto collected = collect_posts(options, diag);
  if (!collected) return std::nullopt;
  return assemble_book(options, collected->site, std::move(collected->posts), diag);
}

int build(const Options& options, Diagnostics& diag) {
  // Never overwrite what the book is made from.
  std::error_code ec;
  for (const auto& input : options.inputs)
    if (fs::exists(options.output, ec) && fs::equivalent(input, options.output, ec)) {
      diag.error({options.output.generic_string(), 0, 0, "the output is one of the inputs; nothing written"});
      return 1;
    }
  auto collected = collect_posts(options, diag);
  if (!collected) return 1;
  progress_expect(1, collected->posts.size());
  BookDeps deps;
  auto entries = assemble_book(options, collected->site, std::move(collected->posts), diag, &deps);
  if (!entries) return 1;
  try {
    write_atomically(options.output, [&](const Sink& write) { write_zip(std::move(*entries), write); });
    if (!options.depfile.empty()) write_atomically(options.depfile, make_dependencies(options.output, deps));
  } catch (const std::runtime_error& e) {
    diag.error({options.output.generic_string(), 0, 0, e.what()});
    return 1;
  }
  return 0;
}

std::string make_dependencies(const fs::path& output, BookDeps deps) {
  auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#' || c == ':') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::sort(deps.inputs.begin(), deps.inputs.end());
  deps.inputs.erase(std::unique(deps.inputs.begin(), deps.inputs.end()), deps.inputs.end());
  std::string out = escape(output.generic_string()) + ":";
  for (const auto& in : deps.inputs) out += " \\\n  " + escape(in.generic_string());
  return out + "\n";
}

}  // namespace mkepub
