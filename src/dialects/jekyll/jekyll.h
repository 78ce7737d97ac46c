// Dialects: what the book needs to know of Jekyll beyond its Dialect table (jekyll.cpp).
#pragma once

#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/options.h"

namespace mkepub {

struct Site;

// The posts in the order Jekyll's site gives them (https://jekyllrb.com/docs/collections/): `_posts` first, by
// `sort` (date unless --sort says name), then each collection in the order `collections:` lists them, its
// documents as Jekyll sorts a collection: by its `order:` list of file names (the unlisted after, by path), else
// by its `sort_by:` key (title, date, weight or slug), else by date and then path. With more than one group, each
// group's first post opens a part named after it (the collection's `title:` if it has one, else its name; "Posts").
void sort_jekyll_posts(std::vector<Post>& posts, const Site& site, Options::Sort sort, Diagnostics& diag);

}  // namespace mkepub
