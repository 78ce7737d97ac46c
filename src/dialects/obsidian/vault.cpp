// Dialects, Obsidian: resolving wikilink paths in a vault (https://help.obsidian.md/links), and Quartz's URL
// paths (quartz/util/path.ts, slugifyFilePath).
#include "dialects/obsidian/vault.h"

#include <algorithm>
#include <cctype>

namespace mkepub {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string without_md(const std::string& s) {
  return s.size() > 3 && lower(s.substr(s.size() - 3)) == ".md" ? s.substr(0, s.size() - 3) : s;
}

}  // namespace

bool is_note(const fs::path& file) { return lower(file.extension().string()) == ".md"; }

Vault::Vault(const std::vector<fs::path>& files, const std::map<fs::path, std::vector<std::string>>& aliases) {
  for (const auto& f : files) {
    std::string path = lower(f.generic_string()), name = lower(f.filename().string());
    by_path_.emplace(path, f);
    by_name_[name].push_back(f);
    if (is_note(f)) {
      by_path_.emplace(without_md(path), f);
      by_name_[without_md(name)].push_back(f);
    }
  }
  for (const auto& [note, names] : aliases)
    for (const auto& a : names) by_alias_.emplace(lower(a), note);
}

// Obsidian prefers the file in the linking note's folder; else the one of the shortest path, then by path.
std::optional<fs::path> Vault::best(const std::vector<fs::path>& candidates, const fs::path& from) const {
  if (candidates.empty()) return std::nullopt;
  for (const auto& c : candidates)
    if (c.parent_path() == from.parent_path()) return c;
  return *std::min_element(candidates.begin(), candidates.end(), [](const fs::path& a, const fs::path& b) {
    auto depth = [](const fs::path& p) { return std::distance(p.begin(), p.end()); };
    return depth(a) != depth(b) ? depth(a) < depth(b) : a < b;
  });
}

std::optional<fs::path> Vault::resolve(std::string target, const fs::path& from) const {
  while (!target.empty() && target.back() == ' ') target.pop_back();
  while (!target.empty() && target.front() == ' ') target.erase(0, 1);
  if (target.empty()) return std::nullopt;
  auto exact = [&](const fs::path& p) -> std::optional<fs::path> {
    std::string key = lower(p.lexically_normal().generic_string());
    if (key.empty() || key.rfind("..", 0) == 0) return std::nullopt;
    auto it = by_path_.find(key);
    return it == by_path_.end() ? std::nullopt : std::optional(it->second);
  };
  if (target.rfind("./", 0) == 0 || target.rfind("../", 0) == 0) {
    if (auto found = exact(from.parent_path() / target)) return found;
    target = fs::path(target).lexically_normal().generic_string();  // else as a path from the root
    while (target.rfind("../", 0) == 0) target.erase(0, 3);
  }
  while (!target.empty() && target.front() == '/') target.erase(0, 1);
  if (target.find('/') != std::string::npos) {
    if (auto found = exact(target)) return found;
    // A partial path, `folder/note`: the files whose path ends so.
    std::string tail = "/" + lower(target);
    std::vector<fs::path> candidates;
    for (const auto& [path, file] : by_path_)
      if (path.size() > tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0)
        candidates.push_back(file);
    return best(candidates, from);
  }
  if (auto it = by_name_.find(lower(target)); it != by_name_.end()) return best(it->second, from);
  if (auto it = by_alias_.find(lower(target)); it != by_alias_.end()) return it->second;
  return std::nullopt;
}

std::string quartz_slug(const fs::path& file) {
  std::string path = file.generic_string(), out;
  if (is_note(file)) path = without_md(path);
  for (char c : path) {
    if (std::isspace(static_cast<unsigned char>(c))) out += '-';
    else if (c == '%') out += "-percent";
    else if (c == '?') out += "-q";
    else if (c != '#') out += c;
  }
  return out;
}

}  // namespace mkepub
