// Links and images across the book: hrefs to other posts become chapter links, images become book assets.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <optional>

#include "base/book.h"
#include "base/diagnostics.h"
#include "book/image_convert.h"  // sniff_image_type
#include "book/post_index.h"
#include "sources/remote_images.h"

namespace mkepub {

// Reads an image's bytes; the loader's, so that this stage itself touches no files (tests pass a map).
using ReadAsset = std::function<std::optional<std::string>(const fs::path&)>;

// The images a page shows, as the post wrote them (read before the page is parked; see Chapter::images).
void list_images(const pugi::xml_document& page, std::vector<ImageUse>& out);

// The book's images: every chapter's images read (nothing outside the inputs), numbered in order of first use,
// with a warning for each that is missing, unsupported, remote or without alt text; those that must be decoded to
// be converted or scaled are decoded on `jobs` threads (0: every core) first. A remote image is
// taken from `remote` (the fetch stage's; its bytes are moved out) when it is there, and stays a link when not.
struct ImageTable {
  std::vector<Asset> assets;
  std::vector<std::map<std::string, std::string>> href;  // per chapter: src -> "images/i0001.png"; "": left out
};
ImageTable resolve_images(const std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                          Diagnostics& diag, RemoteImages* remote = nullptr, int jobs = 1);

// Rewrites one page's links and images once every chapter's anchors and images are known. rewrite() only reads
// the rewriter's state, so pages are rewritten on several threads at once.
class LinkRewriter {
 public:
  LinkRewriter(const std::vector<Chapter>& chapters, const LinkContext& context, const ImageTable& images,
               Diagnostics& diag);
  ~LinkRewriter();
  void rewrite(size_t chapter, const std::string& page_href, pugi::xml_document& page) const;

 private:
  const std::vector<Chapter>& chapters_;
  const LinkContext& context_;
  std::unique_ptr<PostIndex> posts_;
  const ImageTable& images_;
  Diagnostics& diag_;
  void link(const Chapter& ch, const std::string& page, pugi::xml_node a) const;
  void image(size_t chapter, pugi::xml_node img) const;
  void drop(const Chapter& ch, pugi::xml_node a, int line, const std::string& why) const;
};

// All of the above over DOMs that are still open: resolves every <a href> and <img src> in the chapters. Links to posts point at their chapter and heading;
// links that resolve to nothing become plain text and images that cannot be found become their alt text, each
// with a warning. Images are stored once each, in order of first use.
std::vector<Asset> resolve_links(std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                                 Diagnostics& diag, RemoteImages* remote = nullptr, int jobs = 1);

}  // namespace mkepub
