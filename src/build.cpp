// The driver: load -> posts -> chapters -> book -> entries -> self-check -> .epub. Reads top to bottom.
#include "build.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>

#include "chapter.h"
#include "check.h"
#include "dates.h"
#include "frontmatter.h"
#include "language.h"
#include "links.h"
#include "load.h"
#include "metadata.h"
#include "nav.h"
#include "output.h"
#include "package.h"
#include "split.h"
#include "container.h"

namespace mkepub {
namespace {

std::vector<Post> parse_posts(const std::vector<SourceFile>& sources, bool keep_going, Diagnostics& diag) {
  std::vector<Post> posts;
  for (const auto& source : sources) {
    try {
      Post post = parse_post(source, diag);
      if (post.draft) diag.note({post.display, 0, 0, "draft left out"});
      else posts.push_back(std::move(post));
    } catch (const InputError& e) {
      diag.post_error(e.where, keep_going);
    }
  }
  return posts;
}

// By date, then file name; posts without a date come after the dated ones.
void sort_posts(std::vector<Post>& posts, Options::Sort sort) {
  std::stable_sort(posts.begin(), posts.end(), [sort](const Post& a, const Post& b) {
    if (sort == Options::Sort::date && a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (sort == Options::Sort::date && a.date && to_epoch(*a.date) != to_epoch(*b.date))
      return to_epoch(*a.date) < to_epoch(*b.date);
    return a.display < b.display;
  });
}

std::string chapter_href(size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "text/c%04zu.xhtml", index + 1);
  return name;
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

std::string fallback_title(const Options& options) {
  if (options.inputs.empty()) return "Untitled";
  auto p = fs::weakly_canonical(options.inputs.front());
  return fs::is_directory(p) ? p.filename().string() : p.stem().string();
}

}  // namespace

std::optional<std::vector<Entry>> build_entries(const Options& options, Diagnostics& diag) {
  auto sources = load_sources(options.inputs, options.keep_going, diag);
  auto posts = parse_posts(sources, options.keep_going, diag);
  if (diag.failed()) return std::nullopt;
  if (posts.empty()) {
    diag.error({options.inputs.empty() ? "" : options.inputs.front().generic_string(), 0, 0,
                "nothing to build: every post is a draft or was left out"});
    return std::nullopt;
  }
  sort_posts(posts, options.sort);

  Book book;
  book.toc_depth = options.toc_depth;
  for (size_t i = 0; i < posts.size(); ++i) {
    book.chapters.push_back(render_chapter(posts[i], chapter_href(i), diag));
    split_long_chapter(book.chapters.back());
  }
  ReadAsset read = [&](const fs::path& file) -> std::optional<std::string> {
    // Nothing outside the input folders is ever read.
    for (const auto& post : posts)
      if (is_inside(file, post.root) && fs::is_regular_file(file)) return read_file(file);
    return std::nullopt;
  };
  book.assets = resolve_links(book.chapters, read, diag);
  std::vector<ScriptCounts> counts;
  ScriptCounts all;
  for (const auto& ch : book.chapters) all += counts.emplace_back(count_scripts(ch));
  book.meta = make_metadata(options, book.chapters, fallback_title(options), all);
  set_chapter_languages(book.chapters, counts, book.meta.language);
  if (int depth = fit_toc_depth(book, kMaxPageBytes); depth < book.toc_depth) {
    diag.note({"", 0, 0, "table of contents limited to " + std::to_string(depth) + " level(s) to keep nav.xhtml small"});
    book.toc_depth = depth;
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

int build(const Options& options, Diagnostics& diag) {
  auto entries = build_entries(options, diag);
  if (!entries) return 1;
  try {
    write_atomically(options.output, zip_entries(*entries));
  } catch (const std::runtime_error& e) {
    diag.error({options.output.generic_string(), 0, 0, e.what()});
    return 1;
  }
  return 0;
}

}  // namespace mkepub
