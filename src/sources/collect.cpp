// Collecting: load -> parse -> filter, for one book's inputs.
#include "sources/collect.h"

#include "sources/load.h"

namespace mkepub {

std::optional<Collected> collect_posts(const Options& options, Diagnostics& diag, PostMemo* memo, bool split) {
  auto loaded = load_sources(options.inputs, options.keep_going, diag, options.jobs, !split);
  Collected c{loaded.site, parse_posts(std::move(loaded.sources), options.keep_going, diag, options.filters.drafts,
                                       memo, options.jobs)};
  if (diag.failed()) return std::nullopt;
  c.posts = filter_posts(std::move(c.posts), options.filters);
  return c;
}

}  // namespace mkepub
