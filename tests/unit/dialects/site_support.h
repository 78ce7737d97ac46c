// Shared by the dialects' unit tests: messages as text, SUMMARY outlines as lines, and folders made for a test.
#pragma once

#include <unistd.h>
#include <atomic>
#include <fstream>
#include <map>

#include "../strings.h"
#include "dialects/site.h"

namespace mkepub::testing {

using Variables = std::map<std::string, std::string>;

inline std::string formatted(const std::vector<Diagnostic>& list, const char* severity) {
  std::string out;
  for (const auto& d : list) out += d.format(severity) + "\n";
  return out;
}

// One line per entry: kind letter, two spaces per depth, title, and the file relative to `dir` ("-" for none).
inline Strings outline(const std::vector<SummaryEntry>& entries, const fs::path& dir) {
  Strings out;
  for (const auto& e : entries) {
    const char* kind = e.kind == SummaryEntry::Kind::prefix     ? "P "
                       : e.kind == SummaryEntry::Kind::numbered ? "N "
                       : e.kind == SummaryEntry::Kind::suffix   ? "S "
                                                                : "# ";
    std::string file = e.file.empty() ? "-" : e.file.lexically_relative(dir).generic_string();
    out.push_back(kind + std::string(2 * e.depth, ' ') + e.title + " -> " + file);
  }
  return out;
}

// A fresh folder under the system's temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("mkepub-site-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << text;
  }
  void mkdir(const std::string& relative) const { fs::create_directories(path / relative); }
};

inline Strings relative_paths(const std::vector<fs::path>& paths, const fs::path& root) {
  Strings out;
  for (const auto& p : paths) out.push_back(p.lexically_relative(root).generic_string());
  return out;
}

inline const char* kHexoConfig =
    "# Site\n"
    "title: Hexo\n"
    "subtitle: \"A fast, simple & powerful blog framework\"\n"
    "description: \"Hexo is a fast blog framework.\"\n"
    "author: Hexo\n"
    "language: en\n"
    "timezone: UTC\n"
    "\n"
    "url: https://hexo.io\n"
    "permalink: news/:year/:month/:day/:title/\n"
    "new_post_name: :year-:month-:day-:title.md # File name of new posts\n"
    "post_asset_folder: true\n"
    "per_page: 0\n"
    "pretty_urls:\n"
    "  trailing_index: false\n"
    "theme: navy\n"
    "algolia:\n"
    "  app_id: ABC123\n"
    "twitter: hexojs\n";

}  // namespace mkepub::testing
