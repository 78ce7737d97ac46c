// The books of a run, built (in parallel for an anthology), staged, and committed all or nothing.
#include "run/build_books.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "base/parallel.h"
#include "epub/container.h"
#include "epub/output.h"
#include "epub/temporaries.h"
#include "run/cache.h"
#include "run/depfile.h"
#include "run/progress.h"
#include "run/summary_table.h"
#include "sources/inputs_read.h"

namespace mkepub {
namespace {

struct Result {
  bool ok = false;
  bool cached = false;  // unchanged since the run that wrote it: not built
  size_t chapters = 0, warnings = 0;
  uint64_t bytes = 0;
  double seconds = 0;
  BookDeps deps;
  std::optional<StagedOutput> staged;
};

// One book made and staged; its messages go to `diag` together, after it is done.
Result build_one(PlannedBook& book, Diagnostics& diag) {
  Result r;
  auto start = std::chrono::steady_clock::now();
  Diagnostics mine;
  try {
    if (auto entries = make_book(book.options, std::move(book.site), std::move(book.posts), mine, &r.deps))
      r.staged.emplace(book.options.output, [&](const Sink& write) { write_zip(std::move(*entries), write); });
  } catch (const InternalError&) {
    throw;
  } catch (const std::runtime_error& e) {
    mine.error({book.options.output.generic_string(), 0, 0, e.what()});
  }
  r.ok = r.staged && !mine.failed();
  if (r.ok) r.bytes = r.staged->size();
  else r.staged.reset();
  r.chapters = r.deps.chapters;
  r.warnings = mine.warnings().size();
  for (auto& d : mine.notes()) diag.note(d);
  for (auto& d : mine.warnings()) diag.warn(d);
  for (auto& d : mine.errors()) diag.error(d);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::string table(const std::vector<PlannedBook>& books, const std::vector<Result>& results, double seconds) {
  std::vector<BookRow> rows;
  for (size_t i = 0; i < books.size(); ++i) {
    const auto& r = results[i];
    rows.push_back(
        {books[i].options.output.filename().string(), r.cached, r.ok, r.chapters, r.warnings, r.bytes, r.seconds});
  }
  return summary_table(rows, seconds);
}

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

// The anthology's share of this machine (--shard K/N): books K, K+N, ... (1-based).
std::vector<PlannedBook> take_shard(PlannedRun& plan, const Options& run, std::vector<BookKey>& keys) {
  std::vector<size_t> picked;
  for (size_t i = 0; i < plan.books.size(); ++i)
    if (!plan.anthology || static_cast<int>(i % run.shards) == run.shard - 1) picked.push_back(i);
  if (plan.anthology && !run.cache_dir.empty()) keys = book_keys(plan.books, picked, run.cache_shape);
  std::vector<PlannedBook> mine;
  for (size_t i : picked) mine.push_back(std::move(plan.books[i]));
  return mine;
}

// An output that would replace a file the books were made from, or that two books share.
bool outputs_are_safe(const std::vector<PlannedBook>& books, const std::vector<Result>& results, const Options& run,
                      Diagnostics& diag) {
  bool safe = true;
  auto check = [&](const fs::path& out, const fs::path& target) {
    if (target.empty() || !is_input_of_this_run(target)) return;
    diag.error({out.generic_string(), 0, 0, "the output is one of the inputs; nothing written"});
    safe = false;
  };
  for (size_t i = 0; i < books.size(); ++i)
    if (results[i].staged) check(books[i].options.output, results[i].staged->target());
  if (!run.depfile.empty()) check(run.depfile, resolve_output(run.depfile));
  return safe;
}

// Puts every staged book in place, records it in the cache, writes the depfile; false (reported) when a commit
// fails, leaving the books before it written.
bool commit_books(const std::vector<PlannedBook>& books, std::vector<Result>& results,
                  const std::vector<BookKey>& keys, const Options& run, BooksWritten& out, Diagnostics& diag) {
  std::string deps;
  // A stop during the renames waits for their end, so the books are all old or all new; not with a stream,
  // whose copy may block for as long as its reader pleases.
  bool streams = false;
  for (const auto& r : results) streams = streams || (r.staged && r.staged->in_place());
  std::optional<CommitWindow> window;
  if (!streams) window.emplace();
  for (size_t i = 0; i < books.size(); ++i) {
    const fs::path& output = books[i].options.output;
    if (results[i].cached) out.unchanged.push_back(output);
    if (!results[i].staged) continue;
    try {
      results[i].staged->commit();
    } catch (const std::runtime_error& e) {
      diag.error({output.generic_string(), 0, 0, e.what()});
      return false;
    }
    out.written.push_back(output);
    deps += make_dependencies(output, results[i].deps);
    // A book missing a remote image it could not fetch (offline, say) is built again next time, not served as
    // complete from the cache.
    out.complete = out.complete && results[i].deps.complete;
    if (keys.empty() || !results[i].deps.complete) continue;
    std::vector<fs::path> used;
    for (const auto& f : results[i].deps.inputs)
      if (std::find(keys[i].posts.begin(), keys[i].posts.end(), f) == keys[i].posts.end()) used.push_back(f);
    if (!record_book(run.cache_dir, keys[i], used))
      diag.warn({run.cache_dir.generic_string(), 0, 0, "cannot write to the cache; the next run builds this book again",
                 "cache not written"});
  }
  try {
    if (!run.depfile.empty()) write_atomically(run.depfile, deps);
  } catch (const std::runtime_error& e) {
    diag.error({run.depfile.generic_string(), 0, 0, e.what()});
    return false;
  }
  return true;
}

}  // namespace

BooksWritten build_books(PlannedRun plan, const Options& run, Diagnostics& diag) {
  std::vector<BookKey> keys;
  std::vector<PlannedBook> mine = take_shard(plan, run, keys);
  plan.books = {};  // the other shards' books, with the text of their posts: freed before this shard's are built
  if (plan.anthology)
    for (const auto& b : mine) {
      std::error_code ec;
      if (!b.options.output.parent_path().empty()) fs::create_directories(b.options.output.parent_path(), ec);
    }
  size_t posts = 0;
  for (const auto& b : mine) posts += b.posts.size();
  progress_expect(mine.size(), posts);
  // Books in parallel, one thread each, their posts on one thread: the cores are shared out by book.
  std::vector<Result> results(mine.size());
  auto start = std::chrono::steady_clock::now();
  parallel_for(mine.size(), run.jobs, [&](size_t i) {
    mine[i].options.jobs = mine.size() > 1 ? 1 : run.jobs;
    if (!keys.empty() && cached_book_is_fresh(run.cache_dir, keys[i])) {
      std::error_code ec;
      results[i].ok = results[i].cached = true;
      results[i].bytes = fs::file_size(mine[i].options.output, ec);
    } else {
      results[i] = build_one(mine[i], diag);
    }
    progress_book_done();
  });
  BooksWritten out;
  for (size_t i = 0; i < mine.size(); ++i)
    if (!results[i].ok) out.failed.push_back(mine[i].options.output);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (plan.anthology && !run.quiet) out.summary = table(mine, results, seconds);
  if (!out.failed.empty() && !run.keep_going) return out;  // all or nothing: the staged books are dropped
  if (!outputs_are_safe(mine, results, run, diag) || !commit_books(mine, results, keys, run, out, diag)) return out;
  out.exit_code = out.failed.empty() ? 0 : 1;
  return out;
}

}  // namespace mkepub
