// The package document: metadata, manifest, spine and the EPUB 2 guide.
#pragma once

#include "base/book.h"

namespace mkepub {

// content.opf for the book; the manifest lists the nav, the NCX, the stylesheet, chapters and assets.
std::string render_opf(const Book& book);

}  // namespace mkepub
