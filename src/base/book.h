// The values that flow through mkepub's pipeline: sources -> posts -> chapters -> book -> entries -> .epub.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/options.h"

namespace pugi {
class xml_document;
}

namespace mkepub {

namespace fs = std::filesystem;

struct Dialect;

// One input file, decoded: UTF-8 without BOM, LF line ends.
struct SourceFile {
  fs::path file;        // on disk
  std::string display;  // how messages name it (as the user wrote the input)
  fs::path root;        // the input folder it was found in; nothing outside it is read
  std::string text;
  int nesting = 0;            // a book's SUMMARY.md: how deep the chapter sits
  std::string part;           // ... the part title that opens before it
  std::string summary_title;  // ... and its title there
  const Dialect* dialect = nullptr;  // the site's (dialects/dialect.h), which reads its front matter; none: plain
};

struct Post {
  fs::path file;
  std::string display;
  fs::path root;
  std::string title;
  std::optional<Date> date, updated;
  std::vector<std::string> tags, categories;
  std::vector<std::string> keywords;
  std::vector<std::string> authors;  // `author` or `authors`: a name, a map with `name`, or a list of them
  std::string description, language, abbrlink;
  std::string permalink;  // the post's own URL on its site, or a pattern (Hexo's and Jekyll's `permalink:`), or empty
  bool toc = true;
  bool toc_number = false;
  bool draft = false;
  // Hugo (https://gohugo.io/content-management/front-matter/): `weight` orders pages before their dates (0 and
  // none come after the weighted ones); `slug`, `url` and `aliases` give the page's published addresses.
  int weight = 0;
  std::string slug, url;
  std::vector<std::string> aliases;  // and Obsidian's: other names wikilinks may give the note
  std::string left_out;  // why the site publishes it in no list (`headless`, `build.list: never`): left out
  std::string body;   // Markdown after the front matter
  int body_line = 1;  // line of the post file where body starts
  int nesting = 0;    // from a SUMMARY.md (see SourceFile)
  std::string part, summary_title;
};

struct Heading {
  int level = 1;       // 1 is the chapter title; the post's own headings are 2..6
  std::string id;      // ASCII, unique within its file
  std::string text;
  std::string number;  // "1.2" when the post asks for toc_number
  std::string slug;    // the post's own anchor for it (GitHub/Hexo style), for links written by hand
};

// A page while the rest of the book is assembled: written out and deflated (fast), a tenth of its DOM's size.
struct Parked {
  std::string deflated;
  size_t size = 0;
};

// One more XHTML file of a chapter: long posts are split so that no file is too big for a reader.
struct Page {
  std::string href;
  std::shared_ptr<pugi::xml_document> doc;
  Parked parked;  // while the book is assembled (see park_pages)
};

// An <img> as the post wrote it, listed before the page is parked; the book's images are read from these.
struct ImageUse {
  std::string src;
  int line = 0;
  bool has_alt = false;
};

// A post rendered into an XHTML page. Its DOM is parked (written out, dropped) once rendered, and opened again
// when links across the book are resolved: thousands of open DOMs would take gigabytes.
struct Chapter {
  const Post* post = nullptr;
  std::string href;  // "text/c0001.xhtml", relative to the package folder
  std::string title;
  std::string language;  // BCP 47
  std::vector<Heading> headings;  // [0] is the chapter title
  std::map<std::string, std::string> anchors;  // how links written by hand may name a spot -> its id
  std::shared_ptr<pugi::xml_document> doc;
  std::vector<Page> continued;                  // the rest of a long post, in order
  std::map<std::string, std::string> page_of_id;  // ids that moved to a continued page -> its href
  Parked parked;                                // the first page while parked
  std::vector<ImageUse> images;                 // in order, every page's
  bool highlighted = false;                     // holds highlighted code (its stylesheet goes into the book)
  bool code_lines = false;                      // holds numbered or marked code lines (render/code_lines.h)

  // The file holding `id` (the chapter's first page unless the id moved).
  const std::string& href_of(const std::string& id) const {
    auto it = page_of_id.find(id);
    return it == page_of_id.end() ? href : it->second;
  }
};

struct Asset {
  fs::path source;    // canonical path on disk
  std::string href;   // "images/i0001.png"
  std::string media_type;
  std::string bytes;
  std::string sha256;      // of the file's bytes, for the images of posts (found once by it, and read again by it)
  bool converted = false;  // `bytes` were made from the file (another format, scaled): held, not read again
};

// A font face subset for the book (fonts/f0001.ttf ...).
struct EmbeddedFont {
  std::string href;
  std::string media_type;  // font/ttf or font/otf
  std::string bytes;       // obfuscated when the book asks for it
  std::string family;      // the CSS family name
  bool bold = false, italic = false, mono = false;
  bool obfuscated = false;
};

struct Metadata {
  std::string identifier;  // "urn:uuid:..."
  std::string title;
  std::string subtitle;
  std::vector<std::string> creators;
  std::vector<std::string> contributors;  // the posts' other authors, when many wrote them (book/metadata.h)
  std::string language;
  std::string date;      // YYYY-MM-DD
  std::string modified;  // YYYY-MM-DDThh:mm:ssZ
  std::string description;
  std::vector<std::string> subjects;
  std::string publisher, rights;
  std::string series, series_index;  // belongs-to-collection and its group-position; calibre:series
};

struct Book {
  Metadata meta;
  std::map<std::string, std::string> templates;  // --templates overrides, by file name
  std::optional<Asset> cover;                    // the cover image (given, or rendered)
  std::string date_range;                        // "2019-03-01 – 2024-05-18", for the title page
  bool every_image_has_alt = true;
  std::vector<EmbeddedFont> fonts;
  std::vector<Chapter> chapters;
  std::vector<Asset> assets;
  int toc_depth = 3;
  bool vertical = false;  // vertical writing: every page marked, the spine right to left
  std::string highlight_style;  // the token theme, when a chapter holds highlighted code; else empty
  bool code_lines = false;      // a chapter holds numbered or marked code lines: their rules join the stylesheet
};

// One file of the container, in the order it is written.
struct Entry {
  std::string path;  // inside the zip
  std::string bytes;
  bool stored = false;  // mimetype is stored, everything else deflated
  // Already deflated (on a worker thread, see deflate.h): `bytes` is raw DEFLATE data of `size` bytes whose
  // CRC-32 is `crc`; the zip writer copies it as it is.
  bool deflated = false;
  size_t size = 0;
  unsigned long crc = 0;
};

// Where the package document lives inside the container; every href in the book is relative to it.
inline constexpr const char* kPackageDir = "EPUB/";

}  // namespace mkepub
