// Template tags of the common Hexo themes, as each documents them: NexT (https://theme-next.js.org/docs/tag-plugins/),
// Butterfly (https://butterfly.js.org/posts/4aa8abbe/, "Tag Plugins"), Fluid (https://hexo.fluid-dev.com/docs/guide/,
// "Tag plugins") and Volantis (https://volantis.js.org/v5/tag-plugins/). Icons are dropped, collapsed content is
// shown, every tab is shown under its title.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialects/tags/tag_render.h"

namespace mkepub::tags {

// An argument that names an icon, not text: Font Awesome classes (`fas fa-rocket`, `fa-solid fa-house`),
// `iconfont icon-x`, `@icon`. Themes take them in the places of titles; they are never shown.
bool is_icon(std::string_view arg);

// A theme tag without a body (btn/button, label, checkbox/radio/cb, inlineImg/inlineimage, span/p, hideInline,
// cell, caniuse, video, pdf, galleryGroup); nullopt for any other name.
std::optional<std::string> render_theme_tag(std::string_view name, const std::vector<std::string>& args,
                                            std::string_view raw_args);
// A theme block tag (note, noteblock, tabs/subtabs, hideToggle/hideBlock, folding/fold, gallery/grouppicture/gp/gi,
// btns, centerquote/cq, timeline); nullopt for any other.
std::optional<Block> theme_block(std::string_view name, const std::vector<std::string>& args,
                                 std::string_view raw_args);
// NexT's `{% linkgrid %}` body, a line per link (`Title | url | comment | image`): a Markdown list of the links with
// their comments, line for line; the images (site avatars) are left out.
std::string link_grid(std::string_view body);
// FixIt's `{{< timeline >}}` body (https://fixit.lruihao.cn/documentation/content-management/shortcodes/extended/timeline/):
// YAML with `events`, each a `timestamp` and a `content` (Markdown), as the list Hexo themes' timelines make, its
// line count kept; nullopt when the body is not such YAML.
std::optional<std::string> timeline_events(std::string_view body);
// Volantis's one-line note, `{% note info, text %}` (no end tag): the box with its text.
std::string inline_note(std::string_view raw_args);
bool is_tabs(std::string_view name);  // tabs and NexT's subtabs hold `<!-- tab -->` sections

// The HTML taking the place of `<!-- tab caption -->` inside `{% tabs name %}` (number counts from 1), and of
// `<!-- timeline caption -->` inside `{% timeline %}`.
std::string tab_title(std::string_view caption, std::string_view tabs_args, int number);
std::string timeline_item(std::string_view caption);

}  // namespace mkepub::tags
