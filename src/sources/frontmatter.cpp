// Posts: front matter (YAML, TOML or JSON; frontmatter_split.h) read into a post's fields, and the body. The
// fields are Hexo's (https://hexo.io/docs/front-matter), Jekyll's and Hugo's
// (https://gohugo.io/content-management/front-matter/); every format is read as a YAML tree by one reader.
#include "sources/frontmatter.h"

#include <yaml-cpp/yaml.h>

#include <climits>

#include "base/dates.h"
#include "base/text.h"
#include "sources/frontmatter_split.h"
#include "sources/toml_yaml.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

using Format = FrontMatterText::Format;

void split_keywords(const std::string& all, std::vector<std::string>& out) {
  std::string item;
  for (size_t pos = 0; pos <= all.size(); ++pos) {
    if (pos == all.size() || all[pos] == ',') {
      if (!trim(item).empty()) out.emplace_back(trim(item));
      item.clear();
    } else {
      item += all[pos];
    }
  }
}

// Hugo's `build` options (https://gohugo.io/content-management/build-options/): a page neither listed nor
// rendered is not part of what the site shows in order.
std::string build_left_out(const YAML::Node& build, YamlFields& r) {
  if (!build.IsMap()) return {};
  for (const char* key : {"list", "render"}) {
    const YAML::Node v = build[key];
    if (v && v.IsScalar() && r.scalar(v, key).value_or("") == "never") return std::string("`build.") + key + ": never`";
  }
  return {};
}

void read_fields(const YAML::Node& root, Post& post, YamlFields& r, ReadOtherKey other) {
  std::optional<Date> published, modified;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    auto text = [&] { return std::string(trim(r.scalar(v, key).value_or(""))); };
    if (key == "title") post.title = text();
    else if (key == "date") post.date = r.date(v, key);
    else if (key == "updated" || key == "lastmod") post.updated = r.date(v, key);
    else if (key == "publishDate" || key == "pubdate") published = r.date(v, key);
    else if (key == "modified") modified = r.date(v, key);
    else if (key == "tags") r.list(v, key, post.tags);
    else if (key == "categories" || key == "category") r.list(v, key, post.categories);
    else if (key == "keywords") {
      if (v.IsScalar()) split_keywords(v.Scalar(), post.keywords);
      else r.list(v, key, post.keywords);
    } else if (key == "description" || ((key == "excerpt" || key == "summary") && post.description.empty()))
      post.description = text();
    else if (key == "author" || key == "authors") r.names(v, key, post.authors);
    else if (key == "lang" || key == "language") post.language = text();
    else if (key == "abbrlink") post.abbrlink = text();
    else if (key == "permalink") post.permalink = text();
    else if (key == "toc") post.toc = r.boolean(v, key).value_or(true);
    else if (key == "toc_number") post.toc_number = r.boolean(v, key).value_or(false);
    else if (key == "draft") post.draft = post.draft || r.boolean(v, key).value_or(false);
    else if (key == "published") {
      // Jekyll's `published: false`; Hugo's `published` is a date.
      if (v.IsScalar() && parse_date(v.Scalar())) published = r.date(v, key);
      else post.draft = post.draft || !r.boolean(v, key).value_or(true);
    } else if (key == "weight") post.weight = r.integer(v, key, INT_MIN, INT_MAX).value_or(0);
    else if (key == "slug") post.slug = text();
    else if (key == "url") post.url = text();
    else if (key == "aliases") r.list(v, key, post.aliases);
    else if (key == "headless" && r.boolean(v, key).value_or(false)) post.left_out = "headless bundle";
    else if (key == "build" || key == "_build") {
      if (auto why = build_left_out(v, r); !why.empty()) post.left_out = why;
    } else if (other) other(key, v, post, r);
  }
  if (!post.date) post.date = published;  // Hugo's `date` defaults to publishDate
  if (!post.updated) post.updated = modified;
}

// Whether a tree read by yaml-cpp was written as JSON: every key and every string quoted (yaml-cpp tags a quoted
// scalar "!"), other scalars JSON's literals or numbers. Hexo reads `;;;` blocks with JSON.parse, which takes
// nothing else.
bool written_as_json(const YAML::Node& node) {
  if (node.IsMap()) {
    for (const auto& kv : node)
      if (!kv.first.IsScalar() || kv.first.Tag() != "!" || !written_as_json(kv.second)) return false;
    return node.Style() == YAML::EmitterStyle::Flow;
  }
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (!written_as_json(item)) return false;
    return node.Style() == YAML::EmitterStyle::Flow;
  }
  if (!node.IsScalar() || node.Tag() == "!") return true;
  const std::string& v = node.Scalar();
  if (v == "true" || v == "false" || v == "null") return true;
  return !v.empty() && v.find_first_not_of("0123456789+-.eE") == std::string::npos;
}

// The front matter as a tree; throws InputError at its line and column. Hexo's JSON that does not parse, and
// Hexo's front matter without an opening separator that is not a mapping, are the post's text: nullopt.
std::optional<YAML::Node> load_tree(const FrontMatterText& split, const std::string& display, bool hexo) {
  const bool lenient = split.without_opening || (hexo && split.format == Format::json);
  if (split.format == Format::toml) {
    try {
      return toml_to_yaml(split.data);
    } catch (const TomlError& e) {
      throw InputError({display, split.data_line + e.line - 1, e.column, "invalid TOML in front matter: " + e.message});
    }
  }
  std::string data = split.format == Format::json && hexo ? "{" + split.data + "\n}" : split.data;
  std::vector<int> tabs;
  if (hexo && split.format == Format::yaml) tabs = escape_yaml_tabs(data);
  try {
    YAML::Node root = load_bounded_yaml(data);
    if (lenient && !root.IsMap()) return std::nullopt;
    if (hexo && split.format == Format::json && !written_as_json(root)) return std::nullopt;
    return root;
  } catch (const YAML::Exception& e) {
    if (lenient) return std::nullopt;
    int line = e.mark.is_null() ? split.data_line : split.data_line + e.mark.line;
    int col = e.mark.is_null() ? 1 : original_column(tabs, e.mark.line, e.mark.column + 1);
    const char* kind = split.format == Format::json ? "JSON" : "YAML";
    throw InputError({display, line, col, std::string("invalid ") + kind + " in front matter: " + e.msg});
  }
}

Post read_post(SourceFile source, Diagnostics& diag, FrontMatterRules rules, ReadOtherKey other) {
  const bool hexo = rules == FrontMatterRules::hexo;
  Post post;
  post.file = source.file;
  post.display = source.display;
  post.root = source.root;
  post.nesting = source.nesting;
  post.part = source.part;
  post.summary_title = source.summary_title;
  auto split = split_front_matter(std::move(source.text), source.display, rules);
  post.body = std::move(split.body);
  post.body_line = split.body_line;
  if (split.format != Format::none) {
    auto root = load_tree(split, source.display, hexo);
    if (root && split.tentative) {
      post.body.erase(0, split.cut);
      post.body_line = split.cut_line;
    }
    if (root && root->IsMap()) {
      YamlFields reader(
          post.display, diag,
          {.prefix = "front matter ", .kind = "front matter value ignored", .first_line = split.data_line});
      read_fields(*root, post, reader, other);
    } else if (root && !root->IsNull()) {
      throw InputError({source.display, split.data_line, 1, "front matter must be a mapping of keys to values"});
    }
  }
  if (!post.date) post.date = date_from_file_name(source.file.stem().string());
  return post;
}

}  // namespace

Post parse_post(SourceFile source, Diagnostics& diag) {
  return read_post(std::move(source), diag, FrontMatterRules::jekyll, nullptr);
}

Post parse_post(SourceFile source, Diagnostics& diag, ReadOtherKey other) {
  return read_post(std::move(source), diag, FrontMatterRules::jekyll, other);
}

Post parse_hugo_post(SourceFile source, Diagnostics& diag) {
  return read_post(std::move(source), diag, FrontMatterRules::hugo, nullptr);
}

Post parse_hexo_post(SourceFile source, Diagnostics& diag) {
  return read_post(std::move(source), diag, FrontMatterRules::hexo, nullptr);
}

}  // namespace mkepub
