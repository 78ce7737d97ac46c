// Rendering: every post of a planned book into its chapter, on every core, from the cache where it is unchanged.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/language.h"
#include "sources/plan.h"

namespace mkepub {

struct RenderedPosts {
  std::vector<Chapter> chapters;    // each pointing at its post in plan.posts
  std::vector<ScriptCounts> counts;  // each chapter's running text, for language detection
};

// The chapter file of the post at `index`: "text/c0001.xhtml" for the first.
std::string chapter_href(size_t index);

// Posts are expanded (template tags), rendered, split, counted and parked, each in its own slot, so the book is
// the same whatever the threads' timing; a post's Markdown is dropped once rendered and its DOM once parked.
// With --keep-going a post that fails is left out of plan.posts and the chapters after it renumbered. With
// --cache-dir an unchanged post is taken from the cache as it was left, messages included.
// Nullopt when a post failed (or, with --keep-going, every post did).
std::optional<RenderedPosts> render_posts(BookPlan& plan, Diagnostics& diag);

}  // namespace mkepub
