// The book's cover: --cover, else the site's `cover` key, else one rendered from the title and authors.
#pragma once

#include <functional>

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"

namespace mkepub {

// A site's cover is read as its images are, through `read` (inside the input folders only); --cover from anywhere.
// Nullopt (reported) when the given cover cannot be read or is not a PNG, JPEG or GIF.
std::optional<Asset> choose_cover(const Options& options, const std::optional<Site>& site, const Metadata& meta,
                                  const std::function<std::optional<std::string>(const fs::path&)>& read,
                                  Diagnostics& diag);

}  // namespace mkepub
