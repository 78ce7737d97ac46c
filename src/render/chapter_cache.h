// The render stage's cache: each post as render_chapters leaves it (its Chapter without a DOM, its pages parked,
// its script counts and the messages it gave), kept under --cache-dir, so a book with one changed post renders
// only that post. Everything after rendering (links, metadata, packaging) still runs for the whole book.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/language.h"
#include "sources/posts.h"
#include "dialects/site.h"
#include "epub/templates.h"

namespace mkepub {

// The files one post's tags read (includes), each with its bytes' hash ("" when it could not be read): a cached
// post is reused only while they still read the same.
struct IncludeReads {
  std::vector<std::pair<fs::path, std::string>> files;
};

// While alive, what `logging_reader` reads on this thread is noted in `log`. Tags are expanded one post at a time
// on each worker thread, so a thread's reads are its current post's.
class LogIncludes {
 public:
  explicit LogIncludes(IncludeReads& log);
  ~LogIncludes();
  LogIncludes(const LogIncludes&) = delete;
  LogIncludes& operator=(const LogIncludes&) = delete;

 private:
  IncludeReads* outer_;
};
ReadInclude logging_reader(ReadInclude read);

// One post as the render stage leaves it.
struct RenderedPost {
  Chapter chapter;  // without post and doc; href as rendered
  ScriptCounts counts;
  std::vector<Diagnostic> warnings, notes;
  IncludeReads includes;
};

// The entry's bytes, and back: nullopt for anything that is not a whole entry of this version (a miss).
std::string encode_rendered_post(const RenderedPost& post);
std::optional<RenderedPost> decode_rendered_post(std::string_view bytes);

// One book's entries, in one file: <cache dir>/chapters/<hash of the book's output path>.pack. One file rather
// than one per post: creating a thousand files costs more than the rendering of a small book.
class ChapterCache {
 public:
  // `posts` in the book's order; `roots` are the folders tags may read from through `read`.
  ChapterCache(const fs::path& cache_dir, const Options& options, const std::optional<Site>& site,
               const std::vector<Post>& posts, const TemplateOverrides& templates, const std::vector<fs::path>& roots,
               ReadInclude read);

  // Everything rendering `post` as `href` reads, hashed. Taken before the post's body is expanded and dropped.
  std::string key_of(const Post& post, const std::string& href) const;
  // The entry for `key` whose includes still read the same, or nullopt.
  std::optional<RenderedPost> load(const std::string& key);
  void store(const std::string& key, const RenderedPost& post);
  // Writes the book's file anew with the entries this build read or stored, and only those: old versions of its
  // posts go. Not written when nothing changed; failing to write is not the build's failure (only misses later).
  void save();
  size_t reused() const;

 private:
  fs::path file_;
  std::string book_;  // the key's part that is the same for every post of the book
  ReadInclude read_;
  std::string pack_;  // the file as it was read
  std::map<std::string, std::string_view> old_;  // its entries, by key
  mutable std::mutex mu_;
  std::map<std::string, std::string> new_;  // entries stored in this build
  std::set<std::string> reused_;
};

}  // namespace mkepub
