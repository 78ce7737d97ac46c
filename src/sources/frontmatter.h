// Posts: a source file's front matter (YAML, TOML or JSON: Hexo's, Jekyll's and Hugo's fields) and its body.
#pragma once

#include "base/book.h"
#include "base/diagnostics.h"

namespace YAML {
class Node;
}

namespace mkepub {

class YamlFields;

// The post in `source`; throws InputError with the line and column in the post file for bad front matter.
// Odd but harmless values (a date that is not a date, a map where a list belongs) are warnings.
// The source's text becomes the post's body (moved, not copied).
// Front matter as Hugo and Jekyll read it: YAML between `---` lines, TOML between `+++` lines, a JSON object.
Post parse_post(SourceFile source, Diagnostics& diag);
// As Hugo reads it: the same, after any blank lines the file opens with.
Post parse_hugo_post(SourceFile source, Diagnostics& diag);
// As Hexo reads it (hexo-front-matter): YAML with tab indents, JSON between `;;;` lines, no opening separator.
Post parse_hexo_post(SourceFile source, Diagnostics& diag);

// A dialect's own front matter keys (Obsidian's `aliases`, `created`...): called for each key parse_post does not
// read, with the post as read so far.
using ReadOtherKey = void (*)(const std::string& key, const YAML::Node& value, Post& post, YamlFields& fields);
Post parse_post(SourceFile source, Diagnostics& diag, ReadOtherKey other);

}  // namespace mkepub
