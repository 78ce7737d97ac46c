// Posts: YAML front matter between `---` lines (Hexo's fields, https://hexo.io/docs/front-matter) and the body.
// Values are read with the shared YAML field reader (yaml_fields.h).
#include "sources/frontmatter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "base/dates.h"
#include "base/text.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

struct Split {
  std::string yaml;
  int yaml_line = 0;  // line of the post file where the YAML starts
  std::string body;
  int body_line = 1;
};

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

// Takes the text: the body is what remains of it once the front matter is cut off, so a post's Markdown is never
// held twice (a book's loaded posts are its biggest value).
Split split_front_matter(std::string text, const std::string& display) {
  Split s;
  size_t eol = text.find('\n');
  if (!is_fence(std::string_view(text).substr(0, eol), false)) {
    s.body = std::move(text);
    return s;
  }
  size_t pos = eol == std::string::npos ? text.size() : eol + 1;
  int line = 2;
  s.yaml_line = 2;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (is_fence(std::string_view(text).substr(pos, end - pos), true)) {
      s.yaml = text.substr(eol + 1, pos - eol - 1);
      text.erase(0, std::min(end + 1, text.size()));
      s.body = std::move(text);
      s.body_line = line + 1;
      return s;
    }
    pos = end + 1;
    ++line;
  }
  throw InputError({display, 1, 1, "front matter opened here is never closed (expected a line `---`)"});
}

void read_fields(const YAML::Node& root, Post& post, YamlFields& r) {
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "title") post.title = trim(r.scalar(v, key).value_or(""));
    else if (key == "date") post.date = r.date(v, key);
    else if (key == "updated") post.updated = r.date(v, key);
    else if (key == "tags") r.list(v, key, post.tags);
    else if (key == "categories" || key == "category") r.list(v, key, post.categories);
    else if (key == "keywords") {
      if (v.IsScalar()) {
        std::string all = v.Scalar(), item;
        for (size_t pos = 0; pos <= all.size(); ++pos) {
          if (pos == all.size() || all[pos] == ',') {
            if (!trim(item).empty()) post.keywords.emplace_back(trim(item));
            item.clear();
          } else {
            item += all[pos];
          }
        }
      } else {
        r.list(v, key, post.keywords);
      }
    } else if (key == "description" || (key == "excerpt" && post.description.empty()))
      post.description = trim(r.scalar(v, key).value_or(""));
    else if (key == "author" || key == "authors") r.names(v, key, post.authors);
    else if (key == "lang" || key == "language") post.language = trim(r.scalar(v, key).value_or(""));
    else if (key == "abbrlink") post.abbrlink = trim(r.scalar(v, key).value_or(""));
    else if (key == "permalink") post.permalink = trim(r.scalar(v, key).value_or(""));
    else if (key == "toc") post.toc = r.boolean(v, key).value_or(true);
    else if (key == "toc_number") post.toc_number = r.boolean(v, key).value_or(false);
    else if (key == "draft") post.draft = post.draft || r.boolean(v, key).value_or(false);
    else if (key == "published") post.draft = post.draft || !r.boolean(v, key).value_or(true);
  }
}

}  // namespace

Post parse_post(SourceFile source, Diagnostics& diag) {
  Post post;
  post.file = source.file;
  post.display = source.display;
  post.root = source.root;
  post.nesting = source.nesting;
  post.part = source.part;
  post.summary_title = source.summary_title;
  auto split = split_front_matter(std::move(source.text), source.display);
  post.body = std::move(split.body);
  post.body_line = split.body_line;
  if (split.yaml_line > 0) {
    YAML::Node root;
    try {
      root = load_bounded_yaml(split.yaml);
    } catch (const YAML::Exception& e) {
      int line = e.mark.is_null() ? split.yaml_line : split.yaml_line + e.mark.line;
      int col = e.mark.is_null() ? 1 : e.mark.column + 1;
      throw InputError({source.display, line, col, "invalid YAML in front matter: " + e.msg});
    }
    if (root.IsMap()) {
      YamlFields reader(
          post.display, diag,
          {.prefix = "front matter ", .kind = "front matter value ignored", .first_line = split.yaml_line});
      read_fields(root, post, reader);
    } else if (!root.IsNull()) {
      throw InputError({source.display, split.yaml_line, 1, "front matter must be a mapping of keys to values"});
    }
  }
  if (!post.date) post.date = date_from_file_name(source.file.stem().string());
  return post;
}

}  // namespace mkepub
