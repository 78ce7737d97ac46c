// A run: up to date? -> plan the books -> build and write them -> record -> report.
#include "run/run.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "base/terminal.h"
#include "run/build_books.h"
#include "run/cache.h"
#include "run/command_line_keys.h"
#include "run/plan_books.h"
#include "run/progress.h"
#include "run/report.h"

namespace mkepub {
namespace {

// Everything a run reads besides the installed fonts: the inputs (config included), templates, cover, images.
std::vector<fs::path> cache_roots(const Options& o, const fs::path& metadata_file) {
  std::vector<fs::path> roots = o.inputs;
  // A book config given as INPUT names its sources (and cover, templates) relative to its folder: an edited post
  // there must not read as "up to date".
  if (auto config = find_config(o.inputs); config && *config == o.inputs.front())
    roots.push_back(config->parent_path().empty() ? fs::path(".") : config->parent_path());
  if (!metadata_file.empty()) roots.push_back(metadata_file);
  for (const auto& p : {o.templates, o.cover})
    if (!p.empty()) roots.push_back(p);
  roots.insert(roots.end(), o.resource_paths.begin(), o.resource_paths.end());
  return roots;
}

// The arguments a book's key is over: all that shape the run but `--shard`. A book has the same bytes whichever
// shard builds it, so one that moves to another shard (a new group sorted before it) is still found unchanged in a
// shared cache. The run's own key keeps it: each shard's run has its own record.
std::vector<std::string> without_shard(std::vector<std::string> args) {
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--shard") ++i;
    else if (args[i].rfind("--shard=", 0) != 0) out.push_back(std::move(args[i]));
  }
  return out;
}

std::string display(const fs::path& out) { return out == "-" ? "standard output" : out.generic_string(); }

// What the user reads once the run is over: messages, the anthology's table, what was written or not.
void report(const Diagnostics& diag, const BooksWritten& books, const Options& o) {
  ReportOptions shown{o.verbose, o.quiet};
  shown.colour = colour_wanted(STDERR_FILENO);
  std::cerr << format_report(diag, shown) << books.summary;
  if (!o.quiet)
    for (const auto& out : books.written) std::cerr << "wrote " << display(out) << "\n";
  if (books.exit_code == 0) return;
  if (!books.written.empty() && books.failed.empty()) {  // the books are in place; what came after them failed
    std::cerr << "mkepub: " << diag.errors().size() << " error(s) after the books were written\n";
  } else if (!books.written.empty()) {
    std::cerr << "mkepub: " << books.failed.size() << " book(s) failed and were not written:";
    for (const auto& f : books.failed) std::cerr << " " << display(f);
    std::cerr << "\n";
  } else {
    std::cerr << "mkepub: " << diag.errors().size() << " error(s); nothing written\n";
  }
}

}  // namespace

int run(RunRequest request) {
  Options& options = request.options;
  std::string key;
  // Standard input cannot be looked at again to tell whether it changed.
  bool from_stdin = std::count(options.inputs.begin(), options.inputs.end(), fs::path("-")) > 0;
  if (!options.cache_dir.empty() && request.use_cache && !from_stdin) {
    key = run_key(request.shaping_args, cache_roots(options, request.metadata_file));
    options.cache_shape = run_key(without_shard(request.shaping_args), {});
    if (cached_run_is_fresh(options.cache_dir, key)) {
      if (!options.quiet)
        std::cerr << "up to date: nothing changed since the last build (cache " << options.cache_dir.string() << ")\n";
      return 0;
    }
  } else {
    options.cache_dir.clear();
  }
  Diagnostics diag;
  BooksWritten books;
  auto progress = std::make_unique<ProgressLine>(isatty(STDERR_FILENO) && !options.quiet);
  try {
    if (!apply_command_line_keys(request.metadata, request.metadata_file, options, request.given, diag))
      books.exit_code = 1;
    else if (auto plan = plan_books(options, request.given, diag))
      books = build_books(std::move(*plan), options, diag);
    if (books.exit_code == 0 && books.complete && !key.empty()) {
      auto outputs = books.written;
      outputs.insert(outputs.end(), books.unchanged.begin(), books.unchanged.end());
      if (!record_run(options.cache_dir, key, outputs))
        diag.warn({options.cache_dir.generic_string(), 0, 0, "cannot write to the cache; the next run builds again",
                   "cache not written"});
    }
  } catch (const std::exception& e) {
    progress.reset();
    std::cerr << "mkepub: internal error: " << e.what() << "\n";
    return 3;
  }
  progress.reset();  // the line is erased before the report
  report(diag, books, options);
  return books.exit_code;
}

}  // namespace mkepub
