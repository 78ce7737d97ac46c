// The render cache's key over RenderOptions, beside the struct so that the two change together.
#include "base/options.h"

#include "base/digest.h"

namespace mkepub {

void add_render_key(KeyHash& key, const RenderOptions& options) {
  // Every field by name: a field added to RenderOptions stops this from compiling until it is hashed here or
  // excluded here with its reason.
  const auto& [vertical, keep_going, templates, highlight] = options;
  key.num(vertical).num(keep_going).num(highlight);
  (void)templates;  // excluded: the templates' text is hashed instead (ChapterCache), wherever they come from
}

}  // namespace mkepub
