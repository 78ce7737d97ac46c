// Loading: the only stage that reads files. Finds the posts under each input and decodes them.
#include "sources/load.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "base/input_limits.h"
#include "base/text.h"
#include "base/parallel.h"
#include "dialects/dialect.h"
#include "dialects/site.h"
#include "sources/inputs_read.h"
#include "sources/site_root_hint.h"
#include "sources/template_policy.h"

namespace mkepub {
namespace {

bool is_post_name(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".md" || ext == ".markdown" || ext == ".txt";
}

bool is_txt(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".txt";
}

bool starts_with_front_matter(const std::string& text) {
  return text.rfind("---\n", 0) == 0 || text == "---";
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8 (RFC 3629).
size_t utf8_length(const std::string& s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (n == 3 && ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && b(i + 1) < 0x90) || (c == 0xF4 && b(i + 1) >= 0x90))) return 0;
  return n;
}

std::string display_name(const fs::path& input, const fs::path& relative) {
  if (relative.empty()) return input.generic_string();
  auto base = input.generic_string();
  if (!base.empty() && base.back() != '/') base += '/';
  return base + relative.generic_string();
}

// What an error about a book's limits (kMaxPosts, kMaxTotalPostBytes) advises: an anthology has no limit on its
// posts, only each of its books has.
constexpr const char* kSplitAdvice =
    ": make one book per year, category or tag with --split-by (an anthology has no limit on its posts, only each "
    "of its books), and spread the books over processes or machines with --shard K/N";

// Rounded up, so that a size just over a limit does not read as the limit itself.
std::string megabytes(uintmax_t bytes) {
  char text[32];
  double tenths = std::ceil(double(bytes) * 10 / (1 << 20));
  std::snprintf(text, sizeof text, std::fmod(tenths, 10) == 0 ? "%.0f MB" : "%.1f MB", tenths / 10);
  return text;
}

// A post's file read and decoded, before the book's limits are applied: what may run on any thread.
struct ReadPost {
  bool no_front_matter = false;          // a .txt file that does not open with front matter: not read further
  std::optional<Diagnostic> unreadable;  // not a regular file, not readable, or over the limit per post
  size_t bytes = 0;
  std::string text;
  std::optional<Diagnostic> undecodable;  // not UTF-8, or NUL bytes
};

// Whether a file's first bytes open front matter (after a byte order mark, which decoding drops).
bool opens_with_front_matter(const fs::path& file) {
  auto head = read_input(file, 8);
  if (!head) return true;  // let the full read report it
  std::string_view h = *head;
  if (h.rfind("\xEF\xBB\xBF", 0) == 0) h.remove_prefix(3);
  return h.rfind("---\n", 0) == 0 || h.rfind("---\r\n", 0) == 0 || h == "---";
}

// A .txt file is looked at (`peek_txt`) before it is read: one without front matter is no post, whatever its size
// or encoding (a log in a notes folder), and is not read whole.
ReadPost read_post(const fs::path& file, const std::string& display, bool peek_txt = true) {
  ReadPost r;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {  // a device or a pipe could be endless or never end
    r.unreadable = Diagnostic{display, 0, 0, "not a regular file"};
    return r;
  }
  if (peek_txt && is_txt(file) && !opens_with_front_matter(file)) {
    r.no_front_matter = true;
    return r;
  }
  auto bytes = read_input(file, kMaxPostBytes);
  if (!bytes) {
    r.unreadable = Diagnostic{display, 0, 0, "cannot read file"};
  } else if (bytes->size() > kMaxPostBytes) {
    auto size = fs::file_size(file, ec);
    r.unreadable = Diagnostic{display, 0, 0, "the post is " + (ec ? "over " + megabytes(kMaxPostBytes) : megabytes(size)) +
                                                 "; the limit is " + megabytes(kMaxPostBytes) + " per post"};
  } else {
    r.bytes = bytes->size();
    try {
      r.text = decode_text(std::move(*bytes), display);
    } catch (const InputError& e) {
      r.undecodable = e.where;
    }
  }
  return r;
}

// Adds posts in the order it is given them, within the limits for a whole book. Posts it is told about ahead
// (expect) are read a batch at a time on every core: reading and decoding is a fifth of a large site's build.
// A batch is bounded, so that a folder far past the limits is not read whole.
struct Adder {
  Adder(bool keep_going, bool one_book, std::vector<SourceFile>& out, Diagnostics& diag, int jobs)
      : keep_going(keep_going), one_book(one_book), out(out), diag(diag), jobs(jobs) {}
  bool keep_going;
  bool one_book;  // the posts make one book, within its limits; else each book of the split is checked alone
  std::vector<SourceFile>& out;
  Diagnostics& diag;
  int jobs;
  uintmax_t total = 0;  // bytes of the posts added
  bool over = false;    // a limit for the whole book was passed: no more posts are read
  void operator()(const fs::path& file, std::string display, const fs::path& root, bool explicit_input);
  void expect(std::vector<std::pair<fs::path, std::string>> files) {
    upcoming = std::move(files);
    next = 0;
  }

 private:
  static constexpr size_t kBatch = 64;
  std::vector<std::pair<fs::path, std::string>> upcoming;  // file, display
  size_t next = 0;
  std::map<fs::path, ReadPost> ready;
  ReadPost take(const fs::path& file, const std::string& display);
};

ReadPost Adder::take(const fs::path& file, const std::string& display) {
  if (!ready.count(file) && next < upcoming.size() && upcoming[next].first == file) {
    size_t n = std::min(kBatch, upcoming.size() - next);
    std::vector<ReadPost> batch(n);
    parallel_for(n, jobs, [&](size_t i) { batch[i] = read_post(upcoming[next + i].first, upcoming[next + i].second); });
    for (size_t i = 0; i < n; ++i) ready[upcoming[next + i].first] = std::move(batch[i]);
    next += n;
  }
  if (auto it = ready.find(file); it != ready.end()) {
    ReadPost r = std::move(it->second);
    ready.erase(it);
    return r;
  }
  return read_post(file, display);
}

void Adder::operator()(const fs::path& file, std::string display, const fs::path& root, bool explicit_input) {
  if (over) return;
  ReadPost r = take(file, display);
  if (r.no_front_matter) {
    if (!explicit_input) return;  // a .txt file found in a folder is a post only when it opens with front matter
    r = read_post(file, display, false);
  }
  if (r.unreadable) return diag.post_error(*r.unreadable, keep_going);
  if (one_book && (out.size() >= kMaxPosts || (total += r.bytes) > kMaxTotalPostBytes)) {
    over = true;
    ready.clear();
    diag.error({display, 0, 0,
                (out.size() >= kMaxPosts
                     ? "more than " + std::to_string(kMaxPosts) + " posts; the limit is " + std::to_string(kMaxPosts) +
                           " per book"
                     : "the posts add up to more than " + megabytes(kMaxTotalPostBytes) + ", the limit for one book") +
                    std::string(kSplitAdvice)});
    return;
  }
  if (r.undecodable) return diag.post_error(*r.undecodable, keep_going);
  // A .txt file found in a folder is a post only when it opens with front matter, like the seed.
  if (is_txt(file) && !explicit_input && !starts_with_front_matter(r.text)) return;
  out.push_back({file, std::move(display), root, std::move(r.text)});
}

// `-`: one post from standard input (pandoc's), named `-` in messages. It sits in the current folder, where its
// relative images are looked for (the folder is one of the book's roots, as a post file's folder is).
void add_standard_input(std::vector<SourceFile>& out, Diagnostics& diag) {
  auto bytes = read_file("/dev/stdin", kMaxPostBytes);
  if (!bytes) return diag.error({"-", 0, 0, "cannot read standard input"});
  if (bytes->size() > kMaxPostBytes)
    return diag.error({"-", 0, 0, "the post is over " + megabytes(kMaxPostBytes) + "; the limit is " +
                                      megabytes(kMaxPostBytes) + " per post"});
  try {
    fs::path here = fs::current_path();
    out.push_back({here / "-", "-", here, decode_text(std::move(*bytes), "-")});
  } catch (const InputError& e) {
    diag.error(e.where);
  }
}

}  // namespace

std::optional<std::string> read_file(const fs::path& file, size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  // Reserved at the size the file has: a string grown piece by piece would hold up to twice each post and image.
  in.seekg(0, std::ios::end);
  if (auto size = static_cast<std::streamoff>(in.tellg()); size > 0)
    bytes.reserve(std::min(static_cast<size_t>(size), max_bytes + 1));
  in.clear();  // a pipe or a /proc file cannot seek: read it from where it is
  in.seekg(0);
  in.clear();
  char buf[1 << 16];
  while (bytes.size() <= max_bytes) {
    in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, max_bytes + 1 - bytes.size())));
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (!in) break;
  }
  if (in.bad()) return std::nullopt;
  return bytes;
}

bool is_within(const std::vector<fs::path>& roots, const fs::path& file) {
  for (const auto& r : roots)  // an empty root (a path that could not be resolved) holds nothing
    if (!r.empty() && std::mismatch(r.begin(), r.end(), file.begin(), file.end()).first == r.end()) return true;
  return false;
}

std::function<std::optional<std::string>(const fs::path&)> confined_reader(std::vector<fs::path> roots) {
  for (auto& r : roots) r = fs::weakly_canonical(r);
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  return [roots](const fs::path& file) -> std::optional<std::string> {
    std::error_code ec;
    auto f = fs::weakly_canonical(file, ec);
    if (ec || !fs::is_regular_file(f, ec) || !is_within(roots, f)) return std::nullopt;
    auto bytes = read_input(f, kMaxAssetBytes);
    if (bytes && bytes->size() > kMaxAssetBytes) return std::nullopt;
    return bytes;
  };
}

std::string decode_text(std::string bytes, const std::string& display) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  int line = 1, col = 1;
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] >= 0x20 && bytes[i] < 0x7F) {  // printable ASCII, most of any text: nothing to check
      ++i;
      ++col;
      continue;
    }
    size_t n = utf8_length(bytes, i);
    if (n == 0) throw InputError({display, line, col, "invalid UTF-8 (the file must be UTF-8 encoded)"});
    if (bytes[i] == '\0') throw InputError({display, line, col, "NUL byte in text file"});
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += n;
  }
  if (bytes.find('\r') == std::string::npos) return bytes;
  std::string text;
  text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\r') {
      text += bytes[i];
    } else if (i + 1 >= bytes.size() || bytes[i + 1] != '\n') {
      text += '\n';  // a lone CR (old Mac line end) is a line end too
    }
  }
  return text;
}

namespace {

// Whether `path`, symlinks followed, leads outside `root` (canonical).
bool leads_outside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  return !is_within({root}, fs::weakly_canonical(path, ec));
}

// Post files under `folder`, recursively, sorted. Hidden folders, node_modules and folders starting with `_`
// are skipped: site generators keep partials, layouts, drafts and output there (Hugo's _common, Jekyll's
// _includes and _site), not pages; their posts folders (_posts) are found by detect_site. Nothing outside `root`
// (the input folder, canonical) is read: a posts folder, a post or a subfolder that is a symlink leading out is
// left out with a warning (symlinked subfolders are not followed in any case).
std::vector<fs::path> find_posts(const fs::path& folder, const fs::path& root, Diagnostics& diag) {
  auto outside = [&](const fs::path& p, const char* what) {
    diag.warn({p.generic_string(), 0, 0, std::string("links to a ") + what + " outside the input folder; not read",
               "outside the input folders"});
  };
  if (leads_outside(root, folder)) {
    outside(folder, "folder");
    return {};
  }
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    auto name = it->path().filename().string();
    bool is_dir = it->is_directory(ec);
    if (!name.empty() && (name[0] == '.' || name == "node_modules" || (is_dir && name[0] == '_'))) {
      if (is_dir) it.disable_recursion_pending();
      continue;
    }
    bool is_post = !is_dir && it->is_regular_file(ec) && is_post_name(it->path());
    std::error_code link_ec;
    if ((is_dir || is_post) && it->is_symlink(link_ec) && leads_outside(root, it->path())) {
      outside(it->path(), is_dir ? "folder" : "file");
      continue;
    }
    if (is_post) files.push_back(it->path());
  }
  if (ec) diag.error({folder.generic_string(), 0, 0, "cannot read folder: " + ec.message()});
  std::sort(files.begin(), files.end());
  return files;
}

// Hugo: a Markdown file inside a leaf bundle (a folder with index.md, up to `content`) other than its index.md is
// one of the bundle's resources, not a page (https://gohugo.io/content-management/page-bundles/).
bool in_leaf_bundle(const fs::path& file, const fs::path& content) {
  std::error_code ec;
  for (fs::path dir = file.parent_path(); dir != content && dir.has_relative_path(); dir = dir.parent_path()) {
    if (dir.lexically_relative(content).empty() || *dir.lexically_relative(content).begin() == "..") break;
    auto index = dir / "index.md";
    if (index != file && fs::is_regular_file(index, ec)) return true;
  }
  return false;
}

// The chapters a SUMMARY.md (or a vault's listing) gives, in its order, each inside the input folder (`root`,
// canonical); the folder's other Markdown files are left out, with a note for a SUMMARY.md. Messages about an
// entry point at its line in SUMMARY.md.
void load_book(const Site& site, const fs::path& input, const fs::path& root, Adder& add, Diagnostics& diag) {
  const std::string summary = display_name(input, (site.source_dir / "SUMMARY.md").lexically_relative(input));
  std::string part;
  std::set<std::string> listed;
  for (const auto& entry : site.summary) {
    if (entry.kind == SummaryEntry::Kind::part) {
      part = entry.title;
      continue;
    }
    if (entry.file.empty()) continue;  // a draft chapter: `[Title]()`
    auto warn = [&](const std::string& what, const char* kind) {
      diag.warn({summary, entry.line, entry.column, "chapter `" + entry.target + "` " + what, kind});
    };
    std::error_code ec;
    auto file = fs::weakly_canonical(entry.file, ec);
    if (ec || !is_within({root}, file)) {
      warn("leads outside the input folder; not read", "outside the input folders");
      continue;
    }
    auto display = display_name(input, entry.file.lexically_relative(input));
    if (!listed.insert(file.string()).second) continue;
    if (!fs::is_regular_file(file, ec)) {
      warn("not found (looked for " + display + "); left out", "missing chapter");
      continue;
    }
    size_t before = add.out.size();
    add(entry.file, display, root, true);
    if (add.out.size() > before) {
      add.out.back().nesting = entry.depth;
      add.out.back().part = part;
      add.out.back().summary_title = entry.title;
      part.clear();
    }
  }
  if (site.dialect == &obsidian_dialect) return;  // a vault lists every note but those it leaves out, and says so
  size_t unlisted = 0;
  for (const auto& f : find_posts(input, root, diag))
    if (f.extension() != ".txt" && f.filename() != "SUMMARY.md" && !listed.count(fs::weakly_canonical(f).string()))
      ++unlisted;
  if (unlisted)
    diag.note({input.generic_string(), 0, 0, std::to_string(unlisted) + " Markdown file(s) not in SUMMARY.md left out"});
}

}  // namespace


TemplateOverrides load_templates(const fs::path& dir, Diagnostics& diag) {
  TemplateOverrides out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diag.error({dir.generic_string(), 0, 0, "no such templates folder"});
    return out;
  }
  auto names = template_names();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    std::string display = (dir / name).generic_string();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      diag.warn({display, 0, 0, "not a template mkepub knows; ignored", "unknown template"});
      continue;
    }
    auto bytes = read_input(entry.path());
    if (!bytes) {
      diag.error({display, 0, 0, "cannot read file"});
      continue;
    }
    try {
      auto text = decode_text(std::move(*bytes), display);
      if (entry.path().extension() == ".xhtml") {
        pugi::xml_document doc;
        auto r = doc.load_buffer(text.data(), text.size());
        if (!r) {
          auto [line, col] = position_of(text, static_cast<size_t>(r.offset));
          diag.error({display, line, col, std::string("not well-formed XML: ") + r.description()});
          continue;
        }
        for (const auto& slot : required_slots(name))
          if (!take_slot(doc, slot.c_str()))
            diag.error({display, 0, 0, "no element with data-slot=\"" + slot + "\", which mkepub fills"});
      }
      if (auto safe = safe_template(name, text, display, diag)) out[name] = std::move(*safe);
    } catch (const InputError& e) {
      diag.error(e.where);
    }
  }
  return out;
}

Loaded load_sources(const std::vector<fs::path>& inputs, bool keep_going, Diagnostics& diag, int jobs, bool one_book) {
  Loaded loaded;
  auto& out = loaded.sources;
  Adder add_file{keep_going, one_book, out, diag, jobs};
  for (const auto& input : inputs) {
    if (input == kStandardInput) {
      add_standard_input(out, diag);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      diag.error({input.generic_string(), 0, 0, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      add_file(input, input.generic_string(), fs::weakly_canonical(input).parent_path(), true);
      continue;
    }
    if (auto root = site_root_instead_of(input))
      diag.note({input.generic_string(), 0, 0,
                 "a folder inside a site; give the site's root `" + root->generic_string() +
                     "` instead, so that the site is read whole: its title, permalinks, links and `_posts`"});
    auto root = fs::weakly_canonical(input);
    size_t before = out.size(), problems_before = diag.errors().size() + diag.warnings().size();
    Site site = detect_site(input, input.generic_string(), diag);
    if (site.dialect->order == Dialect::Order::summary) {
      load_book(site, input, root, add_file, diag);
    } else {
      std::vector<std::pair<fs::path, std::string>> files;
      for (const auto& dir : site.post_dirs)
        for (const auto& f : find_posts(dir, root, diag))
          if (site.dialect->order != Dialect::Order::sections || !in_leaf_bundle(f, dir))
            files.emplace_back(f, display_name(input, f.lexically_relative(input)));
      add_file.expect(files);
      for (auto& [f, display] : files) add_file(f, display, root, false);
    }
    for (size_t i = before; i < out.size(); ++i) out[i].dialect = site.dialect;
    if (!loaded.site) loaded.site = std::move(site);
    if (out.size() == before && diag.errors().size() + diag.warnings().size() == problems_before)
      diag.error({input.generic_string(), 0, 0, "no posts found (looked for .md, .markdown and .txt with front matter)"});
  }
  return loaded;
}

}  // namespace mkepub
