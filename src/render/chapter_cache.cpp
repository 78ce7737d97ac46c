// The chapter cache: keys over everything a post's render reads, and the book's file of entries, read and written anew.
#include "render/chapter_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

#include "base/digest.h"
#include "dialects/dialect.h"
#include "epub/temporaries.h"
#include "run/cache.h"
#include "sources/load.h"

namespace mkepub {
namespace {

thread_local IncludeReads* current_log = nullptr;

std::string hash_of(const std::optional<std::string>& bytes) { return bytes ? Sha256().add(*bytes).hex() : ""; }

// The book's file: a header, then each entry as its key, its length and its bytes (each entry carries its own
// checksum). Framing that does not add up ends the reading: what follows is a miss.
constexpr std::string_view kPackMagic = "mkepub chapter pack 1\n";

std::map<std::string, std::string_view> index_pack(std::string_view pack) {
  std::map<std::string, std::string_view> entries;
  if (pack.substr(0, kPackMagic.size()) != kPackMagic) return entries;
  pack.remove_prefix(kPackMagic.size());
  while (pack.size() >= 64 + 8) {
    std::string key(pack.substr(0, 64));
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(pack[64 + i])) << (8 * i);
    pack.remove_prefix(64 + 8);
    if (n > pack.size()) break;
    entries.emplace(std::move(key), pack.substr(0, n));
    pack.remove_prefix(n);
  }
  return entries;
}

void add_to_pack(std::string& pack, const std::string& key, std::string_view entry) {
  pack += key;
  uint64_t n = entry.size();
  for (int i = 0; i < 8; ++i) pack += static_cast<char>((n >> (8 * i)) & 0xff);
  pack += entry;
}

// Atomic (a reader sees the whole file or the old one) but not synced: a lost file is only a miss. The temporary
// is made with O_EXCL (create_temporary), so that processes sharing a cache folder over a network file system,
// where two may have the same process id, never write into one file; a stopping signal removes it.
void write_pack(const fs::path& file, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::string tmp;
  int fd;
  try {
    fd = create_temporary(file.parent_path(), "." + file.filename().string() + ".tmp-", tmp);
  } catch (const std::runtime_error&) {
    return;
  }
  bool written = fchmod(fd, 0644) == 0;
  for (size_t done = 0; written && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<size_t>(n);
  }
  written = close(fd) == 0 && written;
  if (written) fs::rename(tmp, file, ec);
  if (!written || ec) fs::remove(tmp, ec);
  forget_temporary(tmp);
}

}  // namespace

LogIncludes::LogIncludes(IncludeReads& log) : outer_(current_log) { current_log = &log; }
LogIncludes::~LogIncludes() { current_log = outer_; }

ReadInclude logging_reader(ReadInclude read) {
  return [read = std::move(read)](const fs::path& file) {
    auto bytes = read(file);
    if (current_log) current_log->files.emplace_back(file, hash_of(bytes));
    return bytes;
  };
}

ChapterCache::ChapterCache(const fs::path& cache_dir, const Options& options, const std::optional<Site>& site,
                           const std::vector<Post>& posts, const TemplateOverrides& templates,
                           const std::vector<fs::path>& roots, ReadInclude read)
    : read_(std::move(read)) {
  const std::string output = fs::absolute(options.output).lexically_normal().generic_string();
  file_ = cache_dir / "chapters" / (Sha256().add(output).hex() + ".pack");
  if (auto bytes = read_file(file_)) pack_ = std::move(*bytes);
  old_ = index_pack(pack_);
  // What rendering any post may read besides the post itself: the options render_chapters uses, the templates,
  // the site's variables, and every post's name and title (post_link); where includes may come from.
  KeyHash k;
  k.str("mkepub chapter cache 1").str(executable_key()).str(output);
  add_render_key(k, options);
  k.num(static_cast<long long>(templates.size()));
  for (const auto& [name, text] : templates) k.str(name).str(text);
  k.num(static_cast<long long>(roots.size()));
  for (const auto& r : roots) k.str(fs::absolute(r).lexically_normal().generic_string());
  k.num(site.has_value());
  if (site) {
    k.str(site->dialect->name).str(site->root.generic_string()).str(site->source_dir.generic_string());
    k.num(static_cast<long long>(site->config.variables.size()));
    for (const auto& [name, value] : site->config.variables) k.str(name).str(value);
    // An Obsidian vault's files: wikilinks and embeds name them wherever they are.
    k.num(static_cast<long long>(site->files.size()));
    for (const auto& f : site->files) k.str(f.generic_string());
  }
  k.num(static_cast<long long>(posts.size()));
  for (const auto& p : posts) k.str(p.file.generic_string()).str(p.display).str(p.title).date(p.date).list(p.aliases);
  book_ = k.h.hex();
}

std::string ChapterCache::key_of(const Post& p, const std::string& href) const {
  // Every field of Post by name: a field added to Post does not compile here until it is hashed (or excluded).
  const auto& [file, display, root, title, date, updated, tags, categories, keywords, authors, description, language,
               abbrlink, permalink, toc, toc_number, draft, weight, slug, url, aliases, left_out, body, body_line,
               nesting, part, summary_title] = p;
  KeyHash k;
  k.str(book_).str(href);
  k.str(file.generic_string()).str(display).str(root.generic_string()).str(title);
  k.date(date).date(updated).list(tags).list(categories).list(keywords);
  k.list(authors).str(description).str(language).str(abbrlink).str(permalink);
  k.num(toc).num(toc_number).num(draft).num(body_line).num(nesting);
  k.num(weight).str(slug).str(url).list(aliases).str(left_out);
  k.str(part).str(summary_title).str(body);
  return k.h.hex();
}

std::optional<RenderedPost> ChapterCache::load(const std::string& key) {
  auto it = old_.find(key);
  if (it == old_.end()) return std::nullopt;
  auto post = decode_rendered_post(it->second);
  if (!post) return std::nullopt;
  for (const auto& [file, hash] : post->includes.files)
    if (hash_of(read_(file)) != hash) return std::nullopt;
  std::lock_guard lock(mu_);
  reused_.insert(key);
  return post;
}

void ChapterCache::store(const std::string& key, const RenderedPost& post) {
  std::string entry = encode_rendered_post(post);
  std::lock_guard lock(mu_);
  new_[key] = std::move(entry);
}

void ChapterCache::save() {
  std::lock_guard lock(mu_);
  if (new_.empty() && reused_.size() == old_.size()) return;
  std::set<std::string> keys = reused_;
  for (const auto& [key, entry] : new_) keys.insert(key);
  std::string pack(kPackMagic);
  for (const auto& key : keys) {
    auto fresh = new_.find(key);
    add_to_pack(pack, key, fresh != new_.end() ? std::string_view(fresh->second) : old_.at(key));
  }
  write_pack(file_, pack);
}

size_t ChapterCache::reused() const {
  std::lock_guard lock(mu_);
  return reused_.size();
}

}  // namespace mkepub
