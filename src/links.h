// Links and images across the book: hrefs to other posts become chapter links, images become book assets.
#pragma once

#include <functional>
#include <optional>

#include "book.h"
#include "diagnostics.h"
#include "post_index.h"

namespace mkepub {

// Reads an image's bytes; the loader's, so that this stage itself touches no files (tests pass a map).
using ReadAsset = std::function<std::optional<std::string>(const fs::path&)>;

// Resolves every <a href> and <img src> in the chapters. Links to posts point at their chapter and heading;
// links that resolve to nothing become plain text and images that cannot be found become their alt text, each
// with a warning. Images are stored once each, in order of first use.
std::vector<Asset> resolve_links(std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                                 Diagnostics& diag);

// The media type of an image from its first bytes, or "" when it is not one EPUB readers must support.
std::string sniff_image_type(const std::string& bytes);

}  // namespace mkepub
