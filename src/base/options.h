// What the user asked for, from the command line and a book config, in three parts: what the book is, what
// shapes the rendering of its posts (the render cache's key covers each field), and how the run goes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mkepub {

namespace fs = std::filesystem;

struct KeyHash;

// A calendar date with optional time and zone, as posts and filters write them.
struct Date {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  std::optional<int> zone_minutes;  // offset from UTC; none when the post gave no zone
};

// Which posts a book takes (a book config's `filters`): all of the given tags/categories' posts (any of them),
// between the dates (inclusive), drafts only when asked.
struct Filters {
  std::vector<std::string> tags, categories;
  std::optional<Date> from, to;
  bool drafts = false;
};

// What becomes of an <img> whose src is http(s): fetched (through the image store), taken from the store alone
// (--offline), or left a link (--no-remote-images).
enum class RemoteImageMode { fetch, offline, link };

// What the book is: where it comes from, where it goes, what it says of itself and how it looks.
struct BookOptions {
  std::vector<fs::path> inputs;
  fs::path output;
  std::string title;
  std::vector<std::string> authors;
  std::string language;
  std::string identifier;
  std::vector<fs::path> resource_paths;  // more folders to find images in
  int toc_depth = 3;
  enum class Sort { date, name } sort = Sort::date;
  bool sort_given = false;  // a book's SUMMARY.md order holds unless --sort is given
  std::string description;
  std::string subtitle;
  fs::path cover;                  // --cover: an image file for the cover; none: one is rendered
  std::vector<std::string> fonts;  // --font: families or files to embed, body first; "auto": the configured one
  std::string mono_font;           // --mono-font: for code
  bool obfuscate_fonts = false;    // --obfuscate-fonts: IDPF font obfuscation
  std::string publisher, rights;
  std::string series, series_index;  // belongs-to-collection; calibre:series
  std::string highlight_style = "default";  // --highlight-style: the highlighted code's theme (epub/highlight_css.h)
  Filters filters;
  std::optional<long long> source_date_epoch;  // SOURCE_DATE_EPOCH, read by main
  int image_max = 2048;  // --image-max: longest side of an image in pixels, larger ones scaled down; 0: never
  std::vector<fs::path> css;          // --css: stylesheets added after the book's own
  RemoteImageMode remote_images = RemoteImageMode::fetch;
  double fetch_timeout = 25;          // --fetch-timeout: seconds one remote image's transfer may take
  size_t fetch_max_bytes = 20 << 20;  // --fetch-max-bytes: a larger remote image is not fetched
};

// What shapes each post's rendered pages. Every field is hashed into the render cache's key or excluded there by
// name (add_render_key, options.cpp), so that a new field cannot silently reuse chapters rendered without it.
struct RenderOptions {
  bool vertical = false;    // vertical writing, pages turned right to left
  bool keep_going = false;  // posts with errors are left out (a warning each) instead of failing the build
  fs::path templates;       // --templates: a folder of template files overriding the defaults
  bool highlight = true;    // code blocks naming a language highlighted (--no-highlight: not)
};
void add_render_key(KeyHash& key, const RenderOptions& options);

// How the run goes: what it prints, how many threads, which books of a batch, the cache.
struct RunOptions {
  bool quiet = false;
  bool verbose = false;
  int jobs = 0;               // -j: threads for rendering posts and building books; 0: every core
  fs::path depfile;           // --depfile: make/ninja dependencies of the books written
  std::string split_by;       // --split-by year|category|tag: one book per group, into the folder `output`
  int shard = 1, shards = 1;  // --shard K/N
  fs::path cache_dir;         // --cache-dir / MKEPUB_CACHE_DIR; empty: no cache (or --no-cache)
  std::string cache_shape;    // the run's executable and command line, hashed (by main) for the books' keys
  fs::path image_store;       // where fetched remote images are kept (image_store_dir); empty: nowhere
};

struct Options : BookOptions, RenderOptions, RunOptions {};

}  // namespace mkepub
