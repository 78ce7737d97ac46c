// Guidance for a common mistake: giving a site's posts or source folder instead of the site itself, which loses
// the site's title, permalinks, links and (for `source/`) every post, since folders starting with `_` are skipped.
#pragma once

#include <optional>

#include "base/book.h"

namespace mkepub {

// The site root to give instead of `folder`, when `folder` is a Hexo site's `source` or `source/_posts`, a Jekyll
// site's `_posts`, or an mdBook's `src` (the folder above holds the site's `_config.yml` or `book.toml`).
std::optional<fs::path> site_root_instead_of(const fs::path& folder);

}  // namespace mkepub
