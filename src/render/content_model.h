// Repairs a converted page against HTML's content model (base/content_model.h), which HTML5 parsers do not
// enforce but EPUB's XHTML schema does.
#pragma once

#include <pugixml.hpp>

namespace mkepub {

// Fixes, until none is left, every nesting the content model table forbids, each by its rule:
//   a block inside a phrasing element is lifted out, splitting the element around it;
//   anything but `li` directly in a list goes into the `li` before it, or a new one;
//   `li` outside a list, and `dt`/`dd` outside a `dl`, are wrapped in a `ul` or a `dl`, with their `li`/`dt`/`dd`
//   siblings;
//   anything but `dt`/`dd`/`div` directly in a `dl` goes into the `dd` before it, or a new one; a `dd` with no
//   `dt` before it gets an empty one, a last `dt` an empty `dd`; `div`s mixed with `dt`/`dd` are unwrapped;
//   a link inside a link is unwrapped.
void repair_content_model(pugi::xml_node root);

}  // namespace mkepub
