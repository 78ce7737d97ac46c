// Dialects: Hugo's site configuration (https://gohugo.io/configuration/), its files in TOML, YAML or JSON merged
// into one tree and read into the values mkepub uses.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "dialects/dialect.h"
#include "dialects/hugo/hugo.h"
#include "sources/toml_yaml.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Copies `from` into `into` with its keys in lower case (Hugo's keys are case-insensitive); a map merges into a
// map key by key, and a value already there is kept (the root file first, then config/_default/).
void merge(YAML::Node into, const YAML::Node& from) {
  for (const auto& kv : from) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = lower(kv.first.Scalar());
    YAML::Node there = into[key];
    if (kv.second.IsMap() && (!there || there.IsNull() || there.IsMap())) {
      if (!there || there.IsNull()) into[key] = YAML::Node(YAML::NodeType::Map);
      merge(into[key], kv.second);
    } else if (!there || there.IsNull()) {
      into[key] = YAML::Clone(kv.second);
    }
  }
}

std::optional<YAML::Node> load(const HugoConfigFile& file, Diagnostics& diag) {
  try {
    if (file.name.ends_with(".toml")) return toml_to_yaml(file.text);
    return load_bounded_yaml(file.text);  // YAML, and JSON as YAML reads it
  } catch (const TomlError& e) {
    diag.error({file.display, e.line, e.column, "invalid TOML in " + file.name + ": " + e.message, ""});
  } catch (const YAML::Exception& e) {
    diag.error({file.display, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                "invalid YAML in " + file.name + ": " + e.msg, ""});
  }
  return std::nullopt;
}

// The key path a config/_default/ file stands for: "params.en.toml" is languages.en.params.
std::vector<std::string> key_path(const std::string& name) {
  std::string stem = lower(fs::path(name).stem().string());
  if (stem == "hugo" || stem == "config") return {};
  size_t dot = stem.find('.');
  if (dot == std::string::npos) return {stem};
  std::string first = stem.substr(0, dot), lang = stem.substr(dot + 1);
  if (first == "languages") return {"languages", lang};
  return {"languages", lang, first};
}

void flatten(const YAML::Node& node, const std::string& prefix, std::map<std::string, std::string>& out) {
  if (node.IsScalar() && !prefix.empty()) out[prefix] = node.Scalar();
  else if (node.IsMap())
    for (const auto& kv : node)
      if (kv.first.IsScalar())
        flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(), out);
}

// node[key] that is safe on anything: a missing key, or a node that is not a map, gives a null node.
YAML::Node get(const YAML::Node& node, const char* key) {
  if (!node || !node.IsMap()) return YAML::Node();
  const YAML::Node value = node[key];
  return value ? value : YAML::Node();
}

// Without what XML forbids: TOML's and YAML's escapes can say \u0000, which would cut a title short.
std::string scalar(const YAML::Node& node) {
  return node && node.IsScalar() ? std::string(trim(xml_text(node.Scalar()))) : std::string();
}

// The first of `keys` set in the language's own table, then at the top.
std::string localized(const YAML::Node& root, const YAML::Node& language, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (auto v = scalar(get(language, key)); !v.empty()) return v;
  for (const char* key : keys)
    if (auto v = scalar(get(root, key)); !v.empty()) return v;
  return {};
}

// Permalink patterns by section, one "section\tpattern" a line: `permalinks.page` (Hugo 0.120+) or the older
// flat `permalinks`. Never empty (a lone newline: none), so that every page's URL is indexed for links.
std::string permalinks(const YAML::Node& root) {
  std::string out = "\n";
  const YAML::Node all = get(root, "permalinks");
  if (!all.IsMap()) return out;
  const YAML::Node pages = get(all, "page").IsMap() ? get(all, "page") : all;
  for (const auto& kv : pages)
    if (kv.first.IsScalar() && kv.second.IsScalar()) out += kv.first.Scalar() + "\t" + kv.second.Scalar() + "\n";
  return out;
}

}  // namespace

SiteConfig read_hugo_config(const std::vector<HugoConfigFile>& files, Diagnostics& diag) {
  SiteConfig config;
  YAML::Node root(YAML::NodeType::Map);
  for (const auto& file : files) {
    auto tree = load(file, diag);
    if (!tree || tree->IsNull()) continue;
    if (!tree->IsMap()) {
      diag.error({file.display, 1, 1, file.name + " must be a mapping of keys to values", ""});
      continue;
    }
    auto path = key_path(file.name);
    YAML::Node wrapped = *tree;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      YAML::Node outer(YAML::NodeType::Map);
      outer[*it] = wrapped;
      wrapped = outer;
    }
    merge(root, wrapped);
  }
  const YAML::Node& tree = root;  // read only from here: a missing key must not be added
  std::string lang = scalar(get(tree, "defaultcontentlanguage"));
  if (lang.empty()) lang = "en";
  const YAML::Node language = get(get(tree, "languages"), lower(lang).c_str());
  // A language's own params (params.LANG.toml) first, then the site's, key by key.
  const YAML::Node lang_params = get(language, "params"), params = get(tree, "params");
  config.title = localized(tree, language, {"title"});
  config.language = localized(tree, language, {"languagecode", "locale"});
  if (config.language.empty()) config.language = lang;
  config.description = scalar(get(lang_params, "description"));
  if (config.description.empty()) config.description = scalar(get(params, "description"));
  if (config.description.empty()) config.description = localized(tree, language, {"description"});
  Diagnostics quiet;  // author values of other shapes (`author = true`, a theme's switch) are not names
  YamlFields names("", quiet, {.kind = "config value ignored"});
  for (const YAML::Node& node : {get(lang_params, "author"), get(params, "author"), get(tree, "author"),
                                 get(lang_params, "authors"), get(params, "authors"), get(tree, "authors")})
    if (config.authors.empty() && !(node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")))
      names.names(node, "author", config.authors);
  for (const auto& name : config.authors) config.author += (config.author.empty() ? "" : ", ") + name;
  config.permalink = permalinks(tree);
  flatten(tree, "", config.variables);
  config.variables["url"] = scalar(get(tree, "baseurl"));
  config.variables["contentDir"] = localized(tree, language, {"contentdir"});
  // The last file that names the URL set it (the files merge in order).
  for (auto it = files.rbegin(); it != files.rend(); ++it)
    if (it->text.find(config.variables["url"]) != std::string::npos || std::next(it) == files.rend()) {
      keep_http_url(config, "baseURL", it->text, it->display, diag);
      break;
    }
  return config;
}

}  // namespace mkepub
