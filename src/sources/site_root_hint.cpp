// Which folder of a site is its root: where Hexo and Jekyll keep _config.yml (Hexo's posts in source/_posts,
// Jekyll's in _posts) and mdBook its book.toml (chapters in src/, the default `book.src`).
#include "sources/site_root_hint.h"

namespace mkepub {

std::optional<fs::path> site_root_instead_of(const fs::path& folder) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(folder, ec);
  if (ec || dir.empty()) return std::nullopt;
  auto has = [&](const fs::path& at, const char* file) { return fs::is_regular_file(at / file, ec); };
  const fs::path up = dir.parent_path(), up2 = up.parent_path();
  const std::string name = dir.filename().string();
  if (name == "_posts" && up.filename() == "source" && has(up2, "_config.yml")) return up2;  // Hexo
  if (name == "_posts" && has(up, "_config.yml")) return up;                                  // Jekyll
  if (name == "source" && has(up, "_config.yml") && fs::is_directory(dir / "_posts", ec)) return up;
  if (name == "src" && has(up, "book.toml")) return up;  // mdBook
  return std::nullopt;
}

}  // namespace mkepub
