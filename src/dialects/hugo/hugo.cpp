// Dialects: Hugo (https://gohugo.io/getting-started/directory-structure/): a config file (hugo.toml, config.yaml,
// config/_default/...) beside the content folder, whose sections, `_index.md` pages and page bundles are ordered
// as Hugo lists them; front matter in YAML, TOML or JSON; links by Hugo's URLs.
#include "dialects/hugo/hugo.h"

#include <algorithm>
#include <cstdlib>

#include "dialects/dialect.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

// Hugo's root config names, in the order it looks for them.
const char* const kRootConfigs[] = {"hugo.toml",   "hugo.yaml",   "hugo.yml",   "hugo.json",
                                    "config.toml", "config.yaml", "config.yml", "config.json"};

bool is_config_name(const fs::path& p) {
  const auto ext = p.extension();
  return ext == ".toml" || ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// The config files: the root one, then config/_default/'s in name order (hugo.* or config.* first).
std::vector<fs::path> config_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (const char* name : kRootConfigs)
    if (is_file(root / name)) {
      files.push_back(name);
      break;
    }
  std::vector<fs::path> dir;
  std::error_code ec;
  for (fs::directory_iterator it(root / "config" / "_default", ec), end; !ec && it != end; it.increment(ec))
    if (is_file(it->path()) && is_config_name(it->path()))
      dir.push_back(fs::path("config/_default") / it->path().filename());
  std::sort(dir.begin(), dir.end(), [](const fs::path& a, const fs::path& b) {
    auto main = [](const fs::path& p) { return p.stem() == "hugo" || p.stem() == "config"; };
    if (main(a) != main(b)) return main(a);
    return a < b;
  });
  files.insert(files.end(), dir.begin(), dir.end());
  return files;
}

// A Hugo config, or a content folder given itself (its home page `_index.md` at the top).
bool detect_hugo(Site& site, const std::string& display, Diagnostics& diag) {
  auto files = config_files(site.root);
  fs::path content = site.root;
  if (!files.empty()) {
    std::vector<HugoConfigFile> texts;
    for (const auto& file : files)
      if (auto text = read_site_file(site.root / file, site.root, display_of(display, file), diag))
        texts.push_back({file.filename().string(), display_of(display, file), std::move(*text)});
    SiteConfig config = read_hugo_config(texts, diag);
    content = inside(site.root, config_value(config, "contentDir"), "content");
    if (!is_dir(content)) return false;
    site.config = std::move(config);
  } else if (!is_file(site.root / "_index.md")) {
    return false;
  }
  site.source_dir = content;
  site.post_dirs = {content};
  if (is_dir(site.root / "static")) site.static_dirs = {site.root / "static"};
  return true;
}

}  // namespace

const Dialect hugo_dialect = {
    .name = "hugo",
    .config_file = nullptr,  // several names and a folder: detect_hugo reads them
    .read_config = nullptr,
    .detect = detect_hugo,
    .order = Dialect::Order::sections,
    .parse_post = parse_hugo_post,
    // Goldmark's typographer is on unless `markup.goldmark.extensions.typographer.disable` (or, in older
    // versions, `typographer = false`); keys are read lowercased, as Hugo's are.
    .markdown =
        [](const SiteConfig& c) {
          // Chroma numbers lines when `markup.highlight.lineNos` is set (true, table or inline), from
          // `lineNoStart` (https://gohugo.io/configuration/markup/#highlight); older sites said it in
          // `pygmentsOptions` ("linenos=table"), which Hugo still reads where markup.highlight is silent.
          const std::string line_nos = config_value(c, "markup.highlight.linenos");
          const int start = std::atoi(config_value(c, "markup.highlight.linenostart").c_str());
          const std::string legacy = config_value(c, "pygmentsoptions");
          const size_t legacy_at = legacy.find("linenos=");
          const bool legacy_numbers = legacy_at != std::string::npos && legacy.compare(legacy_at + 8, 5, "false") != 0;
          return MarkdownDialect{
              .smart_punctuation = config_value(c, "markup.goldmark.extensions.typographer.disable") != "true" &&
                                   config_value(c, "markup.goldmark.extensions.typographer") != "false",
              .line_numbers = line_nos.empty() ? legacy_numbers : line_nos != "false",
              .line_start = start > 0 ? start : 1};
        },
    .expand_tags = expand_tags,
    .post_url = hugo_post_url,
};

}  // namespace mkepub
