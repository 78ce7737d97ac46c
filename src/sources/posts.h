// Posts: every source file parsed (front matter and body), drafts left out, template tags expanded, ordered.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "base/book.h"
#include "base/diagnostics.h"
#include "dialects/site.h"

namespace mkepub {

class Vault;

// Posts already parsed in this run, by file: a post in several books of a config is parsed once.
struct PostMemo {
  std::map<fs::path, Post> parsed;
  size_t reused = 0;
};
// The posts of `sources`, in their order; drafts are left out with a note, broken ones reported (or, with
// `keep_going`, left out with a warning). Parsed on `jobs` threads (0: every core).
std::vector<Post> parse_posts(std::vector<SourceFile> sources, bool keep_going, Diagnostics& diag,
                              bool keep_drafts = false, PostMemo* memo = nullptr, int jobs = 0);

// The posts a book's filters take: any of the tags or categories (when given), dated within from..to.
std::vector<Post> filter_posts(std::vector<Post> posts, const Filters& filters);

// By date, then file name; posts without a date come after the dated ones.
void sort_posts(std::vector<Post>& posts, Options::Sort sort);

using ReadInclude = std::function<std::optional<std::string>(const fs::path&)>;

// Expands Hexo/Liquid/Hugo/mdBook tags in a post's body; post_link finds posts among `posts` (which must outlive
// it). `read` reads an included file (confined to the inputs). expand() may run for several posts at once.
class PostTagExpander {
 public:
  PostTagExpander(const std::vector<Post>& posts, const std::optional<Site>& site, ReadInclude read);
  std::string expand(const Post& post, Diagnostics& diag) const;

 private:
  std::map<std::string, const Post*> by_slug_;
  std::shared_ptr<const Vault> vault_;  // an Obsidian vault's files and the notes' aliases, for wikilinks
  const std::optional<Site>& site_;
  ReadInclude read_;
};

// Every post's body expanded, one after another.
void expand_post_tags(std::vector<Post>& posts, const std::optional<Site>& site, const ReadInclude& read,
                      Diagnostics& diag);

}  // namespace mkepub
