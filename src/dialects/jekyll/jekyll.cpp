// Dialects: Jekyll (https://jekyllrb.com/docs/structure/): _config.yml beside `_posts/` and the collections'
// `_name/` folders (https://jekyllrb.com/docs/collections/), posts ordered by date, links by permalink.
#include <cctype>
#include <cstdlib>
#include <map>

#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/jekyll/liquid.h"
#include "dialects/site.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

// _config.yml, and `_posts/` and the collections' `_name/` folders, under `collections_dir` when set.
bool detect_jekyll(Site& site, const std::string&, Diagnostics&) {
  if (!is_file(site.root / "_config.yml")) return false;
  fs::path base = inside(site.root, config_value(site.config, "collections_dir"), ".");
  std::vector<fs::path> dirs;
  if (is_dir(base / "_posts")) dirs.push_back(base / "_posts");
  for (const auto& name : site.config.collections) {
    if (name == "posts" || name.empty() || name.find('/') != std::string::npos) continue;
    if (is_dir(base / ("_" + name))) dirs.push_back(base / ("_" + name));
  }
  if (dirs.empty()) return false;
  site.source_dir = site.root;
  site.post_dirs = std::move(dirs);
  return true;
}

// A post's URL under Jekyll's permalink (https://jekyllrb.com/docs/permalinks/): the built-in styles are names for
// patterns, `:categories` joins them all with `/`, and the empty segments they leave are closed up.
std::string jekyll_post_url(const std::string& permalink, const Post& post, const fs::path& posts_dir) {
  static const std::map<std::string, std::string, std::less<>> kStyles = {
      {"date", "/:categories/:year/:month/:day/:title:output_ext"},
      {"pretty", "/:categories/:year/:month/:day/:title/"},
      {"ordinal", "/:categories/:year/:y_day/:title:output_ext"},
      {"weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"},
      {"none", "/:categories/:title:output_ext"}};
  auto style = kStyles.find(permalink);
  std::string pattern = style == kStyles.end() ? permalink : style->second;
  std::string categories;
  for (const auto& c : post.categories) categories += (categories.empty() ? "" : "/") + c;
  for (size_t at; (at = pattern.find(":categories")) != std::string::npos;) pattern.replace(at, 11, categories);
  std::string url = expand_permalink(pattern, post, posts_dir);
  for (size_t at; (at = url.find("//")) != std::string::npos;) url.erase(at, 1);
  return url;
}

// Liquid first, as Jekyll renders it before Markdown; what it leaves (plugin tags, raw blocks) goes to the shared
// expander. `site.baseurl` is empty: the book is the site, and links stay site paths that find their chapters.
std::string expand_jekyll_tags(const std::string& markdown, const TagContext& context, Diagnostics& diag) {
  LiquidContext liquid;
  liquid.display = context.display;
  liquid.first_line = context.first_line;
  for (const auto& [key, value] : context.site_variables) liquid.variables.emplace("site." + key, value);
  for (const auto& [key, value] : context.page_variables) liquid.variables.emplace("page." + key, value);
  liquid.variables["site.baseurl"] = "";
  liquid.post_href = context.post_site_path ? context.post_site_path : context.post_href;
  liquid.read_include = context.read_include;
  return expand_tags(render_liquid(markdown, liquid, diag), context, diag);
}

}  // namespace

const Dialect jekyll_dialect = {
    .name = "jekyll",
    .config_file = "_config.yml",
    .read_config = parse_site_config,
    .detect = detect_jekyll,
    .order = Dialect::Order::collections,
    .parse_post = parse_post,
    // kramdown, Jekyll's default (`markdown: kramdown`), makes quotes and dashes typographic; other engines not.
    .markdown =
        [](const SiteConfig& c) {
          std::string engine = config_value(c, "markdown");
          for (auto& ch : engine) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          const bool kramdown = engine.empty() || engine == "kramdown";
          // Rouge's options for kramdown's code blocks, for blocks or for all code
          // (https://kramdown.gettalong.org/syntax_highlighter/rouge.html).
          auto rouge = [&](const std::string& option) {
            std::string v = config_value(c, "kramdown.syntax_highlighter_opts.block." + option);
            return v.empty() ? config_value(c, "kramdown.syntax_highlighter_opts." + option) : v;
          };
          const int start = std::atoi(rouge("start_line").c_str());
          return MarkdownDialect{.smart_punctuation = kramdown,
                                 .line_numbers = kramdown && rouge("line_numbers") == "true",
                                 .line_start = start > 0 ? start : 1};
        },
    .expand_tags = expand_jekyll_tags,
    .post_url = jekyll_post_url,
};

}  // namespace mkepub
