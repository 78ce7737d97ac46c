// Dialects, Obsidian: listing a vault (https://help.obsidian.md/Files+and+folders/Manage+notes: hidden files are
// not part of it) in the order of Quartz's Explorer (quartz/components/Explorer.tsx: natural order by name).
#include "dialects/obsidian/vault_listing.h"

#include <algorithm>
#include <cctype>

#include "dialects/obsidian/obsidian_markdown.h"
#include "dialects/obsidian/obsidian_syntax.h"
#include "dialects/obsidian/vault.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

namespace mkepub {
namespace {

constexpr size_t kSampledNotes = 200;         // notes read to tell a vault without `.obsidian`
constexpr size_t kSampledBytes = 256 * 1024;  // of each

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Folder {
  fs::path rel;
  std::vector<fs::path> notes;  // relative to the vault, sorted
  std::vector<Folder> folders;  // sorted
  bool has_notes = false;       // here or below
};

// Folders are entered once each, by their real path, and only inside the vault: a symlink to a parent would
// otherwise list the vault forever, and one leading elsewhere would put outside files in the book.
struct Visited {
  fs::path vault;  // canonical
  std::set<fs::path> folders;
  bool enter(const fs::path& dir) {
    std::error_code ec;
    fs::path real = fs::canonical(dir, ec);
    if (ec || !is_within({vault}, real)) return false;
    return folders.insert(real).second;
  }
};

Folder read_folder(const fs::path& vault, const fs::path& rel, const std::set<std::string>& ignored,
                   std::vector<fs::path>& files, Visited& visited) {
  Folder f{rel, {}, {}, false};
  if (!visited.enter(vault / rel)) return f;
  std::vector<fs::path> names;
  std::error_code ec;
  for (fs::directory_iterator it(vault / rel, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name == "node_modules") continue;
    if (ignored.count(lower((rel / name).generic_string()))) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end(),
            [](const fs::path& a, const fs::path& b) { return natural_less(a.string(), b.string()); });
  for (const auto& name : names) {
    std::error_code dir_ec;
    if (fs::is_directory(vault / rel / name, dir_ec)) {
      f.folders.push_back(read_folder(vault, rel / name, ignored, files, visited));
      f.has_notes = f.has_notes || f.folders.back().has_notes;
    } else if (fs::is_regular_file(vault / rel / name, dir_ec)) {
      files.push_back(rel / name);
      if (is_note(name)) {
        f.notes.push_back(rel / name);
        f.has_notes = true;
      }
    }
  }
  return f;
}

const fs::path* index_of(const Folder& f) {
  for (const auto& n : f.notes)
    if (lower(n.filename().string()) == "index.md") return &n;
  return nullptr;
}

void add_chapter(const fs::path& vault, const fs::path& note, int depth, std::vector<SummaryEntry>& out) {
  out.push_back({vault / note, "", depth, SummaryEntry::Kind::numbered});
}

// A folder's notes (its index left to whoever opened the folder), then its folders.
void add_folder(const fs::path& vault, const Folder& f, int depth, std::vector<SummaryEntry>& out) {
  const fs::path* index = index_of(f);
  for (const auto& n : f.notes)
    if (&n != index) add_chapter(vault, n, depth, out);
  for (const auto& sub : f.folders) {
    if (!sub.has_notes) continue;
    if (const fs::path* sub_index = index_of(sub)) {
      add_chapter(vault, *sub_index, depth, out);
      add_folder(vault, sub, depth + 1, out);
    } else {
      add_folder(vault, sub, depth, out);
    }
  }
}

}  // namespace

bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (digit(a[i]) && digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      std::string_view x(a.data() + i, ie - i), y(b.data() + j, je - j);
      while (x.size() > 1 && x[0] == '0') x.remove_prefix(1);
      while (y.size() > 1 && y[0] == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie, j = je;
      continue;
    }
    char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j])));
    if (x != y) return x < y;
    ++i, ++j;
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // names differing only in case: a fixed order all the same
}

VaultListing list_vault(const fs::path& vault, const std::set<std::string>& ignored) {
  VaultListing listing;
  std::set<std::string> ignored_lower;
  for (const auto& i : ignored) ignored_lower.insert(lower(i));
  std::error_code ec;
  Visited visited{fs::canonical(vault, ec), {}};
  Folder root = read_folder(vault, "", ignored_lower, listing.files, visited);
  auto& out = listing.chapters;
  const fs::path* index = index_of(root);
  if (index) add_chapter(vault, *index, 0, out);
  for (const auto& n : root.notes)
    if (&n != index) add_chapter(vault, n, 0, out);
  for (const auto& top : root.folders) {
    if (!top.has_notes) continue;
    if (const fs::path* top_index = index_of(top)) {
      add_chapter(vault, *top_index, 0, out);
      add_folder(vault, top, 1, out);
    } else {
      out.push_back({"", top.rel.filename().string(), 0, SummaryEntry::Kind::part});
      add_folder(vault, top, 0, out);
    }
  }
  std::sort(listing.files.begin(), listing.files.end());
  return listing;
}

bool notes_link_by_wikilinks(const fs::path& folder) {
  VaultListing listing = list_vault(folder, {});
  Vault vault(listing.files, {});
  size_t sampled = 0, linking = 0;
  for (const auto& entry : listing.chapters) {
    if (entry.file.empty()) continue;
    if (++sampled > kSampledNotes) break;
    auto text = read_input(entry.file, kSampledBytes);
    if (!text) continue;
    fs::path note = entry.file.lexically_relative(folder);
    for (size_t i = text->find("[["); i != std::string::npos; i = text->find("[[", i + 2)) {
      auto w = wikilink_at(*text, i, false);
      if (w && !w->file.empty() && vault.resolve(w->file, note)) {
        ++linking;
        break;
      }
    }
  }
  return linking >= 2 && linking * 10 >= std::min(sampled, kSampledNotes);
}

}  // namespace mkepub
