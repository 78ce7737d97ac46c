// Dialects: the registry, every dialect in the order detect_site tries them (the first that recognises the folder
// wins), and what the dialects share to look at a site.
#include "dialects/dialect.h"

#include <map>

#include "base/url.h"
#include "dialects/site.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

namespace mkepub {

// The order they are tried in: the first whose detect() recognises the folder is its dialect. Obsidian comes after
// the generators (a Hugo or Jekyll site written in Obsidian is that generator's site); plain takes any folder, so
// it comes last.
const Dialect* const kDialects[] = {&hexo_dialect,       &jekyll_dialect,    &gitbook_dialect,  &mdbook_dialect,
                                    &hugo_dialect,       &docusaurus_dialect, &vitepress_dialect, &obsidian_dialect,
                                    &plain_dialect};

std::span<const Dialect* const> all_dialects() { return kDialects; }

Site detect_site(const fs::path& folder, const std::string& display, Diagnostics& diag) {
  Site site;
  site.root = folder;
  site.source_dir = folder;
  std::map<std::string, SiteConfig> read;  // by file name: Hexo, Jekyll and plain share _config.yml
  for (const Dialect* dialect : kDialects) {
    if (dialect->config_file && is_file(folder / dialect->config_file)) {
      auto [config, first] = read.try_emplace(dialect->config_file);
      if (first) {
        auto display_config = display_of(display, dialect->config_file);
        if (auto text = read_site_file(folder / dialect->config_file, folder, display_config, diag))
          config->second = dialect->read_config(*text, display_config, diag);
      }
      site.config = config->second;
    }
    if (dialect->detect(site, display, diag)) {
      site.dialect = dialect;
      return site;
    }
  }
  return site;  // not reached: plain takes any folder
}

// ---- What the dialects share.

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string display_of(const std::string& display, const fs::path& relative) {
  std::string base = display;
  if (!base.empty() && base.back() != '/') base += '/';
  return base + relative.generic_string();
}

bool is_inside_site(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  return is_within({fs::weakly_canonical(root, ec)}, fs::weakly_canonical(file, ec));
}

// A site's own files (_config.yml, book.toml, SUMMARY.md) reach the book through `{{ site.x }}`, titles and part
// names: one symlinked to a file elsewhere (a token store, say) is not read.
std::optional<std::string> read_site_file(const fs::path& file, const fs::path& root, const std::string& display,
                                          Diagnostics& diag) {
  if (!is_inside_site(root, file)) {
    diag.warn({display, 0, 0, "links to a file outside the input folder; not read", "outside the input folders"});
    return std::nullopt;
  }
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

bool climbs_out(const fs::path& relative) {
  fs::path p = relative.lexically_normal();
  return p.is_absolute() || (!p.empty() && *p.begin() == "..");
}

fs::path inside(const fs::path& root, const std::string& relative, const std::string& fallback) {
  fs::path p = fs::path(relative.empty() ? fallback : relative).lexically_normal();
  if (climbs_out(p)) p = fs::path(fallback).lexically_normal();
  return p == "." || p.empty() ? root : (root / p).lexically_normal();
}

void keep_http_url(SiteConfig& config, const std::string& key, const std::string& text, const std::string& display,
                   Diagnostics& diag) {
  auto url = config.variables.find("url");
  if (url == config.variables.end() || url_scheme(url->second).empty() || is_http_url(url->second)) return;
  int line = 0, col = 0;
  // The value as the config wrote it, or its start: Docusaurus's has baseUrl appended.
  size_t at = text.find(url->second);
  if (at == std::string::npos) at = text.find(url->second.substr(0, url->second.find(':') + 1));
  if (at != std::string::npos) {
    line = col = 1;
    for (size_t i = 0; i < at; ++i)  // columns count characters, not UTF-8 bytes
      if (text[i] == '\n') ++line, col = 1;
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  diag.warn({display, line, col, "`" + key + "`: `" + url->second + "` is not an http or https URL; ignored",
             "config value ignored"});
  config.variables.erase(url);
}

std::string config_value(const SiteConfig& config, const std::string& key) {
  auto it = config.variables.find(key);
  return it == config.variables.end() ? std::string() : it->second;
}

}  // namespace mkepub
