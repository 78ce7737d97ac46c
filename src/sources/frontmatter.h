// Posts: a source file's YAML front matter (Hexo's fields) and its Markdown body (yaml-cpp lives here).
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// The post in `source`; throws InputError with the line and column in the post file for bad front matter.
// Odd but harmless values (a date that is not a date, a map where a list belongs) are warnings.
// The source's text becomes the post's body (moved, not copied).
Post parse_post(SourceFile source, Diagnostics& diag);

}  // namespace mkepub
