// Dialects, Obsidian: a vault's files as Obsidian's file explorer and Quartz's Explorer list them, and the
// book's chapters in that order.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "dialects/site.h"

namespace mkepub {

struct VaultListing {
  std::vector<fs::path> files;         // every file, relative to the vault, hidden ones and `ignored` left out
  std::vector<SummaryEntry> chapters;  // the notes, as book chapters (paths under `vault`)
};

// The files under `vault`. Hidden files and folders (`.obsidian`, `.trash`) and node_modules are not part of a
// vault (Obsidian does not show them), nor are the folders `ignored` names (paths from the vault's root,
// compared case-insensitively: its templates folder, Quartz's `private`).
// Chapters: the root's `index.md` (Quartz's home page) and the root's other notes, then each top folder as a part
// named after it, or opened by its own `index.md` with the rest nested below; within a folder its notes, then its
// folders (each under its `index.md` when it has one). Names sort as the explorers sort them: case-insensitively,
// numbers by value ("note 2" before "note 10").
VaultListing list_vault(const fs::path& vault, const std::set<std::string>& ignored);

// Whether the Markdown files under `folder` link each other with wikilinks, as a vault whose `.obsidian` folder
// was not published does: at least two of its first notes (and a tenth of them) have a wikilink naming a file.
bool notes_link_by_wikilinks(const fs::path& folder);

// "a2" < "A10": case-insensitive, runs of digits by their value.
bool natural_less(const std::string& a, const std::string& b);

}  // namespace mkepub
