// Stage (after rendering, before the book's images are read): the remote images the chapters show, fetched once
// each through the image store, or read from it alone (--offline).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"
#include "sources/http_fetch.h"

namespace mkepub {

struct RemoteImageOptions {
  RemoteImageMode mode = RemoteImageMode::fetch;
  fs::path store;  // image_store_dir(); empty: nothing kept between runs
  FetchLimits limits;
};
RemoteImageOptions remote_image_options(const Options& options);

// What each remote src (as the post wrote it) gave: the bytes and the file they are stored in (empty when the
// store could not be written), or nothing when it failed (reported once, with the URL; the link stays).
struct RemoteImage {
  fs::path file;
  std::string bytes;
};
struct RemoteImages {
  std::map<std::string, std::optional<RemoteImage>> by_src;
  bool complete = true;  // every remote image the chapters show is here (the run cache records only such books)
};

RemoteImages fetch_remote_images(const std::vector<Chapter>& chapters, const RemoteImageOptions& options,
                                 Diagnostics& diag);

// The URL to fetch for an <img src> ("//cdn.x/a.png" is https), or "" when src is not an http(s) URL.
std::string remote_image_url(const std::string& src);

}  // namespace mkepub
