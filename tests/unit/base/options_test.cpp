#include <doctest/doctest.h>

#include "base/digest.h"
#include "base/options.h"

using namespace mkepub;

namespace {

std::string key_of(const RenderOptions& o) {
  KeyHash k;
  add_render_key(k, o);
  return k.h.hex();
}

}  // namespace

// add_render_key names every field of RenderOptions (a new field does not compile until it is hashed or excluded
// there); this checks that the hashed ones change the key and the excluded one does not.
TEST_CASE("options: every rendering option that shapes a chapter changes the render cache's key") {
  const RenderOptions plain;
  RenderOptions vertical = plain, keep_going = plain, templates = plain, no_highlight = plain;
  vertical.vertical = true;
  no_highlight.highlight = false;
  keep_going.keep_going = true;
  templates.templates = "some/folder";  // excluded: the templates' text is hashed by the cache itself
  CHECK(key_of(vertical) != key_of(plain));
  CHECK(key_of(keep_going) != key_of(plain));
  CHECK(key_of(vertical) != key_of(keep_going));
  CHECK(key_of(no_highlight) != key_of(plain));
  CHECK(key_of(templates) == key_of(plain));
}

TEST_CASE("options: Options is what the book is, how it renders and how the run goes, each usable alone") {
  Options o;
  o.title = "T";
  o.vertical = true;
  o.jobs = 2;
  const BookOptions& book = o;
  const RenderOptions& render = o;
  const RunOptions& run = o;
  CHECK(book.title == "T");
  CHECK(render.vertical);
  CHECK(run.jobs == 2);
}
