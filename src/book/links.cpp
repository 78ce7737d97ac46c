// Links and images across the book (EPUB 3.3 core media types and resource locations,
// https://www.w3.org/TR/epub-33/#sec-core-media-types).
#include "book/links.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/digest.h"
#include "base/dom.h"
#include "base/memory.h"
#include "base/parallel.h"
#include "base/url.h"
#include "book/image_convert.h"
#include "book/svg.h"
#include "epub/templates.h"
#include "render/chapter.h"
#include "render/xhtml.h"

namespace mkepub {
namespace {

bool has_scheme(const std::string& url) { return !url_scheme(url).empty(); }

bool is_file_url(const std::string& url) { return url_scheme(url) == "file"; }

// "https://Example.com/blog" -> "example.com": scheme, user and port aside, lower case.
std::string host_of(const std::string& url) {
  size_t start = url.find("//");
  if (start == std::string::npos) return "";
  start += 2;
  size_t end = std::min(url.find_first_of("/?#", start), url.size());
  std::string host = url.substr(start, end - start);
  if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  if (size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// A link to a page of the site itself, written with its `url` (http or https, with or without www.): the
// site-root path and fragment it names ("/news/2019/x/#a"); "" for any other link.
std::string own_site_path(const std::string& href, const std::string& site_url) {
  std::string host = host_of(site_url);
  if (host.empty() || !(href.starts_with("http://") || href.starts_with("https://")) || host_of(href) != host)
    return "";
  size_t start = href.find("//") + 2;
  size_t path = href.find_first_of("/?#", start);
  if (path == std::string::npos) return "/";
  return href[path] == '/' ? href.substr(path) : "/" + href.substr(path);
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string extension_for(const std::string& media_type) {
  if (media_type == "image/png") return ".png";
  if (media_type == "image/jpeg") return ".jpg";
  if (media_type == "image/gif") return ".gif";
  return ".svg";
}

// An image that must be decoded to be fitted (image_convert.h), found by a survey of the book's images.
struct ToFit {
  std::string digest, bytes, media_type;
};

// What the survey found for the numbering pass: images fitted ahead, by the SHA-256 of their bytes, and what
// each file read gave (nullopt: nothing), so that each file is read once for both passes.
struct Surveyed {
  std::map<std::string, FittedImage> fitted;
  std::map<fs::path, std::optional<std::string>> reads;
};

// Reads and numbers the book's images, one use after another, so that numbering and warnings follow the book.
// A survey (`survey` given) reads them the same way but only lists those that need decoding, so that the
// decoding, most of what images cost, runs on every core before the numbering pass.
class ImageReader {
 public:
  ImageReader(const LinkContext& context, const ReadAsset& read, RemoteImages* remote, Diagnostics& diag,
              Surveyed& surveyed, std::vector<ToFit>* survey = nullptr)
      : context_(context), read_(read), remote_(remote), diag_(diag), surveyed_(surveyed), survey_(survey) {}

  // The href for `use` ("" when it is left out); nothing for a remote image that stays a link.
  std::optional<std::string> resolve(const Post& post, const ImageUse& use) {
    const std::string& src = use.src;
    if (is_file_url(src)) {
      diag_.warn({post.display, use.line, 0, "image `" + src + "` is a file URL, which a book cannot reach; not read",
                  "outside the input folders"});
      return std::string();
    }
    if (has_scheme(src) || src.rfind("//", 0) == 0) return resolve_remote(post, use);
    auto asset = find_asset(post, percent_decode(src.substr(0, src.find_first_of("?#"))));
    if (asset && !asset->empty() && !use.has_alt) warn_no_alt(post, use);
    if (!asset) {
      diag_.warn({post.display, use.line, 0, "image `" + src + "` not found; its alt text is shown instead", "missing image"});
      return std::string();
    }
    if (asset->empty() && !unreadable_.empty())
      diag_.warn({post.display, use.line, 0,
                  "image `" + src + "` cannot be read (" + unreadable_ + "); its alt text is shown instead",
                  "unreadable image"});
    else if (asset->empty())
      diag_.warn(
          {post.display, use.line, 0,
           "image `" + src + "` is not PNG, JPEG, GIF, SVG, WebP, AVIF, HEIC, JPEG XL, BMP, TIFF or ICO; left out",
           "unsupported image"});
    return asset;
  }

  std::vector<Asset> assets;

 private:
  const LinkContext& context_;
  const ReadAsset& read_;
  RemoteImages* remote_;
  Diagnostics& diag_;
  Surveyed& surveyed_;                              // the survey's findings, taken from by the numbering pass
  std::vector<ToFit>* survey_;                      // the survey's list, or null in the numbering pass
  std::set<std::string> listed_;                    // digests the survey listed
  std::map<std::string, std::string> remote_href_;  // src -> href of each remote image already added
  std::map<std::string, size_t> by_digest_;  // the same picture under two names is stored once
  std::string unreadable_;                   // why the last image found could not be decoded

  // The asset's href ("" when the file is not a supported image), or nullopt when no candidate exists.
  // Candidates: beside the post, in its asset folder (Hexo's post_asset_folder: `<post>/<name>`), from the
  // site's source folder for site-root paths, then in the --resource-path folders.
  std::optional<std::string> find_asset(const Post& post, const std::string& src) {
    unreadable_.clear();
    if (src.empty()) return std::nullopt;
    fs::path dir = post.file.parent_path();
    std::vector<fs::path> candidates;
    if (src[0] == '/') {
      std::string rel = src.substr(src.find_first_not_of('/') == std::string::npos ? src.size() : src.find_first_not_of('/'));
      if (!context_.source_dir.empty()) candidates.push_back(context_.source_dir / rel);
      for (const auto& r : context_.resource_paths) candidates.push_back(r / rel);
    } else {
      candidates = {dir / src, dir / post.file.stem() / src};
      for (const auto& r : context_.resource_paths) candidates.push_back(r / src);
    }
    for (const auto& candidate : candidates)
      if (auto bytes = read(candidate))
        return survey_ ? survey(*bytes) : add_asset(fs::weakly_canonical(candidate), std::move(*bytes));
    return std::nullopt;
  }

  // A remote image: the fetch stage's bytes go the way a local file's do; a link stays when it gave none.
  std::optional<std::string> resolve_remote(const Post& post, const ImageUse& use) {
    std::optional<RemoteImage>* fetched = nullptr;
    if (remote_)
      if (auto it = remote_->by_src.find(use.src); it != remote_->by_src.end()) fetched = &it->second;
    if (!fetched) {
      diag_.warn(
          {post.display, use.line, 0, "remote image `" + use.src + "` not fetched; linked instead", "remote image"});
      return std::nullopt;
    }
    if (!*fetched) return std::nullopt;  // the fetch stage said why
    // The bytes move into the book's assets at their first use: a blog's images are held once, not twice.
    auto [done, first] = remote_href_.emplace(use.src, "");
    unreadable_.clear();
    if (first)
      done->second = survey_ ? survey((*fetched)->bytes) : add_asset((*fetched)->file, std::move((*fetched)->bytes));
    const std::string& href = done->second;
    if (href.empty()) {
      diag_.warn({post.display, use.line, 0,
                  "remote image `" + use.src + "` " +
                      (unreadable_.empty()
                           ? "is not PNG, JPEG, GIF, SVG, WebP, AVIF, HEIC, JPEG XL, BMP, TIFF or ICO"
                           : "cannot be read (" + unreadable_ + ")") +
                      "; linked instead",
                  unreadable_.empty() ? "unsupported image" : "unreadable image"});
      return std::nullopt;
    }
    if (!use.has_alt) warn_no_alt(post, use);
    return href;
  }

  // An image's bytes into the book, wherever they came from: the type from the bytes, SVG cleaned, the same
  // picture stored once, numbered in order of first use. Its href, or "" when it is not a supported image.
  std::string add_asset(const fs::path& source, std::string bytes) {
    auto type = sniff_image_type(bytes);
    if (type == "image/svg+xml") {
      auto svg = clean_svg(bytes);
      if (!svg) return std::string();
      bytes = std::move(*svg);
    }
    if (type.empty()) return std::string();
    std::string digest = Sha256().add(bytes).hex();
    auto [it, added] = by_digest_.emplace(digest, assets.size());
    if (added) {
      // Other formats and oversized images are converted (image_convert.h); the rest go in byte for byte.
      FittedImage fitted;
      if (auto ahead = surveyed_.fitted.find(digest); ahead != surveyed_.fitted.end())
        fitted = std::move(ahead->second);
      else if (type != "image/svg+xml") fitted = fit_image(bytes, type, context_.image_max);
      if (fitted.outcome == FittedImage::Outcome::unreadable) {
        by_digest_.erase(it);
        unreadable_ = fitted.error;
        return std::string();
      }
      const bool converted = fitted.outcome == FittedImage::Outcome::converted;
      if (converted) {
        bytes = std::move(fitted.bytes);
        type = fitted.media_type;
      }
      char name[32];
      std::snprintf(name, sizeof name, "images/i%04zu", assets.size() + 1);
      assets.push_back({source, name + extension_for(type), type, std::move(bytes), std::move(digest), converted});
    }
    return assets[it->second].href;
  }

  // A file's bytes: the survey reads and keeps them, the numbering pass takes them (a second use reads again).
  std::optional<std::string> read(const fs::path& file) {
    if (survey_) {
      auto [it, added] = surveyed_.reads.try_emplace(file);
      if (added) it->second = read_(file);
      return it->second;
    }
    auto it = surveyed_.reads.find(file);
    if (it == surveyed_.reads.end()) return read_(file);
    auto bytes = std::move(it->second);
    surveyed_.reads.erase(it);
    return bytes;
  }

  // The survey's part of add_asset: the image listed when it needs decoding. Any non-empty href will do.
  std::string survey(const std::string& bytes) {
    auto type = sniff_image_type(bytes);
    if (type.empty() || type == "image/svg+xml" || !may_need_fitting(bytes, type, context_.image_max)) return "-";
    std::string digest = Sha256().add(bytes).hex();
    if (listed_.insert(digest).second) survey_->push_back({digest, bytes, type});
    return "-";
  }

  void warn_no_alt(const Post& post, const ImageUse& use) {
    diag_.warn({post.display, use.line, 0,
                "image `" + use.src + "` has no alt text; readers who cannot see it get nothing",
                "image without alt text"});
  }
};

void replace_by_text(pugi::xml_node img, const std::string& alt) {
  if (!alt.empty()) img.parent().insert_child_before(pugi::node_pcdata, img).set_value(alt.c_str());
  img.parent().remove_child(img);
}

}  // namespace

LinkRewriter::LinkRewriter(const std::vector<Chapter>& chapters, const LinkContext& context, const ImageTable& images,
                           Diagnostics& diag)
    : chapters_(chapters), context_(context), posts_(std::make_unique<PostIndex>(chapters, context)), images_(images),
      diag_(diag) {}

LinkRewriter::~LinkRewriter() = default;

void LinkRewriter::rewrite(size_t chapter, const std::string& page_href, pugi::xml_document& page) const {
  const Chapter& ch = chapters_[chapter];
  // Images first: one inside a link may become text, which the links then see.
  for (auto img : elements_below(page, [](pugi::xml_node n) { return is_named(n, "img"); })) image(chapter, img);
  for (auto a : elements_below(page, [](pugi::xml_node n) { return is_named(n, "a") && n.attribute("href"); }))
    link(ch, page_href, a);
  walk_below(page, [](pugi::xml_node n) {
    n.remove_attribute(kLineAttr);
    return true;
  });
}

// `page` is the file of the chapter that holds the link.
void LinkRewriter::link(const Chapter& ch, const std::string& page, pugi::xml_node a) const {
  std::string href = a.attribute("href").value();
  int line = a.attribute(kLineAttr).as_int();
  if (std::string own = own_site_path(href, context_.site_url); !own.empty()) {
    // The site's own page: a chapter when the book holds it, else the page on the web as it was.
    std::string own_path = percent_decode(own.substr(0, own.find_first_of("?#")));
    if (posts_->find(*ch.post, own_path)) {
      size_t query = own.find('?'), hash = own.find('#');
      href = query < hash ? own.substr(0, query) + (hash == std::string::npos ? "" : own.substr(hash)) : own;
    }
  }
  if (has_scheme(href)) {
    if (!is_web_scheme(url_scheme(href)))
      return drop(ch, a, line, "link `" + href + "` has a scheme readers do not know");
    href = without_invisible_host_characters(href);
    if (!has_parsable_host(href)) return drop(ch, a, line, "link `" + href + "` has a host no URL parser reads");
    a.attribute("href") = uri_escape(href).c_str();
    return;
  }
  if (href.empty()) return;
  if (href.rfind("//", 0) == 0) {
    a.attribute("href") = ("https:" + href).c_str();
    return;
  }
  auto hash = href.find('#');
  std::string path = percent_decode(href.substr(0, hash));
  std::string fragment = hash == std::string::npos ? "" : percent_decode(href.substr(hash + 1));
  const Chapter* target = &ch;
  // Single-page book sites (GitBook, docsify) link chapters as `#docs/intro`.
  if (path.empty() && fragment.find('/') != std::string::npos && !find_anchor(ch, fragment)) {
    path = "/" + fragment.substr(fragment.find_first_not_of('/'));
    fragment.clear();
  }
  if (!path.empty()) {
    auto found = posts_->find(*ch.post, path);
    if (!found && href[0] == '/' && is_http_url(context_.site_url)) {
      // A page of the published site that is not in the book: link to it there.
      std::string base = context_.site_url;
      while (!base.empty() && base.back() == '/') base.pop_back();
      // Links under the site's root hold the root already: "https://x.io/blog" + "/blog/about/".
      if (size_t at = base.find('/', base.find("//") + 2);
          at != std::string::npos && href.starts_with(base.substr(at) + "/"))
        base.resize(at);
      a.attribute("href") = (base + href).c_str();
      return;
    }
    if (!found) return drop(ch, a, line, "link to `" + href + "` does not lead to a post");
    target = &chapters_[*found];
  }
  std::string id;
  if (!fragment.empty()) {
    auto anchor = find_anchor(*target, fragment);
    if (!anchor) return drop(ch, a, line, "link to `" + href + "`: no such heading");
    id = *anchor;
  }
  const std::string& target_page = id.empty() ? target->href : target->href_of(id);
  std::string file = target_page == page ? "" : fs::path(target_page).filename().string();
  if (file.empty() && id.empty()) id = "top";
  a.attribute("href") = (file + (id.empty() ? "" : "#" + id)).c_str();
}

void LinkRewriter::image(size_t chapter, pugi::xml_node img) const {
  std::string src = img.attribute("src").value();
  std::string alt = img.attribute("alt").value();
  const auto& hrefs = images_.href[chapter];
  auto it = hrefs.find(src);
  bool fetched = it != hrefs.end() && !it->second.empty();
  if (!fetched && !is_file_url(src) && (has_scheme(src) || src.rfind("//", 0) == 0)) {
    if (img.select_node("ancestor::*[local-name()='a']")) return replace_by_text(img, alt.empty() ? src : alt);
    // Marked, so that it can be told from a link the author wrote (by a stylesheet, by the leak check).
    auto a = img.parent().insert_child_before("a", img);
    a.append_attribute("class") = "remote-image";
    a.append_attribute("href") = (src.rfind("//", 0) == 0 ? "https:" + src : src).c_str();
    a.text().set((alt.empty() ? src : alt).c_str());
    img.parent().remove_child(img);
    return;
  }
  if (!fetched) return replace_by_text(img, alt);
  img.attribute("src") = ("../" + it->second).c_str();
}

void LinkRewriter::drop(const Chapter& ch, pugi::xml_node a, int line, const std::string& why) const {
  diag_.warn({ch.post->display, line, 0, why + "; kept as plain text", "broken link"});
  unwrap_element(a);
}

void list_images(const pugi::xml_document& page, std::vector<ImageUse>& out) {
  for (auto x : page.select_nodes("//img")) {
    auto img = x.node();
    out.push_back({img.attribute("src").value(), img.attribute(kLineAttr).as_int(), *img.attribute("alt").value() != 0});
  }
}

namespace {

// Every image the book uses read, and those that need decoding fitted on `jobs` threads. One that cannot be decoded is
// left to the numbering pass, which fits it again alone: libvips keeps one error buffer for all threads, and the
// warning must name this image's reason.
Surveyed survey_images(const std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                       RemoteImages* remote, int jobs) {
  Surveyed surveyed;
  std::vector<ToFit> to_fit;
  {
    Diagnostics unused;  // the numbering pass says everything
    ImageReader survey(context, read, remote, unused, surveyed, &to_fit);
    for (const auto& ch : chapters)
      for (const auto& use : ch.images) survey.resolve(*ch.post, use);
  }
  std::vector<FittedImage> fitted(to_fit.size());
  parallel_for(to_fit.size(), jobs, [&](size_t i) {
    fitted[i] = fit_image(to_fit[i].bytes, to_fit[i].media_type, context.image_max);
    to_fit[i].bytes = std::string();
  });
  for (size_t i = 0; i < to_fit.size(); ++i)
    if (fitted[i].outcome != FittedImage::Outcome::unreadable)
      surveyed.fitted.emplace(to_fit[i].digest, std::move(fitted[i]));
  return surveyed;
}

}  // namespace

ImageTable resolve_images(const std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                          Diagnostics& diag, RemoteImages* remote, int jobs) {
  GiveBackMemoryOnExit give_back;  // what decoding and scaling images used
  Surveyed surveyed = survey_images(chapters, context, read, remote, jobs);
  ImageReader reader(context, read, remote, diag, surveyed);
  ImageTable table;
  table.href.resize(chapters.size());
  for (size_t i = 0; i < chapters.size(); ++i)
    for (const auto& use : chapters[i].images)
      if (auto href = reader.resolve(*chapters[i].post, use)) table.href[i].emplace(use.src, *href);
  table.assets = std::move(reader.assets);
  return table;
}

std::vector<Asset> resolve_links(std::vector<Chapter>& chapters, const LinkContext& context, const ReadAsset& read,
                                 Diagnostics& diag, RemoteImages* remote, int jobs) {
  for (auto& ch : chapters) {
    ch.images.clear();
    list_images(*ch.doc, ch.images);
    for (const auto& page : ch.continued) list_images(*page.doc, ch.images);
  }
  ImageTable images = resolve_images(chapters, context, read, diag, remote, jobs);
  LinkRewriter rewriter(chapters, context, images, diag);
  for (size_t i = 0; i < chapters.size(); ++i) {
    rewriter.rewrite(i, chapters[i].href, *chapters[i].doc);
    for (auto& page : chapters[i].continued) rewriter.rewrite(i, page.href, *page.doc);
  }
  return std::move(images.assets);
}

}  // namespace mkepub
