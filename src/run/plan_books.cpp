// Planning a run: which books, from which posts, into which files.
#include "run/plan_books.h"

#include <map>

#include "base/input_limits.h"
#include "sources/book_config.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

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

std::optional<PlannedRun> plan_config(const fs::path& config, const Options& cli, const std::set<std::string>& given,
                                      Diagnostics& diag) {
  auto bytes = read_input(config);
  if (!bytes) {
    diag.error({config.generic_string(), 0, 0, "cannot read file"});
    return std::nullopt;
  }
  std::string text;
  try {
    text = decode_text(std::move(*bytes), config.generic_string());
  } catch (const InputError& e) {
    diag.error(e.where);
    return std::nullopt;
  }
  auto books = read_book_config(text, config, cli, given, diag);
  if (diag.failed() || books.empty()) return std::nullopt;
  PlannedRun run;
  run.anthology = text.find("\nbooks:") != std::string::npos || text.rfind("books:", 0) == 0;
  PostMemo memo;  // the same post in several books is parsed once
  for (auto& options : books) {
    if (options.output.empty()) {
      std::string name = options.title.empty() ? "book-" + std::to_string(run.books.size() + 1) : options.title;
      name = file_name_of(name) + ".epub";
      options.output = run.anthology ? cli.output / name : fs::path(name);
    }
    auto collected = collect_posts(options, diag, &memo);
    if (!collected) continue;
    run.books.push_back({options, std::move(collected->site), std::move(collected->posts)});
  }
  if (diag.failed()) return std::nullopt;
  return run;
}

}  // namespace

std::optional<fs::path> find_config(const std::vector<fs::path>& inputs) {
  if (inputs.size() != 1) return std::nullopt;
  const fs::path& in = inputs.front();
  auto ext = in.extension().string();
  std::error_code ec;
  if ((ext == ".yaml" || ext == ".yml") && fs::is_regular_file(in, ec)) return in;
  if (fs::is_regular_file(in / "mkepub.yaml", ec)) return in / "mkepub.yaml";
  return std::nullopt;
}

std::vector<PlannedBook> split_books(const Options& options, Collected collected, const std::string& by,
                                     Diagnostics& diag) {
  std::map<std::string, std::vector<size_t>> groups;
  std::vector<size_t> books_of(collected.posts.size());  // how many books each post is in: the last one takes it
  for (size_t i = 0; i < collected.posts.size(); ++i)
    for (const auto& g : groups_of(collected.posts[i], by)) {
      auto& members = groups[g];
      if (!members.empty() && members.back() == i) continue;  // a tag given twice
      members.push_back(i);
      ++books_of[i];
    }
  std::string base = options.title;
  if (base.empty() && collected.site) base = collected.site->config.title;
  if (base.empty() && !options.inputs.empty()) base = fs::weakly_canonical(options.inputs.front()).filename().string();
  std::vector<PlannedBook> books;
  for (const auto& [group, members] : groups) {
    PlannedBook b{options, collected.site, {}};
    b.options.title = base + " \u00b7 " + group;
    b.options.output = options.output / (file_name_of(group) + ".epub");
    size_t bytes = 0;
    for (size_t i : members) bytes += collected.posts[i].body.size();
    if (members.size() > kMaxPosts || bytes > kMaxTotalPostBytes) {
      diag.error({b.options.output.generic_string(), 0, 0,
                  "the book `" + group + "` would hold " + std::to_string(members.size()) + " posts, " +
                      std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB; the limit is " + std::to_string(kMaxPosts) +
                      " posts and " + std::to_string(kMaxTotalPostBytes >> 20) +
                      " MB per book: split by another key (--split-by year, category or tag)"});
      continue;
    }
    b.posts.reserve(members.size());
    // A post in one book is moved into it, not copied: an anthology holds each post's text once.
    for (size_t i : members) {
      if (--books_of[i] == 0) b.posts.push_back(std::move(collected.posts[i]));
      else b.posts.push_back(collected.posts[i]);
    }
    books.push_back(std::move(b));
  }
  return books;
}

std::optional<PlannedRun> plan_books(const Options& options, const std::set<std::string>& cli_given,
                                     Diagnostics& diag) {
  if (auto config = find_config(options.inputs)) return plan_config(*config, options, cli_given, diag);
  bool split = !options.split_by.empty();
  auto collected = collect_posts(options, diag, nullptr, split);
  if (!collected) return std::nullopt;
  if (split) {
    auto books = split_books(options, std::move(*collected), options.split_by, diag);
    if (diag.failed()) return std::nullopt;
    return PlannedRun{std::move(books), true};
  }
  PlannedRun run;
  run.books.push_back({options, std::move(collected->site), std::move(collected->posts)});
  return run;
}

}  // namespace mkepub
