// Limits on what one run reads, so that one pathological file fails with a clear message instead of exhausting
// memory, time or the stack (README.md, "Limits"). Each is far above what real blogs and books need.
#pragma once

#include <cstddef>

namespace mkepub {

// About 5 times the largest post in the test corpora (850 KB); rendering takes up to ~250 bytes of memory per byte
// of Markdown (a post of one-character list items), so one post stays near 1 GB at worst.
constexpr size_t kMaxPostBytes = size_t(4) << 20;
// All the posts of one book together, and their number: 5 and 3 times the largest corpus (46 MB, 3088 pages).
constexpr size_t kMaxTotalPostBytes = size_t(256) << 20;
constexpr size_t kMaxPosts = 10000;
// Elements inside elements in a post (block quotes, lists, emphasis, raw HTML). libxml2, which many reading
// systems parse XHTML with, refuses documents deeper than 256; the page around the post needs a few levels.
constexpr int kMaxNesting = 100;
// Values in one YAML document once its aliases are expanded: aliases let a few lines stand for billions
// ("billion laughs") or for an endless tree (an alias inside its own anchor).
constexpr size_t kMaxYamlValues = 100000;
// Text that includes and embeds add to one post, all together: a file that includes itself twice, eight deep, is
// 256 copies, and one include can be any size up to kMaxAssetBytes; either would pass kMaxPostBytes many times.
constexpr size_t kMaxIncludedBytes = kMaxPostBytes;
// Folders one glob in a book config's `sources:` lists: `**` reaches every folder below, so this is about the
// largest tree a glob may search (a checkout of a large documentation site has a few thousand).
constexpr size_t kMaxGlobListings = 100000;
// One metadata value (a title, a description, a tag): the cover and title page lay the title out with Pango, in
// time that grows with its square (a 2 MB title took 30 s).
constexpr size_t kMaxMetadataBytes = size_t(64) << 10;
// Any other file read into the book (an image, an included file).
constexpr size_t kMaxAssetBytes = size_t(64) << 20;
// A book `mkepub check` reads (it is held whole, and unpacked up to four times its size): past every book mkepub
// writes within the limits above, whose images are compressed already.
constexpr size_t kMaxCheckedBookBytes = size_t(1) << 30;

}  // namespace mkepub
