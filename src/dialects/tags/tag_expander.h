// Template tags, inside: the scanner that tags.cpp (code, tag syntax, output) and tag_expand.cpp (what each tag
// becomes) share. Not part of the pipeline's interface; tags.h is.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialects/tags/markdown_lines.h"
#include "dialects/tags/tag_render.h"
#include "dialects/tags/tags.h"
#include "dialects/tags/theme_tags.h"

namespace mkepub::tags {

inline constexpr size_t npos = std::string::npos;
inline constexpr int kMaxIncludeDepth = 8;
inline constexpr size_t kMaxOpenBlocks = 64;  // deeper block tags are dropped: no later stage need nest further
// Put before a line of block HTML: a line opening with `<!--` is an HTML block that ends on the line holding `-->`
// (CommonMark 4.6, kind 2), so the Markdown on the next line stays Markdown with no blank line added in between.
// The xhtml stage drops the comment.
inline constexpr std::string_view kHtmlLine = "<!---->";

bool is_name_char(char c);
std::string_view trim_blank(std::string_view s);

// The next place of a needle at or after a position that only moves forward: each byte is searched once however
// many openers lack their closer.
class Finder {
 public:
  explicit Finder(std::string_view needle) : needle_(needle) {}
  size_t next(std::string_view text, size_t from) {
    if (!searched_ || from < from_ || (found_ != npos && found_ < from)) {
      found_ = text.find(needle_, from);
      from_ = from;
      searched_ = true;
    }
    return found_;
  }

 private:
  std::string_view needle_;
  size_t from_ = 0, found_ = npos;
  bool searched_ = false;
};

// What a post and the files it includes share: each kind of warning is given once per post.
struct PostState {
  const TagContext& ctx;
  Diagnostics& diag;
  std::set<std::string> warned;
  std::set<std::string> unknown_seen;  // so that an unknown tag's end twin goes without a second warning
  int missing_listings = 0;
  std::string first_missing_listing;
  int first_missing_line = 0;
  size_t included_bytes = 0;  // what the includes added, up to kMaxIncludedBytes
};

enum class Syntax { hexo, hugo, mdbook, liquid };

struct Tag {
  Syntax syntax = Syntax::hexo;
  std::string name;
  std::string_view args;  // between the name and the closing delimiter
  char delim = '%';       // Hugo: `<` or `%`
  bool closing = false;   // `{{< /name >}}`
  bool self_closing = false;
  size_t begin = 0, end = 0;
};

struct OpenBlock {
  Tag tag;
  std::string close;
  int line = 0;
  int tabs = 0;  // `<!-- tab -->` sections seen
};

enum class Body { verbatim, dropped, code, config, link_grid, timeline };

// How messages show a tag and the end tag it lacks: `{% note %}`, `{{< /details >}}`.
std::string opener_text(const Tag& t);
std::string closer_text(const Tag& t);

class Expander {
 public:
  Expander(std::string_view in, PostState& post, int depth, int include_line)
      : in_(in), post_(post), depth_(depth), include_line_(include_line) {}
  std::string run();

 private:
  bool code_line(std::string_view line);
  void scan_inline();
  size_t code_span(size_t i);
  size_t html_comment(size_t i);
  void copy_code(size_t begin, size_t end, bool span);
  size_t listing_in_code(size_t at, size_t line_end);
  size_t para_end(size_t p);
  size_t closing_run(size_t from, size_t length, size_t limit);

  std::optional<Tag> read_tag(size_t i);
  std::optional<Tag> read_hexo(size_t i);
  std::optional<Tag> read_shortcode(size_t i);
  std::optional<Tag> read_braces(size_t i);
  size_t expand(const Tag& t);
  size_t expand_hexo(const Tag& t);
  size_t expand_hugo(const Tag& t);
  size_t expand_braces(const Tag& t);
  size_t literal(const Tag& t, Body kind, const std::string& lang = "", const std::string& caption = "");
  void put_code(std::string_view body, const std::string& lang, const std::string& caption, size_t after);
  std::optional<std::pair<size_t, size_t>> find_end(const Tag& t);
  size_t open_block(const Tag& t, const Block& block);
  bool close_block(const Tag& t, const std::string& name);
  size_t post_link(const Tag& t, std::vector<std::string> args);
  size_t include(const Tag& t, const std::string& path, std::string_view selector);
  // Counts `bytes` against kMaxIncludedBytes; past it, warns once per post and is false.
  bool within_include_budget(const Tag& t, const std::string& path, size_t bytes);
  size_t include_code(const Tag& t, const std::vector<std::string>& args);
  size_t unknown(const Tag& t);
  void finish();

  size_t put(const Tag& t, std::string_view text);
  size_t put_line(const Tag& t, std::string_view text, bool html = true);
  void copy_to(size_t p);
  bool line_start_in_out() const;
  bool line_end_after(size_t p) const;
  std::optional<std::string> read(const std::string& path) const;
  int line_of(size_t p);
  void warn(size_t at, const std::string& kind, const std::string& message) { warn_at(line_of(at), kind, message); }
  void warn_at(int line, const std::string& kind, const std::string& message);
  void warn_once(const std::string& key, size_t at, const std::string& kind, const std::string& message) {
    if (!post_.warned.count(key)) warn_once_at(key, line_of(at), kind, message);
  }
  void warn_once_at(const std::string& key, int line, const std::string& kind, const std::string& message);

  std::string_view in_;
  PostState& post_;
  int depth_;
  int include_line_;  // text from an include: every message points at the include's line in the post
  std::string out_;
  size_t pos_ = 0;  // in_ before this is done: copied or replaced in out_
  std::optional<Fence> fence_;
  bool prev_blank_ = true, in_list_ = false, indented_code_ = false;
  bool hugo_comment_ = false;  // inside code, after `{{</*` and before its `*/>}}`
  std::vector<OpenBlock> blocks_;
  Finder hexo_close_{"%}"}, angle_close_{">}}"}, percent_close_{"%}}"}, brace_close_{"}}"}, comment_close_{"-->"};
  std::vector<size_t> no_run_until_;  // by backtick run length: paragraph end known to hold no closing run
  size_t para_from_ = 1, para_end_ = 0;
  size_t line_pos_ = 0;
  int line_count_ = 0;
  size_t pending_lines_ = 0;  // blank lines owed to a multi-line tag, given at the end of its last line
};

}  // namespace mkepub::tags
