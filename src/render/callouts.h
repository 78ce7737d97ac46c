// Alerts, callouts and admonitions for the Markdown stage (markdown.cpp), behind the same cmark-gfm boundary:
// GitHub alerts (`> [!NOTE]`), Obsidian callouts (`> [!type]- Title`, nested), and the `:::` containers of
// Docusaurus and VuePress/VitePress (markdown-it-container), all as one styled aside.
#pragma once

#include <pugixml.hpp>
#include <string>

struct cmark_node;

namespace mkepub {

// `:::type Title` ... `:::` containers (Docusaurus `:::note[Title]`, VitePress `::: warning Title`, nesting by
// longer fences or plain stacking, `:::details`) rewritten, line for line, as callout block quotes
// (`> [!type] Title`, their content prefixed with `> `), so the post keeps its line numbers and the content stays
// Markdown. Fences inside fenced code are left alone; VitePress's `raw`, `v-pre` and `code-group` containers only
// lose their fences. Empty when the Markdown has no container.
std::string open_admonitions(const std::string& markdown);

// Takes out the marks open_admonitions leaves where a container closes.
void drop_container_ends(cmark_node* doc);

// Block quotes whose first line is `[!type]` (optionally `+`/`-`, then a title) become
// `<aside class="callout callout-TYPE" role="...">` with a `<p class="callout-title">` first: the title as
// written, else the type's name. Needs consolidated text nodes.
void make_callouts(cmark_node* doc);

// epub:type "tip" (EPUB SSV) on the tip callouts under `content`, matching their role doc-tip; raw HTML may not
// carry the attribute, so it is added after the XHTML stage.
void mark_callouts(pugi::xml_node content);

}  // namespace mkepub
