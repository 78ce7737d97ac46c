// Anthologies: many books in one run, built in parallel, written into one folder.
#include "run/anthology.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "run/cache.h"
#include "sources/book_config.h"
#include "epub/container.h"
#include "sources/load.h"
#include "epub/output.h"
#include "base/parallel.h"
#include "run/progress.h"

namespace mkepub {
namespace {

// A group name as a file name: what file systems and shells choke on replaced.
std::string file_name_of(const std::string& group) {
  std::string out;
  for (char c : group) out += (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                               c == '>' || c == '|' || static_cast<unsigned char>(c) < 0x20)
                                  ? '-'
                                  : c;
  if (out.empty() || out[0] == '.' || out[0] == '-') out = "_" + out;
  return out;
}

std::vector<std::string> groups_of(const Post& p, const std::string& by) {
  if (by == "year") return {p.date ? std::to_string(p.date->year) : "undated"};
  const auto& list = by == "tag" ? p.tags : p.categories;
  if (list.empty()) return {by == "tag" ? "untagged" : "uncategorized"};
  return list;
}

struct Result {
  bool ok = false;
  bool cached = false;  // unchanged since the run that wrote it: not built
  size_t chapters = 0, bytes = 0, warnings = 0;
  double seconds = 0;
  BookDeps deps;
};

Result build_one(PlannedBook& book, Diagnostics& diag) {
  Result r;
  auto start = std::chrono::steady_clock::now();
  Diagnostics mine;
  try {
    auto entries = assemble_book(book.options, book.site, std::move(book.posts), mine, &r.deps);
    if (entries) {
      size_t size = 0;
      write_atomically(book.options.output, [&](const Sink& write) {
        write_zip(std::move(*entries), [&](std::string_view piece, uint64_t offset) {
          size = std::max<size_t>(size, offset + piece.size());
          write(piece, offset);
        });
      });
      r.ok = true;
      r.bytes = size;
    }
  } catch (const InternalError&) {
    throw;
  } catch (const std::runtime_error& e) {
    mine.error({book.options.output.generic_string(), 0, 0, e.what()});
  }
  r.ok = r.ok && !mine.failed();
  r.chapters = r.deps.chapters;
  r.warnings = mine.warnings().size();
  for (auto& d : mine.notes()) diag.note(d);
  for (auto& d : mine.warnings()) diag.warn(d);
  for (auto& d : mine.errors()) diag.error(d);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::string table(const std::vector<PlannedBook>& books, const std::vector<Result>& results) {
  std::string out = "book                                      chapters       size  warnings     time\n";
  char line[512];
  for (size_t i = 0; i < books.size(); ++i) {
    const auto& r = results[i];
    if (r.cached)
      std::snprintf(line, sizeof line, "%-40s %9s %8zu KB %9s %9s\n", books[i].options.output.filename().string().c_str(),
                    "-", r.bytes / 1024, "-", "unchanged");
    else
      std::snprintf(line, sizeof line, "%-40s %9zu %8zu KB %9zu %7.2f s%s\n",
                    books[i].options.output.filename().string().c_str(), r.chapters, r.bytes / 1024, r.warnings,
                    r.seconds, r.ok ? "" : "  FAILED");
    out += line;
  }
  return out;
}

}  // namespace

std::vector<PlannedBook> split_books(const Options& options, const Collected& collected, const std::string& by) {
  std::map<std::string, std::vector<const Post*>> groups;
  for (const auto& p : collected.posts)
    for (const auto& g : groups_of(p, by)) groups[g].push_back(&p);
  std::string base = options.title;
  if (base.empty() && collected.site) base = collected.site->config.title;
  if (base.empty() && !options.inputs.empty()) base = fs::weakly_canonical(options.inputs.front()).filename().string();
  std::vector<PlannedBook> books;
  for (const auto& [group, posts] : groups) {
    PlannedBook b{options, collected.site, {}};
    b.options.title = base + " \u00b7 " + group;
    b.options.output = options.output / (file_name_of(group) + ".epub");
    for (const Post* p : posts) b.posts.push_back(*p);
    books.push_back(std::move(b));
  }
  return books;
}

std::optional<fs::path> find_config(const std::vector<fs::path>& inputs) {
  if (inputs.size() != 1) return std::nullopt;
  const fs::path& in = inputs.front();
  auto ext = in.extension().string();
  std::error_code ec;
  if ((ext == ".yaml" || ext == ".yml") && fs::is_regular_file(in, ec)) return in;
  if (fs::is_regular_file(in / "mkepub.yaml", ec)) return in / "mkepub.yaml";
  return std::nullopt;
}

int build_from_config(const fs::path& config, const Options& cli, const std::set<std::string>& cli_given,
                      Diagnostics& diag, std::string& summary, std::vector<fs::path>* written) {
  auto bytes = read_file(config);
  if (!bytes) {
    diag.error({config.generic_string(), 0, 0, "cannot read file"});
    return 1;
  }
  std::string text;
  try {
    text = decode_text(std::move(*bytes), config.generic_string());
  } catch (const InputError& e) {
    diag.error(e.where);
    return 1;
  }
  auto books = read_book_config(text, config, cli, cli_given, diag);
  if (diag.failed() || books.empty()) return 1;
  bool anthology = text.find("\nbooks:") != std::string::npos || text.rfind("books:", 0) == 0;
  std::vector<PlannedBook> planned;
  PostMemo memo;  // the same post in several books is parsed once
  for (auto& options : books) {
    if (options.output.empty()) {
      std::string name = file_name_of(options.title.empty() ? "book-" + std::to_string(planned.size() + 1) : options.title);
      options.output = anthology ? cli.output / (name + ".epub") : fs::path(name + ".epub");
    }
    auto collected = collect_posts(options, diag, &memo);
    if (!collected) continue;
    planned.push_back({options, collected->site, std::move(collected->posts)});
  }
  if (diag.failed()) return 1;
  if (!anthology && planned.size() == 1) {
    BookDeps deps;
    auto& b = planned.front();
    progress_expect(1, b.posts.size());
    auto entries = assemble_book(b.options, b.site, std::move(b.posts), diag, &deps);
    if (!entries) return 1;
    write_atomically(b.options.output, [&](const Sink& write) { write_zip(std::move(*entries), write); });
    if (!b.options.depfile.empty()) write_atomically(b.options.depfile, make_dependencies(b.options.output, deps));
    if (written) written->push_back(b.options.output);
    return 0;
  }
  return build_books(std::move(planned), {cli.shard, cli.shards, cli.depfile, cli.quiet, cli.jobs, written, cli.cache_dir, cli.cache_shape}, diag,
                     summary);
}

namespace {

// The books' cache keys: every book's posts are its own; what is under the inputs and is neither a post nor
// an image (site config, includes, templates) is shared by all.
std::vector<BookKey> book_keys(const std::vector<PlannedBook>& all, const std::vector<size_t>& mine,
                               const std::string& shape) {
  std::set<fs::path> posts;
  std::vector<fs::path> roots;
  for (const auto& b : all) {
    for (const auto& p : b.posts) posts.insert(fs::weakly_canonical(p.file));
    roots.insert(roots.end(), b.options.inputs.begin(), b.options.inputs.end());
    roots.insert(roots.end(), b.options.resource_paths.begin(), b.options.resource_paths.end());
    for (const auto& f : {b.options.templates, b.options.cover})
      if (!f.empty()) roots.push_back(f);
  }
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  std::string shared = tree_key(roots, posts);
  std::vector<BookKey> keys;
  for (size_t i : mine) {
    const PlannedBook& b = all[i];
    BookKey k{shape, shared, b.options.output, {}};
    for (const auto& p : b.posts) k.posts.push_back(p.file);
    keys.push_back(std::move(k));
  }
  return keys;
}

}  // namespace

int build_books(std::vector<PlannedBook> books, const AnthologyRun& run, Diagnostics& diag, std::string& summary) {
  std::vector<size_t> picked;
  for (size_t i = 0; i < books.size(); ++i)
    if (static_cast<int>(i % run.shards) == run.shard - 1) picked.push_back(i);
  std::vector<BookKey> keys;
  if (!run.cache_dir.empty()) keys = book_keys(books, picked, run.cache_shape);
  std::vector<PlannedBook> mine;
  for (size_t i : picked) mine.push_back(std::move(books[i]));
  books.clear();
  for (const auto& b : mine) {
    std::error_code ec;
    if (!b.options.output.parent_path().empty()) fs::create_directories(b.options.output.parent_path(), ec);
  }
  size_t posts = 0;
  for (const auto& b : mine) posts += b.posts.size();
  progress_expect(mine.size(), posts);
  // Books in parallel, one thread each, their posts on one thread: the cores are shared out by book.
  std::vector<Result> results(mine.size());
  parallel_for(mine.size(), run.jobs, [&](size_t i) {
    mine[i].options.jobs = mine.size() > 1 ? 1 : run.jobs;
    if (!keys.empty() && cached_book_is_fresh(run.cache_dir, keys[i])) {
      std::error_code ec;
      results[i].ok = results[i].cached = true;
      results[i].bytes = fs::file_size(mine[i].options.output, ec);
    } else {
      results[i] = build_one(mine[i], diag);
      if (results[i].ok && !keys.empty()) {
        std::vector<fs::path> used;
        for (const auto& f : results[i].deps.inputs)
          if (std::find(keys[i].posts.begin(), keys[i].posts.end(), f) == keys[i].posts.end()) used.push_back(f);
        record_book(run.cache_dir, keys[i], used);
      }
    }
    progress_book_done();
  });

  bool all_ok = true;
  std::string deps;
  for (size_t i = 0; i < mine.size(); ++i) {
    all_ok = all_ok && results[i].ok;
    if (results[i].ok) deps += make_dependencies(mine[i].options.output, results[i].deps);
    if (results[i].ok && run.written) run.written->push_back(mine[i].options.output);
  }
  if (!run.depfile.empty()) write_atomically(run.depfile, deps);
  if (!run.quiet) summary = table(mine, results);
  return all_ok ? 0 : 1;
}

}  // namespace mkepub
