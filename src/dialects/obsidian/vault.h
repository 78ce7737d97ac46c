// Dialects, Obsidian: a vault's files and how a wikilink names one of them, as Obsidian resolves link paths
// (https://help.obsidian.md/links: a name anywhere in the vault, a path, `.md` optional, case-insensitive).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

class Vault {
 public:
  // `files`: every file of the vault, relative to its root; `aliases`: a note's other names (front matter).
  Vault(const std::vector<fs::path>& files, const std::map<fs::path, std::vector<std::string>>& aliases);

  // The file `target` (a wikilink's path, without heading or alias) names from the note `from` (both relative to
  // the vault), or nothing: `./x` and `../x` from the note's folder; `a/b` from the vault's root, else the file
  // whose path ends so; a bare name is a note's name (or an attachment's, with its extension) anywhere, the one in
  // the linking note's folder first, else the one nearest the root; last, a note's alias (Quartz makes pages of
  // them). Names compare case-insensitively (ASCII), as on the file systems vaults live on.
  std::optional<fs::path> resolve(std::string target, const fs::path& from) const;

 private:
  std::map<std::string, fs::path> by_path_;               // lowercased path (notes also without `.md`)
  std::map<std::string, std::vector<fs::path>> by_name_;  // lowercased file name (notes also without `.md`)
  std::map<std::string, fs::path> by_alias_;
  std::optional<fs::path> best(const std::vector<fs::path>& candidates, const fs::path& from) const;
};

// Whether a file is a note (Markdown) rather than an attachment.
bool is_note(const fs::path& file);

// Quartz's URL path of a vault file (spaces to `-`, `&` to `-and-`...): where the published site serves it.
std::string quartz_slug(const fs::path& file);

}  // namespace mkepub
