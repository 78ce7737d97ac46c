// Book config: mkepub.yaml (one book, or `books:` sharing top-level defaults) read into Options; flags win.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/suggest.h"
#include "epub/highlight_css.h"
#include "sources/book_config.h"
#include "sources/load.h"
#include "sources/yaml_bounds.h"
#include "sources/yaml_fields.h"

namespace mkepub {
namespace {

class Reader {
 public:
  Reader(const fs::path& config_file, const std::set<std::string>& given, Diagnostics& diag)
      : yaml(config_file.string(), diag, {.strict = true}),
        display_(config_file.string()),
        dir_(config_file.parent_path()),
        given_(given),
        diag_(diag) {
    if (dir_.empty()) dir_ = ".";
  }

  YamlFields yaml;  // a book config is written for mkepub: a value it cannot use is an error

  void error(const YAML::Mark& m, const std::string& message) { yaml.error(m, message); }
  int errors() const { return yaml.errors(); }
  void outside(const YAML::Mark& m, const std::string& message) {
    auto [line, column] = yaml.position(m);
    diag_.warn({display_, line, column, message + " leads outside the book config's folder; not read",
                "outside the input folders"});
  }
  bool given(const std::string& flag) const { return given_.count(flag) > 0; }
  fs::path path(const std::string& rel) const { return (dir_ / rel).lexically_normal(); }

  std::optional<std::string> text(const YAML::Node& v, const std::string& key) { return yaml.scalar(v, key); }

  // A string or a list of strings.
  std::optional<std::vector<std::string>> texts(const YAML::Node& v, const std::string& key) {
    std::vector<std::string> out;
    if (!yaml.list(v, key, out)) return std::nullopt;
    return out;
  }

  std::optional<bool> boolean(const YAML::Node& v, const std::string& key) { return yaml.boolean(v, key); }
  std::optional<Date> date(const YAML::Node& v, const std::string& key) { return yaml.date(v, key); }

  void toc_depth(const YAML::Node& v, int& out) {
    if (auto n = yaml.integer(v, "toc_depth", 1, 6)) out = *n;
  }

  void highlight_style(const YAML::Node& v, Options& o) {
    auto s = text(v, "highlight_style");
    if (!s) return;
    const auto& names = highlight_style_names();
    if (std::find(names.begin(), names.end(), *s) == names.end()) {
      std::string listed;
      for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
      return error(v.Mark(), "`highlight_style`: expected one of " + listed + ", not `" + *s + "`");
    }
    o.highlight_style = *s;
  }

  void sort(const YAML::Node& v, Options& o) {
    auto s = text(v, "sort");
    if (!s) return;
    if (*s != "date" && *s != "name") return error(v.Mark(), "`sort`: expected date or name, not `" + *s + "`");
    o.sort = *s == "date" ? Options::Sort::date : Options::Sort::name;
    o.sort_given = true;
  }

  // EPUB's group-position: a number, or numbers separated by dots (volume 98, issue 4: 98.4).
  void series_index(const YAML::Node& v, std::string& out) {
    auto s = text(v, "series_index");
    if (!s) return;
    bool digit = false, valid = true;  // digit: the last character was one
    for (char c : *s) {
      valid = valid && (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && digit));
      digit = c != '.';
    }
    if (!valid || (!digit && !s->empty()))
      return error(v.Mark(), "`series_index`: expected a number such as 2 or 98.4, not `" + *s + "`");
    out = *s;
  }

  // Folders, files and globs; each must name something. Folders and files named outright may be anywhere: they
  // are the book's inputs, as on the command line. What a glob matches must resolve, symlinks followed, inside
  // the config's folder or one of those folders (the input roots); anything else is left out with a warning.
  void sources(const YAML::Node& v, std::vector<fs::path>& out) {
    if (!texts(v, "sources")) return;
    std::vector<fs::path> found;
    std::vector<YAML::Node> items;
    if (v.IsSequence())
      for (const auto& item : v) items.push_back(item);
    else
      items.push_back(v);
    auto is_glob = [](const std::string& s) { return s.find_first_of("*?") != std::string::npos; };
    std::vector<fs::path> roots = {canonical(dir_)};
    for (const auto& item : items)
      if (std::error_code ec; !is_glob(item.Scalar()) && fs::is_directory(path(item.Scalar()), ec))
        roots.push_back(canonical(path(item.Scalar())));
    for (const auto& item : items) {
      const std::string& s = item.Scalar();
      if (is_glob(s)) {
        glob(item, roots, found);
      } else if (std::error_code ec; fs::exists(path(s), ec)) {
        found.push_back(path(s));
      } else {
        error(item.Mark(), "`sources`: `" + s + "` does not exist");
      }
    }
    out = found;
  }

  // The files and folders glob `item` matches inside `roots`. Its folder (the part before the first wildcard)
  // is not even listed when it is outside them.
  void glob(const YAML::Node& item, const std::vector<fs::path>& roots, std::vector<fs::path>& found) {
    const std::string& s = item.Scalar();
    fs::path base;
    for (const auto& part : fs::path(s).parent_path()) {
      if (part.string().find_first_of("*?") != std::string::npos) break;
      base /= part;
    }
    if (!is_within(roots, canonical(path(base.string())))) return outside(item.Mark(), "`sources`: `" + s + "`");
    bool exhausted = false;
    auto matches = expand_glob(dir_, s, &exhausted);
    if (exhausted)
      return error(item.Mark(), "`sources`: `" + s + "` lists more than " + std::to_string(kMaxGlobListings) +
                                    " folders; name a narrower one");
    if (matches.empty()) error(item.Mark(), "`sources`: `" + s + "` matches nothing");
    for (auto& m : matches) {
      if (is_within(roots, canonical(m))) found.push_back(m.lexically_normal());
      else outside(item.Mark(), "`sources`: `" + s + "` matches `" + m.lexically_normal().string() + "`, which");
    }
  }

  static fs::path canonical(const fs::path& p) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(p, ec), ec);
  }

  // A font that names a file (an existing one, or one written like a file) is relative to the config.
  std::string font(const std::string& name) {
    std::error_code ec;
    std::string ext = fs::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    bool looks_like_file = name.find('/') != std::string::npos ||
                           ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc" || ext == ".woff" ||
                           ext == ".woff2";
    if (looks_like_file || fs::is_regular_file(path(name), ec)) return path(name).string();
    return name;
  }

  void filters(const YAML::Node& v, Filters& f);
  void unknown(const YAML::Node& key, const std::string& name, const std::vector<std::string>& valid,
               const std::string& more = "");

 private:
  std::string display_;
  fs::path dir_;
  const std::set<std::string>& given_;
  Diagnostics& diag_;  // for warnings, which `yaml`, strict, does not give
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void Reader::unknown(const YAML::Node& key, const std::string& name, const std::vector<std::string>& valid,
                     const std::string& more) {
  std::string close = closest_match(name, valid);
  error(key.Mark(), "unknown key `" + name + "`" + (close.empty() ? "" : " (did you mean `" + close + "`?)") +
                        "; valid keys: " + join(valid) + more);
}

void Reader::filters(const YAML::Node& v, Filters& f) {
  if (v.IsNull()) return;
  if (!v.IsMap()) return error(v.Mark(), "`filters`: expected a map of tags, categories, from, to, drafts");
  for (const auto& kv : v) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    if (key == "tags" || key == "categories") {
      if (auto list = texts(value, key)) (key == "tags" ? f.tags : f.categories) = *list;
    } else if (key == "from" || key == "to") {
      if (value.IsNull()) continue;
      if (auto d = date(value, key)) (key == "from" ? f.from : f.to) = *d;
    } else if (key == "drafts") {
      if (auto b = boolean(value, key)) f.drafts = *b;
    } else {
      unknown(kv.first, key, {"categories", "drafts", "from", "tags", "to"});
    }
  }
}

// One key of a book: its name, the command-line flag that wins over it, and what it sets.
struct Key {
  const char* name;
  const char* flag;  // "" when no flag sets it
  void (*apply)(Reader&, const YAML::Node&, Options&);
};

void set_text(Reader& r, const YAML::Node& v, const char* key, std::string& out) {
  if (auto s = r.text(v, key)) out = *s;
}

void set_path(Reader& r, const YAML::Node& v, const char* key, fs::path& out) {
  if (auto s = r.text(v, key)) out = s->empty() ? fs::path() : r.path(*s);
}

void set_bool(Reader& r, const YAML::Node& v, const char* key, bool& out) {
  if (auto b = r.boolean(v, key)) out = *b;
}

void set_authors(Reader& r, const YAML::Node& v, Options& o) {
  if (auto list = r.texts(v, "authors")) o.authors = *list;
}

// Sorted: the unknown-key message lists them in this order. `author` is an alias of `authors`.
const Key kKeys[] = {
    {"author", "author", set_authors},
    {"authors", "author", set_authors},
    {"cover", "cover", [](Reader& r, const YAML::Node& v, Options& o) { set_path(r, v, "cover", o.cover); }},
    {"description", "",
     [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "description", o.description); }},
    {"filters", "", [](Reader& r, const YAML::Node& v, Options& o) { r.filters(v, o.filters); }},
    {"fonts", "font",
     [](Reader& r, const YAML::Node& v, Options& o) {
       if (auto list = r.texts(v, "fonts")) {
         o.fonts.clear();
         for (const auto& f : *list) o.fonts.push_back(r.font(f));
       }
     }},
    {"highlight", "no-highlight",
     [](Reader& r, const YAML::Node& v, Options& o) { set_bool(r, v, "highlight", o.highlight); }},
    {"highlight_style", "highlight-style", [](Reader& r, const YAML::Node& v, Options& o) { r.highlight_style(v, o); }},
    {"identifier", "identifier",
     [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "identifier", o.identifier); }},
    {"image_max", "image-max",
     [](Reader& r, const YAML::Node& v, Options& o) {
       if (auto n = r.yaml.integer(v, "image_max", 0, 65535)) o.image_max = *n;
     }},
    {"keep_going", "keep-going",
     [](Reader& r, const YAML::Node& v, Options& o) { set_bool(r, v, "keep_going", o.keep_going); }},
    {"language", "language",
     [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "language", o.language); }},
    {"mono_font", "mono-font",
     [](Reader& r, const YAML::Node& v, Options& o) {
       if (auto s = r.text(v, "mono_font")) o.mono_font = r.font(*s);
     }},
    {"output", "output", [](Reader& r, const YAML::Node& v, Options& o) { set_path(r, v, "output", o.output); }},
    {"publisher", "", [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "publisher", o.publisher); }},
    {"rights", "", [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "rights", o.rights); }},
    {"series", "", [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "series", o.series); }},
    {"series_index", "", [](Reader& r, const YAML::Node& v, Options& o) { r.series_index(v, o.series_index); }},
    {"sort", "sort", [](Reader& r, const YAML::Node& v, Options& o) { r.sort(v, o); }},
    {"sources", "", [](Reader& r, const YAML::Node& v, Options& o) { r.sources(v, o.inputs); }},
    {"subtitle", "", [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "subtitle", o.subtitle); }},
    {"templates", "templates",
     [](Reader& r, const YAML::Node& v, Options& o) { set_path(r, v, "templates", o.templates); }},
    {"title", "title", [](Reader& r, const YAML::Node& v, Options& o) { set_text(r, v, "title", o.title); }},
    {"toc_depth", "toc-depth", [](Reader& r, const YAML::Node& v, Options& o) { r.toc_depth(v, o.toc_depth); }},
    {"vertical", "vertical",
     [](Reader& r, const YAML::Node& v, Options& o) { set_bool(r, v, "vertical", o.vertical); }},
};

std::vector<std::string> listed_keys() {
  std::vector<std::string> out;
  for (const auto& k : kKeys)
    if (std::string(k.name) != "author") out.push_back(k.name);
  return out;
}

// Applies a book's keys (or the top-level defaults) to `o`. A key whose flag was given is still checked, into a
// scratch copy, so that a wrong config is an error whatever the command line says. In an anthology -o names the
// folder, so the books' own `output` is read anyway (read_books puts it there).
void apply_keys(Reader& r, const YAML::Node& map, Options& o, bool top_level, bool anthology) {
  for (const auto& kv : map) {
    const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
    if (name == "books") {
      if (!top_level) r.error(kv.first.Mark(), "`books` cannot appear inside a book");
      continue;
    }
    const Key* key = std::find_if(std::begin(kKeys), std::end(kKeys), [&](const Key& k) { return name == k.name; });
    if (key == std::end(kKeys)) {
      r.unknown(kv.first, name, listed_keys(), top_level ? "; and books, a list of books" : "");
      continue;
    }
    Options scratch = o;
    // A flag, or the same key from -M or --metadata-file ("key:title"), wins over the config.
    bool flag_wins = ((*key->flag && r.given(key->flag)) || r.given("key:" + name)) && !(anthology && name == "output");
    key->apply(r, kv.second, flag_wins ? scratch : o);
  }
}

Options default_book(const Options& cli, const fs::path& config_file) {
  Options o = cli;
  fs::path dir = config_file.parent_path();
  o.inputs = {dir.empty() ? fs::path(".") : dir};
  return o;
}

std::vector<Options> read_books(Reader& r, const YAML::Node& root, const YAML::Node& books, const Options& cli,
                                const fs::path& config_file) {
  if (!books.IsSequence() || books.size() == 0) {
    r.error(books.Mark(), "`books`: expected a list of books, each a map of keys");
    return {};
  }
  if (root["output"])
    r.error(root["output"].Mark(), "`output` at the top level would give every book the same file; "
                                   "set it in each book");
  Options defaults = default_book(cli, config_file);
  defaults.output.clear();
  apply_keys(r, root, defaults, true, true);
  std::vector<Options> out;
  for (const auto& entry : books) {
    if (!entry.IsMap()) {
      r.error(entry.Mark(), "`books`: expected a map of keys for each book");
      continue;
    }
    Options book = defaults;
    apply_keys(r, entry, book, false, true);
    // -o names the folder of an anthology: a book's own file name goes into it.
    if (r.given("output") && !book.output.empty()) book.output = cli.output / book.output.filename();
    out.push_back(std::move(book));
  }
  return out;
}

// `*` and `?` within one name. Greedy, going back only to the last `*` seen: a pattern of many `*` against a long
// name takes time in proportion to their product, not exponential time as recursion on each `*` does.
bool match_name(std::string_view pat, std::string_view name) {
  size_t p = 0, n = 0, star = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == name[n])) {
      ++p, ++n;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++, star_n = n;
    } else if (star != std::string_view::npos) {
      p = star + 1, n = ++star_n;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

// One glob's walk. Each folder is listed at most once per pattern part, found by whatever path (a `**` after a
// `**`, or a symlink back up the tree, reaches the same folders many ways), and at most kMaxGlobListings times in
// all.
struct GlobWalk {
  const std::vector<std::string>& parts;
  std::vector<fs::path>& out;
  std::set<std::pair<std::string, size_t>> seen;
  size_t listings = 0;
  bool exhausted = false;

  void walk(const fs::path& base, size_t i) {
    std::error_code ec;
    if (i == parts.size()) {
      if (fs::exists(base, ec)) out.push_back(base);
      return;
    }
    const std::string& part = parts[i];
    if (part.find_first_of("*?") == std::string::npos) return walk(base / part, i + 1);
    if (!seen.insert({fs::weakly_canonical(base, ec).string(), i}).second) return;
    if (++listings > kMaxGlobListings) {
      exhausted = true;
      return;
    }
    if (part == "**") walk(base, i + 1);
    for (const auto& entry : fs::directory_iterator(base, ec)) {
      if (exhausted) return;
      std::string name = entry.path().filename().string();
      if (name[0] == '.' && part[0] != '.') continue;
      if (part == "**") {  // not into symlinked folders, as bash's globstar: a link to `..` would loop
        if (entry.is_directory(ec) && !entry.is_symlink(ec)) walk(entry.path(), i);
      } else if (match_name(part, name)) {
        walk(entry.path(), i + 1);
      }
    }
  }
};

}  // namespace

std::vector<fs::path> expand_glob(const fs::path& base, const std::string& pattern, bool* exhausted) {
  std::vector<std::string> parts;
  fs::path start = base;
  for (const auto& p : fs::path(pattern)) {
    if (p == "/") start = p;
    else if (!p.empty() && !(p == "**" && !parts.empty() && parts.back() == "**")) parts.push_back(p.string());
  }
  std::vector<fs::path> out;
  GlobWalk walk{parts, out, {}};
  walk.walk(start, 0);
  if (exhausted) *exhausted = walk.exhausted;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool apply_command_line_keys(const std::string& yaml, const fs::path& origin, Options& o, std::set<std::string>& given,
                             Diagnostics& diag) {
  Reader r(origin, given, diag);
  YAML::Node root;
  try {
    root = load_bounded_yaml(yaml);
  } catch (const YAML::Exception& e) {
    r.error(e.mark, "invalid YAML in " + origin.filename().string() + ": " + e.msg);
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    r.error(root.Mark(), origin.filename().string() + " must be a map of keys to values");
    return false;
  }
  Options scratch = o;
  apply_keys(r, root, scratch, false, false);  // `books` is an error here: these keys describe one book
  if (r.errors() > 0) return false;
  o = std::move(scratch);
  for (const auto& kv : root) given.insert("key:" + kv.first.Scalar());
  return true;
}

std::vector<Options> read_book_config(const std::string& yaml, const fs::path& config_file, const Options& cli,
                                      const std::set<std::string>& cli_given, Diagnostics& diag) {
  Reader r(config_file, cli_given, diag);
  YAML::Node root;
  try {
    root = load_bounded_yaml(yaml);
  } catch (const YAML::Exception& e) {
    r.error(e.mark, "invalid YAML in " + config_file.filename().string() + ": " + e.msg);
    return {};
  }
  const YAML::Node& map = root;  // const: looking a key up must not add it
  std::vector<Options> books;
  if (root.IsNull()) {
    books = {default_book(cli, config_file)};
  } else if (!root.IsMap()) {
    r.error(root.Mark(), config_file.filename().string() + " must be a map of keys to values");
  } else if (map["books"]) {
    books = read_books(r, map, map["books"], cli, config_file);
  } else {
    books = {default_book(cli, config_file)};
    apply_keys(r, root, books[0], true, false);
  }
  if (r.errors() > 0) return {};
  return books;
}

}  // namespace mkepub
