// Dialects: Obsidian vaults (https://help.obsidian.md) and Quartz sites (https://quartz.jzhao.xyz), which publish
// one: a folder with `.obsidian/`, quartz.config.ts beside `content/`, or notes that link each other with
// wikilinks. The notes are the chapters, in the explorer's order; wikilinks, embeds and tags become the book's.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

#include "base/text.h"
#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/obsidian/obsidian_markdown.h"
#include "dialects/obsidian/vault_listing.h"
#include "dialects/site.h"
#include "sources/frontmatter.h"
#include "sources/inputs_read.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A string literal given to `key:` in TypeScript or JSON ("..." or '...', or `...` without `${`), or "".
std::string literal_of(const std::string& text, const std::string& key) {
  std::regex re("(^|[\\s,{])\"?" + key + "\"?\\s*:\\s*(\"([^\"\\\\\\n]*)\"|'([^'\\\\\\n]*)'|`([^`$\\\\]*)`)");
  std::smatch m;
  if (!std::regex_search(text, m, re)) return "";
  return m[3].matched ? m[3].str() : m[4].matched ? m[4].str() : m[5].str();
}

// quartz.config.ts: `pageTitle`, `locale` and `baseUrl` when they are plain literals; the file is TypeScript,
// which is never run, so anything computed is left to the folder's name and the posts.
SiteConfig read_quartz_config(const std::string& text, const std::string&, Diagnostics&) {
  SiteConfig c;
  c.title = literal_of(text, "pageTitle");
  c.language = literal_of(text, "locale");
  std::string base = literal_of(text, "baseUrl");
  if (!base.empty()) c.variables["url"] = base.find("://") == std::string::npos ? "https://" + base : base;
  return c;
}

// The templates folder the vault's settings name (the core Templates plugin, and Templater), from the root.
std::set<std::string> template_folders(const fs::path& vault) {
  std::set<std::string> out;
  auto add = [&](const fs::path& settings, const char* key) {
    if (auto text = read_input(settings, 1 << 20)) {
      std::string folder = literal_of(*text, key);
      while (!folder.empty() && folder.back() == '/') folder.pop_back();
      while (!folder.empty() && folder.front() == '/') folder.erase(0, 1);
      if (!folder.empty()) out.insert(folder);
    }
  };
  add(vault / ".obsidian/templates.json", "folder");
  add(vault / ".obsidian/plugins/templater-obsidian/data.json", "templates_folder");
  return out;
}

bool detect_obsidian(Site& site, const std::string& display, Diagnostics& diag) {
  const fs::path content = site.root / "content";
  fs::path vault;
  bool quartz = false;
  if (is_dir(site.root / ".obsidian")) {
    vault = site.root;
  } else if (is_dir(content) && (is_file(site.root / "quartz.config.ts") || is_dir(content / ".obsidian") ||
                                 notes_link_by_wikilinks(content))) {
    vault = content;
    quartz = true;
  } else if (notes_link_by_wikilinks(site.root)) {
    vault = site.root;
  } else {
    return false;
  }
  std::set<std::string> ignored = template_folders(vault);
  if (quartz) ignored.insert({"private", "templates"});  // Quartz's default ignorePatterns
  for (const auto& folder : ignored)
    if (is_dir(vault / folder))
      diag.note({display_of(display, (vault / folder).lexically_relative(site.root)), 0, 0,
                 "a templates or private folder, which a vault does not publish; left out"});
  VaultListing listing = list_vault(vault, ignored);
  site.source_dir = vault;
  site.post_dirs.clear();
  site.summary = std::move(listing.chapters);
  site.files = std::move(listing.files);
  return true;
}

// Obsidian's properties (https://help.obsidian.md/Editing+and+formatting/Properties) and Quartz's frontmatter
// (quartz/plugins/transformers/frontmatter.ts, lastmod.ts): names as any case writes them.
void read_obsidian_key(const std::string& key, const YAML::Node& v, Post& post, YamlFields& r) {
  const std::string k = lower(key);
  if (k == "aliases" || k == "alias") r.list(v, key, post.aliases);
  else if (k == "tags" || k == "tag") r.list(v, key, post.tags);
  else if (k == "title" && post.title.empty()) post.title = trim(r.scalar(v, key).value_or(""));
  else if (k == "created" && !post.date) post.date = r.date(v, key);
  else if ((k == "modified" || k == "lastmod" || k == "last-modified") && !post.updated) post.updated = r.date(v, key);
  else if (k == "publish") post.draft = post.draft || !r.boolean(v, key).value_or(true);  // Obsidian Publish, Quartz
}

bool opens_with_heading_1(const std::string& body) {
  size_t i = body.find_first_not_of(" \t\n");
  return i != std::string::npos && body.compare(i, 2, "# ") == 0 && (i == 0 || body[i - 1] == '\n' || i < 4);
}

// A note's title is its file name, as Obsidian shows it (an `index` note: its folder's), unless its front matter
// names one, or it opens with a `#` heading, which is then its title (shown once, not under its file name again).
Post parse_note(SourceFile source, Diagnostics& diag) {
  Post post = parse_post(std::move(source), diag, read_obsidian_key);
  for (auto& tag : post.tags)
    if (!tag.empty() && tag[0] == '#') tag.erase(0, 1);
  for (auto& tag : inline_tags(post.body))
    if (std::find(post.tags.begin(), post.tags.end(), tag) == post.tags.end()) post.tags.push_back(tag);
  if (post.title.empty() && !opens_with_heading_1(post.body)) {
    bool index = lower(post.file.stem().string()) == "index" && post.file.has_parent_path();
    post.title = index ? post.file.parent_path().filename().string() : post.file.stem().string();
  }
  return post;
}

}  // namespace

const Dialect obsidian_dialect = {
    .name = "obsidian",
    .config_file = "quartz.config.ts",
    .read_config = read_quartz_config,
    .detect = detect_obsidian,
    .order = Dialect::Order::summary,
    .parse_post = parse_note,
    .markdown = nullptr,
    .expand_tags = expand_obsidian,
    .post_url = expand_permalink,
};

}  // namespace mkepub
