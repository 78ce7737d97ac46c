// The driver: load -> posts -> chapters -> book -> entries -> self-check -> .epub. Reads top to bottom.
#include "build.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>

#include "chapter.h"
#include "cover.h"
#include "fonts.h"
#include "check.h"
#include "dates.h"
#include "language.h"
#include "links.h"
#include "load.h"
#include "metadata.h"
#include "nav.h"
#include "output.h"
#include "package.h"
#include "parallel.h"
#include "posts.h"
#include "split.h"
#include "vertical.h"
#include "container.h"

namespace mkepub {
namespace {

std::string chapter_href(size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "text/c%04zu.xhtml", index + 1);
  return name;
}

// Posts are independent until the book is assembled: render them on `jobs` threads (0: every core). Each
// chapter lands in its own slot, so the book is the same whatever the threads' timing. A post past a limit
// (input_limits.h) is reported; with --keep-going it is left out and the others are rendered again, so that the
// chapter files stay numbered without a gap.
std::optional<std::vector<Chapter>> render_chapters(std::vector<Post>& posts, const TemplateOverrides& templates,
                                                    const Options& options, Diagnostics& diag) {
  std::vector<Chapter> chapters(posts.size());
  std::vector<char> failed(posts.size(), 0);
  parallel_for(posts.size(), options.jobs, [&](size_t i) {
    try {
      chapters[i] = render_chapter(posts[i], chapter_href(i), diag, templates);
    } catch (const InputError& e) {
      diag.post_error(e.where, options.keep_going);
      failed[i] = 1;
      return;
    }
    if (options.vertical) make_vertical(*chapters[i].doc);  // before splitting: its spans count too
    split_long_chapter(chapters[i]);
  });
  if (diag.failed()) return std::nullopt;
  if (std::find(failed.begin(), failed.end(), 1) == failed.end()) return chapters;
  std::vector<Post> kept;
  for (size_t i = 0; i < posts.size(); ++i)
    if (!failed[i]) kept.push_back(std::move(posts[i]));
  posts = std::move(kept);
  if (posts.empty()) return std::nullopt;
  Diagnostics again;  // the warnings of the posts kept were reported by the first rendering
  return render_chapters(posts, templates, options, again);
}


// Running text only: code is not prose and would make every technical blog look English.
ScriptCounts count_scripts(const Chapter& ch) {
  ScriptCounts counts;
  counts.add(ch.title);
  for (auto x : ch.doc->select_nodes("//text()[not(ancestor::*[local-name()='pre' or local-name()='code'])]"))
    counts.add(x.node().value());
  return counts;
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

bool every_image_has_alt(const std::vector<Chapter>& chapters) {
  for (const auto& ch : chapters) {
    if (ch.doc->select_node("//img[not(@alt) or @alt='']")) return false;
    for (const auto& page : ch.continued)
      if (page.doc->select_node("//img[not(@alt) or @alt='']")) return false;
  }
  return true;
}

std::string fallback_title(const Options& options) {
  if (options.inputs.empty()) return "Untitled";
  auto p = fs::weakly_canonical(options.inputs.front());
  return fs::is_directory(p) ? p.filename().string() : p.stem().string();
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

}  // namespace

std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag) {
  auto loaded = load_sources(options.inputs, options.keep_going, diag);
  Collected c{loaded.site, parse_posts(loaded.sources, options.keep_going, diag, options.filters.drafts)};
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
  expand_post_tags(posts, site, read, diag);

  Book book;
  book.toc_depth = options.toc_depth;
  book.vertical = options.vertical;
  if (!options.templates.empty()) book.templates = load_templates(options.templates, diag);
  if (diag.failed()) return std::nullopt;
  auto chapters = render_chapters(posts, book.templates, options, diag);
  if (!chapters) {
    if (!diag.failed()) diag.error({options.inputs.empty() ? "" : options.inputs.front().generic_string(), 0, 0,
                                    "nothing to build: every post was left out"});
    return std::nullopt;
  }
  book.chapters = std::move(*chapters);
  auto links = link_context(options, site);
  book.assets = resolve_links(book.chapters, links, read, diag);
  std::vector<ScriptCounts> counts;
  ScriptCounts all;
  for (const auto& ch : book.chapters) all += counts.emplace_back(count_scripts(ch));
  book.meta = make_metadata(options, book.chapters, fallback_title(options), all);
  set_chapter_languages(book.chapters, counts, book.meta.language);
  book.cover = make_cover(options, site, book.meta, read, diag);
  if (diag.failed()) return std::nullopt;
  if (overwrites_a_source(options.output, posts, book)) {
    diag.error({options.output.generic_string(), 0, 0, "the output is one of the inputs; nothing written"});
    return std::nullopt;
  }
  book.date_range = date_range(posts);
  book.every_image_has_alt = every_image_has_alt(book.chapters);
  book.fonts = embed_fonts(options, book, diag);
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
  auto entries = package_book(book);
  auto problems = check_book(entries);
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p;
    throw InternalError("the book failed mkepub's self-check (this is a bug in mkepub):" + all);
  }
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
  BookDeps deps;
  auto entries = assemble_book(options, collected->site, std::move(collected->posts), diag, &deps);
  if (!entries) return 1;
  try {
    write_atomically(options.output, zip_entries(*entries));
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
