// Dialects: GitBook (legacy, the open-source GitBook 3 toolchain, https://github.com/GitbookIO/gitbook/blob/master/
// docs/config.md): book.json gives the title, author, description and language, and where the book lies (`root`)
// and what its summary is called (`structure.summary`); SUMMARY.md lists the chapters as in mdBook.
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "base/text.h"
#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/mdbook/mdbook.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

// Without what XML forbids: JSON's "\u0000" would cut a title short.
std::string text(const YAML::Node& node, const char* key) {
  auto value = node[key];
  return value && value.IsScalar() ? xml_text(value.Scalar()) : "";
}

// book.json, read as YAML 1.2 (of which JSON is a subset); tabs, which JSON allows between tokens and YAML
// does not in indentation, are spaces (a JSON string cannot hold a raw tab).
SiteConfig parse_book_json(const std::string& json, const std::string& display, Diagnostics& diag) {
  SiteConfig config;
  std::string yaml = json;
  std::replace(yaml.begin(), yaml.end(), '\t', ' ');
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    // GitBook itself stops on it; warned, as the chapters can still be read.
    diag.warn({display, e.mark.line + 1, e.mark.column + 1,
               "invalid JSON in book.json: " + e.msg + "; its settings are ignored", "invalid book.json"});
    return config;
  }
  if (!root.IsMap()) {
    diag.warn({display, 1, 1, "book.json is not a JSON object; its settings are ignored", "invalid book.json"});
    return config;
  }
  config.title = text(root, "title");
  config.description = text(root, "description");
  config.language = text(root, "language");
  config.author = text(root, "author");
  if (!config.author.empty()) config.authors = {config.author};
  config.variables["root"] = text(root, "root");
  if (auto structure = root["structure"]; structure && structure.IsMap())
    config.variables["structure.summary"] = text(structure, "summary");
  return config;
}

bool detect_gitbook(Site& site, const std::string& display, Diagnostics& diag) {
  if (!is_file(site.root / "book.json")) return false;
  fs::path dir = inside(site.root, config_value(site.config, "root"), ".");
  std::string name = config_value(site.config, "structure.summary");
  fs::path summary = inside(dir, name, "SUMMARY.md");
  // One symlinked from outside is no SUMMARY: the folder's posts are searched, which warns of it.
  if (!is_file(summary) || !is_inside_site(site.root, summary)) return false;
  auto text = read_site_file(summary, site.root, display_of(display, summary.lexically_relative(site.root)), diag);
  site.source_dir = dir;
  site.post_dirs.clear();  // the chapters are the summary's, in its order; nothing is searched
  if (text) site.summary = parse_summary(*text, summary.parent_path());
  if (text && site.config.title.empty()) site.config.title = summary_book_title(*text);
  return true;
}

}  // namespace

const Dialect gitbook_dialect = {
    .name = "gitbook",
    .config_file = "book.json",
    .read_config = parse_book_json,
    .detect = detect_gitbook,
    .order = Dialect::Order::summary,
    .parse_post = parse_post,
    .markdown = nullptr,
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
