// Template tags, the part without the scan (tags.cpp does the scan): argument parsing and one renderer per family
// of Hexo tag plugins and Hugo shortcodes, each a function of the tag's arguments only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mkepub::tags {

// Hexo/Liquid arguments: split at spaces; "a b" and 'a b' are one argument.
std::vector<std::string> split_args(std::string_view text);

// Hugo shortcode arguments: positional ("a b", `raw`, word) and named (key="value", key=value).
struct ShortcodeArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
  // The named argument `key`, else the positional one at `index` (-1: none), else "".
  std::string get(const std::string& key, int index = -1) const;
};
ShortcodeArgs parse_shortcode_args(std::string_view text);

std::string html_escape(std::string_view text);  // & < > " ' as marked and Liquid's `escape` write them
// Literal text in Markdown: the punctuation Markdown would read is backslash-escaped.
std::string md_text(std::string_view text);
// `text` is Markdown already (see md_text); href and title are plain.
std::string md_link(std::string_view text, std::string_view href, std::string_view title = {});
std::string md_image(std::string_view alt, std::string_view src, std::string_view title = {});
std::string code_span(std::string_view code);
// ``` or, when the code holds a run of backticks that long, one backtick more.
std::string code_fence(std::string_view code);

// An HTML block around Markdown: `open` and `close` each take the line of their tag.
struct Block {
  std::string open, close;
};

// Shared by the renderers here and the themes' (theme_tags.h).
bool is_url(std::string_view s);  // http://, https:// or //
std::string join(const std::vector<std::string>& v, size_t from, size_t to = std::string::npos);
// Comma-separated theme arguments (`{% btn url, text %}`), each trimmed and unquoted.
std::vector<std::string> split_commas(std::string_view s);
std::string strong_line(std::string_view title);  // "<p><strong>title</strong></p>", "" without a title
// `<div class="note CLASSES">` and the title's line; `title_html`: the title is HTML already (markdownified).
std::string note_open(const std::vector<std::string>& classes, std::string_view title, bool title_html = false);
// A shortcode argument Hugo themes pass through `markdownify` (admonition titles, details summaries): its inline
// Markdown as HTML, without the paragraph around it; the text escaped when it is more than one paragraph.
std::string markdownify(std::string_view text);

// A core Hexo tag without a body whose output depends only on its arguments (img, asset_img, asset_path,
// asset_link, link, url_for, youtube, vimeo, gist, jsfiddle, iframe); nullopt for any other name.
std::optional<std::string> render_hexo_tag(std::string_view name, const std::vector<std::string>& args,
                                           std::string_view raw_args);
// A core Hexo block tag (blockquote, pullquote); nullopt for any other.
std::optional<Block> hexo_block(std::string_view name, const std::vector<std::string>& args, std::string_view raw_args);
// `{% codeblock [title] [lang:x] [url] [link text] [options] %}`: the fence's language and a caption (HTML, empty
// when the tag has no title and no url).
struct CodeInfo {
  std::string lang, caption;
};
// Its line options (`line_number:`, `first_line:`, `mark:`) follow the language in `lang`, as in a Hexo fence.
CodeInfo codeblock_info(const std::vector<std::string>& args);
// Jekyll's `{% highlight ruby linenos mark_lines="1 2" %}`: the fence's info string, `ruby {linenos=true
// hl_lines="1 2"}`; `linenos=false` without `linenos`, for Rouge numbers a tag's lines only when it says so.
std::string jekyll_highlight_info(std::string_view raw_args);
// Hugo's `{{< highlight go "linenos=table,hl_lines=8 15-17" >}}`: `go {linenos=table,hl_lines=8 15-17}`, the
// options as a fence's attributes, which read the same.
std::string hugo_highlight_info(const std::string& lang, const std::string& options);

// Hugo shortcodes without a body (figure, img, ref, relref, youtube, vimeo, x, twitter, tweet, instagram, gist, and
// the Hugo documentation's new-in and deprecated-in),
// and with a Markdown body (details and admonitions such as note, warning, notice, alert).
std::optional<std::string> render_shortcode(std::string_view name, const ShortcodeArgs& args);
std::optional<Block> shortcode_block(std::string_view name, const ShortcodeArgs& args);
// code-toggle holds site configuration in any of Hugo's formats: toml, yaml or json, told by its first line.
std::string guess_config_language(std::string_view body);

// The part of an included file that an mdBook selector picks: "" all of it, "3" line 3, "3:10", "3:", ":10", or an
// anchor name, the lines between `ANCHOR: name` and `ANCHOR_END: name`. Anchor marker lines are always dropped.
// No final line end. nullopt when the anchor is not in the file.
std::optional<std::string> select_lines(std::string_view text, std::string_view selector);

}  // namespace mkepub::tags
