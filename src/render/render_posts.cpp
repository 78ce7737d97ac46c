// Rendering posts in parallel: tag expansion, Markdown, raw HTML, highlighting, splitting and parking, through the
// chapter cache.
#include "render/render_posts.h"

#include <algorithm>
#include <cstdio>

#include "base/dom.h"
#include "base/memory.h"
#include "base/parallel.h"
#include "book/links.h"
#include "render/chapter.h"
#include "render/chapter_cache.h"
#include "render/code_lines.h"
#include "render/highlight.h"
#include "render/split.h"
#include "render/vertical.h"
#include "run/progress.h"

namespace mkepub {
namespace {

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
bool render_post(Post& post, const std::string& href, const PostTagExpander& tags, const BookPlan& plan,
                 Chapter& ch, ScriptCounts& counts, Diagnostics& diag) {
  try {
    post.body = tags.expand(post, diag);
    ch = render_chapter(post, href, diag, plan.templates, plan.markdown);
    // Line options are read off the plain text (the info string, magic comments), and the lines cut after the
    // highlighter has put its spans in.
    auto code_lines = read_code_lines(*ch.doc, plan.markdown);
    if (plan.options.highlight) ch.highlighted = highlight_code_blocks(*ch.doc) > 0;
    ch.code_lines = write_code_lines(code_lines);
  } catch (const InputError& e) {
    diag.post_error(e.where, plan.options.keep_going);
    return false;
  }
  std::string().swap(post.body);
  if (plan.options.vertical) make_vertical(*ch.doc);  // before splitting: its spans count too
  split_long_chapter(ch);
  counts = count_scripts(ch);
  list_images(*ch.doc, ch.images);
  for (const auto& page : ch.continued) list_images(*page.doc, ch.images);
  park_pages(ch);
  ch.headings.shrink_to_fit();  // kept to the end of the build: 70,000 of them in a big documentation set
  return true;
}

// The chapters of the posts that did not fail, renumbered without a gap; plan.posts keeps only their posts.
RenderedPosts drop_failed(BookPlan& plan, RenderedPosts all, const std::vector<char>& failed) {
  RenderedPosts kept;
  std::vector<Post> kept_posts;
  for (size_t i = 0; i < plan.posts.size(); ++i)
    if (!failed[i]) {
      kept_posts.push_back(std::move(plan.posts[i]));
      kept.chapters.push_back(std::move(all.chapters[i]));
      kept.counts.push_back(all.counts[i]);
    }
  plan.posts = std::move(kept_posts);
  for (size_t i = 0; i < kept.chapters.size(); ++i) {
    kept.chapters[i].post = &plan.posts[i];
    renumber(kept.chapters[i], chapter_href(i));
  }
  return kept;
}

}  // namespace

std::string chapter_href(size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "text/c%04zu.xhtml", index + 1);
  return name;
}

std::optional<RenderedPosts> render_posts(BookPlan& plan, Diagnostics& diag) {
  GiveBackMemoryOnExit give_back;  // the cache's file, read and written
  const Options& options = plan.options;
  auto& posts = plan.posts;
  PostTagExpander tags(posts, plan.site, logging_reader(plan.read));
  std::optional<ChapterCache> cache;
  if (!options.cache_dir.empty())
    cache.emplace(options.cache_dir, options, plan.site, posts, plan.templates, plan.roots, plan.read);
  RenderedPosts out{std::vector<Chapter>(posts.size()), std::vector<ScriptCounts>(posts.size())};
  std::vector<char> failed(posts.size(), 0);
  parallel_for(posts.size(), options.jobs, [&](size_t i) {
    const std::string key = cache ? cache->key_of(posts[i], chapter_href(i)) : "";
    auto cached = cache ? cache->load(key) : std::nullopt;
    Diagnostics mine;  // the post's own messages, kept with it in the cache
    if (cached) {
      out.chapters[i] = std::move(cached->chapter);
      out.counts[i] = std::move(cached->counts);
      for (auto& d : cached->warnings) mine.warn(std::move(d));
      for (auto& d : cached->notes) mine.note(std::move(d));
      std::string().swap(posts[i].body);
    } else {
      IncludeReads reads;
      {
        LogIncludes log(reads);
        failed[i] = !render_post(posts[i], chapter_href(i), tags, plan, out.chapters[i], out.counts[i], mine);
      }
      if (cache && !failed[i])
        cache->store(key, {out.chapters[i], out.counts[i], mine.warnings(), mine.notes(), reads});
    }
    out.chapters[i].post = &posts[i];
    for (auto& d : mine.notes()) diag.note(std::move(d));
    for (auto& d : mine.warnings()) diag.warn(std::move(d));
    for (auto& d : mine.errors()) diag.error(std::move(d));
    progress_post_done();  // a post that failed is done with too: the line moves on to packing
  });
  if (cache && options.verbose)
    diag.note({options.output.generic_string(), 0, 0,
               std::to_string(posts.size() - cache->reused()) + " of " + std::to_string(posts.size()) +
                   " posts rendered, the rest from the cache",
               "cache"});
  if (diag.failed()) return std::nullopt;
  if (std::find(failed.begin(), failed.end(), 1) != failed.end()) out = drop_failed(plan, std::move(out), failed);
  if (out.chapters.empty()) {
    diag.error({options.inputs.empty() ? "" : options.inputs.front().generic_string(), 0, 0,
                "nothing to build: every post was left out"});
    return std::nullopt;
  }
  if (cache) cache->save();
  return out;
}

}  // namespace mkepub
