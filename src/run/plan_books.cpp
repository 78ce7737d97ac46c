// Planning a run: which books, from which posts, into which files.
#include "run/plan_books.h"

#include <map>

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

std::optional<PlannedRun> plan_books(const Options& options, const std::set<std::string>& cli_given,
                                     Diagnostics& diag) {
  if (auto config = find_config(options.inputs)) return plan_config(*config, options, cli_given, diag);
  auto collected = collect_posts(options, diag);
  if (!collected) return std::nullopt;
  if (!options.split_by.empty()) return PlannedRun{split_books(options, *collected, options.split_by), true};
  PlannedRun run;
  run.books.push_back({options, std::move(collected->site), std::move(collected->posts)});
  return run;
}

}  // namespace mkepub
