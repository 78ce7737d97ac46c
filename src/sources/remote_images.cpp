// Stage: remote images fetched (pandoc's --extract-media/--resource-path behaviour, downloads on by default),
// stored by content so that rebuilds need no network (see image_store.h).
#include "sources/remote_images.h"

#include <algorithm>
#include <set>

#include "base/image_types.h"
#include "base/url.h"
#include "sources/image_store.h"

namespace mkepub {
namespace {

bool starts_with_ci(const std::string& s, const std::string& prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// Bytes a URL may not hold as they are (spaces, non-ASCII names of Chinese blogs' images) percent-encoded; the
// fragment dropped, which is never sent.
std::string request_form(std::string url) { return uri_escape(url.substr(0, url.find('#'))); }

struct Use {
  std::string src, url;
  const Post* post;
  int line;
};

// Each remote src once, at its first use in the book's order.
std::vector<Use> remote_uses(const std::vector<Chapter>& chapters) {
  std::vector<Use> uses;
  std::set<std::string> seen;
  for (const auto& ch : chapters)
    for (const auto& img : ch.images)
      if (std::string url = remote_image_url(img.src); !url.empty() && seen.insert(img.src).second)
        uses.push_back({img.src, url, ch.post, img.line});
  return uses;
}

// The warning's wording and kind for a failed fetch.
std::pair<std::string, std::string> failure_text(const Fetched& f) {
  using S = Fetched::Status;
  switch (f.status) {
    case S::http_error:
      return {"the server answered " + f.detail, "remote image not found"};
    case S::timeout:
      return {"no answer in time", "remote image timed out"};
    case S::too_big:
      return {"larger than the limit (--fetch-max-bytes)", "remote image too big"};
    case S::unreachable:
      return {"the host could not be reached (" + f.detail + ")", "remote image host unreachable"};
    case S::too_many_redirects:
      return {"too many redirects", "remote image not fetched"};
    case S::ok:
      return {"not an image", "remote image not an image"};
    default:
      return {f.detail, "remote image not fetched"};
  }
}

}  // namespace

std::string remote_image_url(const std::string& src) {
  if (src.starts_with("//")) return request_form("https:" + src);
  if (starts_with_ci(src, "http://") || starts_with_ci(src, "https://")) return request_form(src);
  return "";
}

RemoteImageOptions remote_image_options(const Options& o) {
  RemoteImageOptions out{o.remote_images, o.image_store, {}};
  out.limits.total_ms = static_cast<long>(o.fetch_timeout * 1000);
  out.limits.connect_ms = std::min(out.limits.connect_ms, out.limits.total_ms);
  out.limits.max_bytes = o.fetch_max_bytes;
  return out;
}

RemoteImages fetch_remote_images(const std::vector<Chapter>& chapters, const RemoteImageOptions& options,
                                 Diagnostics& diag) {
  RemoteImages out;
  if (options.mode == RemoteImageMode::link) return out;
  ImageStore store(options.store);
  std::vector<Use> uses = remote_uses(chapters);
  std::vector<size_t> missing;
  for (size_t i = 0; i < uses.size(); ++i) {
    if (auto found = store.get(uses[i].url))
      out.by_src[uses[i].src] = RemoteImage{found->file, std::move(found->bytes)};
    else missing.push_back(i);
  }
  if (missing.empty()) return out;
  out.complete = false;
  if (options.mode == RemoteImageMode::offline) {
    for (size_t i : missing) {
      out.by_src[uses[i].src] = std::nullopt;
      diag.warn({uses[i].post->display, uses[i].line, 0,
                 "remote image `" + uses[i].src + "` is not in the image store (--offline); linked instead",
                 "remote image not stored"});
    }
    return out;
  }
  std::vector<std::string> urls;
  for (size_t i : missing) urls.push_back(uses[i].url);
  std::vector<Fetched> fetched = fetch_all(urls, options.limits);
  bool complete = true;
  std::map<std::string, std::pair<size_t, int>> skipped;  // host -> first skipped use, how many
  for (size_t k = 0; k < missing.size(); ++k) {
    const Use& use = uses[missing[k]];
    Fetched& f = fetched[k];
    // By the bytes, in any format mkepub reads: a server often sends an HTML page with status 200 for a
    // missing image.
    if (f.status == Fetched::Status::ok && !sniff_image_type(f.bytes).empty()) {
      auto file = store.put(use.url, f.bytes);
      out.by_src[use.src] = RemoteImage{file.value_or(fs::path()), std::move(f.bytes)};
      continue;
    }
    complete = false;
    out.by_src[use.src] = std::nullopt;
    if (f.status == Fetched::Status::skipped) {
      std::string host = use.url.substr(0, use.url.find('/', use.url.find("//") + 2));
      auto [it, added] = skipped.emplace(host, std::make_pair(missing[k], 0));
      ++it->second.second;
      continue;
    }
    auto [why, kind] = failure_text(f);
    diag.warn({use.post->display, use.line, 0,
               "remote image `" + use.src + "` not fetched: " + why + "; linked instead", kind});
  }
  // One warning for all the URLs of a host given up on: with no network, one line per host, not per image.
  for (const auto& [host, first] : skipped) {
    const Use& use = uses[first.first];
    diag.warn({use.post->display, use.line, 0,
               std::to_string(first.second) + " remote image(s) from " + host +
                   " not tried, since that host could not be reached (first: `" + use.src + "`); linked instead",
               "remote image host unreachable"});
  }
  out.complete = complete;
  return out;
}

}  // namespace mkepub
