// Sources: which kind of folder the user gave (Hexo, Jekyll, an mdBook/GitBook book, or plain posts) and what its
// configuration says: Hexo's and Jekyll's _config.yml (https://hexo.io/docs/configuration,
// https://jekyllrb.com/docs/configuration/). SUMMARY.md is read in summary.cpp, book.toml in book_toml.cpp.
#include <yaml-cpp/yaml.h>

#include "sources/load.h"
#include "dialects/site.h"
#include "base/text.h"
#include "sources/yaml_bounds.h"
#include "sources/inputs_read.h"
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

// ---- detection

std::string display_of(const std::string& display, const fs::path& relative) {
  std::string base = display;
  if (!base.empty() && base.back() != '/') base += '/';
  return base + relative.generic_string();
}

std::optional<std::string> read_text(const fs::path& file, const std::string& display, Diagnostics& diag) {
  auto bytes = read_input(file);
  if (!bytes) {
    diag.error({display, 0, 0, "cannot read file", ""});
    return std::nullopt;
  }
  try {
    return decode_text(std::move(*bytes), display);
  } catch (const InputError& e) {
    diag.error(e.where);
    return std::nullopt;
  }
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// A folder named by the configuration, kept inside the site: an absolute or `..` path is ignored.
fs::path inside(const fs::path& root, const std::string& relative, const std::string& fallback) {
  fs::path p = fs::path(relative.empty() ? fallback : relative).lexically_normal();
  if (p.is_absolute() || (!p.empty() && *p.begin() == "..")) p = fs::path(fallback).lexically_normal();
  return p == "." || p.empty() ? root : (root / p).lexically_normal();
}

std::string variable(const SiteConfig& config, const std::string& key) {
  auto it = config.variables.find(key);
  return it == config.variables.end() ? std::string() : it->second;
}

// Hexo: `source/_posts/` (`source_dir` may rename `source`).
bool detect_hexo(Site& site) {
  fs::path source = inside(site.root, variable(site.config, "source_dir"), "source");
  if (!is_dir(source / "_posts")) return false;
  site.kind = Site::Kind::hexo;
  site.source_dir = source;
  site.post_dirs = {source / "_posts"};
  return true;
}

// Jekyll: `_posts/` and the collections' `_name/` folders, under `collections_dir` when set.
bool detect_jekyll(Site& site) {
  fs::path base = inside(site.root, variable(site.config, "collections_dir"), ".");
  std::vector<fs::path> dirs;
  if (is_dir(base / "_posts")) dirs.push_back(base / "_posts");
  for (const auto& name : site.config.collections) {
    if (name == "posts" || name.empty() || name.find('/') != std::string::npos) continue;
    if (is_dir(base / ("_" + name))) dirs.push_back(base / ("_" + name));
  }
  if (dirs.empty()) return false;
  site.kind = Site::Kind::jekyll;
  site.source_dir = site.root;
  site.post_dirs = std::move(dirs);
  return true;
}

// mdBook: book.toml beside `src/SUMMARY.md` (`[book] src` may rename `src`); GitBook: SUMMARY.md at the root.
bool detect_book(Site& site, const std::string& display, Diagnostics& diag) {
  SiteConfig book;
  std::vector<fs::path> dirs;
  if (is_file(site.root / "book.toml")) {
    auto display_toml = display_of(display, "book.toml");
    if (auto text = read_text(site.root / "book.toml", display_toml, diag))
      book = parse_book_toml(*text, display_toml, diag);
    dirs.push_back(inside(site.root, variable(book, "book.src"), "src"));
  }
  dirs.push_back(site.root);
  dirs.push_back(site.root / "src");
  for (const auto& dir : dirs) {
    if (!is_file(dir / "SUMMARY.md")) continue;
    auto relative = (dir / "SUMMARY.md").lexically_relative(site.root);
    auto text = read_text(dir / "SUMMARY.md", display_of(display, relative), diag);
    site.kind = Site::Kind::book;
    site.source_dir = dir;
    site.post_dirs.clear();  // the chapters are the summary's, in its order; nothing is searched
    if (text) site.summary = parse_summary(*text, dir);
    if (is_file(site.root / "book.toml")) site.config = std::move(book);
    return true;
  }
  return false;
}

}  // namespace

SiteConfig parse_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag) {
  SiteConfig config;
  const std::string name = fs::path(display).filename().string();
  YAML::Node root;
  try {
    root = load_bounded_yaml(yaml);
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1, col = e.mark.is_null() ? 0 : e.mark.column + 1;
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
  return config;
}

Site detect_site(const fs::path& folder, const std::string& display, Diagnostics& diag) {
  Site site;
  site.root = folder;
  site.source_dir = folder;
  if (is_file(folder / "_config.yml")) {
    auto display_config = display_of(display, "_config.yml");
    if (auto text = read_text(folder / "_config.yml", display_config, diag))
      site.config = parse_site_config(*text, display_config, diag);
    if (detect_hexo(site) || detect_jekyll(site)) return site;
  }
  if (detect_book(site, display, diag)) return site;
  site.post_dirs = {folder};
  return site;
}

}  // namespace mkepub
