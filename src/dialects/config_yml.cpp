// Dialects: _config.yml, the config that Hexo, Jekyll and a plain folder share (https://hexo.io/docs/configuration,
// https://jekyllrb.com/docs/configuration/): the keys mkepub uses, and every scalar for `{{ site.x }}`.
#include <yaml-cpp/yaml.h>

#include "base/text.h"
#include "base/url.h"
#include "dialects/dialect.h"
#include "dialects/site.h"
#include "sources/frontmatter_split.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Hexo allows a list of languages; the first is the site's own.
std::string first(YamlFields& r, const YAML::Node& node, const std::string& key) {
  if (node.IsSequence() && node.size() == 0) return {};
  return std::string(trim(r.scalar(node.IsSequence() ? node[0] : node, key).value_or("")));
}

// Jekyll: `collections: [docs]` or `collections: {docs: {output: true}}`.
std::vector<std::string> collections(YamlFields& r, const YAML::Node& node) {
  std::vector<std::string> out;
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (item.IsScalar()) out.push_back(item.Scalar());
  } else if (node.IsMap()) {
    for (const auto& kv : node)
      if (kv.first.IsScalar()) out.push_back(kv.first.Scalar());
  } else if (!node.IsNull()) {
    r.report(node, "collections", "expected a list or a map of collection names");
  }
  return out;
}

// Every scalar under its dotted path, for `{{ site.social.github }}`; list items are numbered (`menu.0`).
void flatten(const YAML::Node& node, const std::string& prefix, std::map<std::string, std::string>& out) {
  if (node.IsScalar()) {
    if (!prefix.empty()) out[prefix] = node.Scalar();
  } else if (node.IsMap()) {
    for (const auto& kv : node)
      if (kv.first.IsScalar()) flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(), out);
  } else if (node.IsSequence()) {
    for (size_t i = 0; i < node.size(); ++i) flatten(node[i], prefix + "." + std::to_string(i), out);
  }
}

void read_config_fields(const YAML::Node& root, SiteConfig& config, YamlFields& r) {
  std::string lang;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    auto text = [&] { return std::string(trim(r.scalar(v, key).value_or(""))); };
    if (key == "title") config.title = text();
    else if (key == "subtitle") config.subtitle = text();
    else if (key == "author") r.names(v, key, config.authors);
    else if (key == "language") config.language = first(r, v, key);
    else if (key == "lang") lang = first(r, v, key);  // Jekyll themes' spelling
    else if (key == "description") config.description = text();
    else if (key == "permalink") config.permalink = text();
    else if (key == "new_post_name") config.new_post_name = text();
    else if (key == "post_asset_folder") config.post_asset_folder = r.boolean(v, key).value_or(false);
    else if (key == "collections") config.collections = collections(r, v);
  }
  // Hexo themes ship `language: default`, meaning "the theme's default", which says nothing about the text.
  if (config.language == "default") config.language.clear();
  if (config.language.empty()) config.language = lang;
  config.author = join(config.authors);
}

// `source_dir` and `collections_dir` name folders inside the site: one leading out is ignored (see inside()),
// with a warning here, where its line is known.
void warn_folders_outside(const YAML::Node& root, YamlFields& r) {
  for (const auto& kv : root) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
    const std::string key = kv.first.Scalar();
    if ((key == "source_dir" || key == "collections_dir") && climbs_out(std::string(trim(kv.second.Scalar()))))
      r.report(kv.second, key, "`" + kv.second.Scalar() + "` leads outside the site");
  }
}

// The site's `url` is where its site-root links that are not in the book lead, so it goes into hrefs: only an
// http or https one is kept (`javascript:alert(1)` would run in a reader), the same rule as posts' links.
void drop_unsafe_url(const YAML::Node& root, SiteConfig& config, YamlFields& r) {
  for (const auto& kv : root) {
    if (!kv.first.IsScalar() || kv.first.Scalar() != "url" || !kv.second.IsScalar()) continue;
    const std::string url(trim(kv.second.Scalar()));
    if (url_scheme(url).empty() || is_http_url(url)) continue;
    r.report(kv.second, "url", "`" + url + "` is not an http or https URL");
    config.variables.erase("url");
  }
}

SiteConfig read_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag,
                            const std::vector<int>& tabs) {
  SiteConfig config;
  const std::string name = fs::path(display).filename().string();
  YAML::Node root;
  try {
    root = load_bounded_yaml(yaml);
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int col = e.mark.is_null() ? 0 : original_column(tabs, e.mark.line, e.mark.column + 1);
    diag.error({display, line, col, "invalid YAML in " + name + ": " + e.msg, ""});
    return config;
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) {
    auto m = root.Mark();
    diag.error({display, m.is_null() ? 1 : m.line + 1, m.is_null() ? 1 : m.column + 1,
                name + " must be a mapping of keys to values", ""});
    return config;
  }
  YamlFields reader(display, diag, {.kind = "config value ignored"});
  read_config_fields(root, config, reader);
  flatten(root, "", config.variables);
  drop_unsafe_url(root, config, reader);
  warn_folders_outside(root, reader);
  return config;
}

}  // namespace

SiteConfig parse_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag) {
  return read_site_config(yaml, display, diag, {});
}

SiteConfig parse_hexo_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag) {
  std::string escaped = yaml;
  auto tabs = escape_yaml_tabs(escaped);  // Hexo's yaml renderer escapes tabs as its front matter does
  return read_site_config(escaped, display, diag, tabs);
}

}  // namespace mkepub
