// Posts: every source file parsed (front matter and body), drafts left out, template tags expanded, ordered.
#pragma once

#include <functional>
#include <optional>

#include "book.h"
#include "diagnostics.h"
#include "site.h"

namespace mkepub {

// The posts of `sources`; drafts are left out with a note, broken ones reported (or, with `keep_going`,
// left out with a warning).
std::vector<Post> parse_posts(const std::vector<SourceFile>& sources, bool keep_going, Diagnostics& diag,
                              bool keep_drafts = false);

// The posts a book's filters take: any of the tags or categories (when given), dated within from..to.
std::vector<Post> filter_posts(std::vector<Post> posts, const Filters& filters);

// By date, then file name; posts without a date come after the dated ones.
void sort_posts(std::vector<Post>& posts, Options::Sort sort);

// Expands Hexo/Liquid/Hugo/mdBook tags in every post's body; post_link finds posts among `posts`.
// `read` reads an included file (confined to the inputs).
void expand_post_tags(std::vector<Post>& posts, const std::optional<Site>& site,
                      const std::function<std::optional<std::string>(const fs::path&)>& read, Diagnostics& diag);

}  // namespace mkepub
