// Where links and images of a book's posts resolve: the site's folders, permalink and URL, --resource-path.
#pragma once

#include "base/book.h"
#include "book/post_index.h"
#include "dialects/site.h"

namespace mkepub {

LinkContext link_context_of(const Options& options, const std::optional<Site>& site);

}  // namespace mkepub
