// Dialects, Obsidian: Obsidian-flavoured Markdown (https://help.obsidian.md/obsidian-flavored-markdown) into
// CommonMark and HTML, outside code. Wikilinks are read as Quartz reads them (quartz/plugins/transformers/ofm.ts:
// no `[`, `]` or line break inside, `|` starts the alias, `#` the heading) and resolved by the vault (vault.h).
#include "dialects/obsidian/obsidian_markdown.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/input_limits.h"
#include "base/text.h"
#include "dialects/obsidian/code_ranges.h"
#include "dialects/obsidian/note_text.h"
#include "dialects/obsidian/obsidian_syntax.h"
#include "dialects/obsidian/vault.h"

namespace mkepub {
namespace {

constexpr size_t npos = std::string::npos;

// One post's expansion: the notes it embeds are expanded by the same object, one level deeper.
class NoteExpander {
 public:
  NoteExpander(const TagContext& ctx, Diagnostics& diag) : ctx_(ctx), diag_(diag) {}
  std::string expand(std::string_view text, const fs::path& note, int depth, int embed_line);

 private:
  const TagContext& ctx_;
  Diagnostics& diag_;
  std::vector<fs::path> chain_;  // the notes being embedded, outermost first
  std::map<fs::path, std::optional<std::string>> notes_;
  size_t embedded_bytes_ = 0;  // what the embeds of this post added, up to kMaxIncludedBytes

  const std::optional<std::string>& note_text(const fs::path& note);
  std::string href(const fs::path& target, const std::string& fragment) const;
  std::string link(const Wikilink& w, const fs::path& from, int line);
  std::string embed(const Wikilink& w, const fs::path& from, int line, bool alone, std::string_view prefix, int depth);
  void warn(int line, const std::string& message, const char* kind) {
    diag_.warn({ctx_.display, line, 0, message, kind});
  }
};

const std::optional<std::string>& NoteExpander::note_text(const fs::path& note) {
  auto [it, added] = notes_.try_emplace(note);
  if (added && ctx_.read_include) it->second = ctx_.read_include("/" + note.generic_string());
  return it->second;
}

// A link destination from the post's folder, percent-encoded where Markdown and URLs need it.
std::string NoteExpander::href(const fs::path& target, const std::string& fragment) const {
  std::string path = target.lexically_relative(ctx_.vault_path.parent_path()).generic_string();
  return percent_encode(path) + (fragment.empty() ? "" : "#" + percent_encode(fragment));
}

std::string NoteExpander::link(const Wikilink& w, const fs::path& from, int line) {
  const std::string text = markdown_text(w.display());
  std::optional<fs::path> target = w.file.empty() ? std::optional(from) : ctx_.vault->resolve(w.file, from);
  if (!target) {
    warn(line, "wikilink `[[" + w.raw + "]]` names no note or file in the vault; kept as plain text",
         "unresolved wikilink");
    return text;
  }
  if (!is_note(*target))  // an attachment: where the published site serves it (links.cpp adds the site's URL)
    return "[" + text + "](/" + percent_encode(quartz_slug(*target)) + ")";
  std::string fragment;
  if (!w.heading.empty() && w.heading[0] != '^') {
    std::string slug = unicode_slug(w.heading);
    const auto& note = note_text(*target);
    auto slugs = note ? heading_slugs(note_body(*note)) : std::vector<std::string>{};
    if (std::find(slugs.begin(), slugs.end(), slug) != slugs.end()) fragment = slug;
    else
      warn(line, "wikilink `[[" + w.raw + "]]`: the note has no heading `" + w.heading + "`; linked to the note",
           "unresolved wikilink");
  }
  if (*target == ctx_.vault_path && fragment.empty()) fragment = "top";
  return "[" + text + "](" + (*target == ctx_.vault_path ? "#" + percent_encode(fragment) : href(*target, fragment)) +
         ")";
}

std::string NoteExpander::embed(const Wikilink& w, const fs::path& from, int line, bool alone, std::string_view prefix,
                                int depth) {
  std::optional<fs::path> target = w.file.empty() ? std::optional(from) : ctx_.vault->resolve(w.file, from);
  if (!target) {
    warn(line, "embed `![[" + w.raw + "]]` names no file in the vault; its name is shown instead",
         "unresolved wikilink");
    return markdown_text(w.display());
  }
  if (is_image_name(target->filename().string())) {
    auto [width, height] = image_size(w.alias);
    std::string alt = width.empty() && !w.alias.empty() ? w.alias : target->stem().string();
    if (width.empty()) return "![" + markdown_text(alt) + "](" + href(*target, "") + ")";
    std::string img = "<img src=\"" + html_attribute(href(*target, "")) + "\" alt=\"" + html_attribute(alt) +
                      "\" width=\"" + width + (height.empty() ? "" : "\" height=\"" + height) + "\" />";
    // Alone on its line the tag opens an HTML block (CommonMark 4.6, kind 7), which runs to a blank line: one
    // follows, so that the next line is Markdown again.
    return alone ? img + "\n" + blank_prefix(prefix) : img;
  }
  if (!is_note(*target)) return link(w, from, line);
  const bool cycle = std::find(chain_.begin(), chain_.end(), *target) != chain_.end() || *target == ctx_.vault_path;
  if (!alone || cycle || depth >= kMaxEmbedDepth) {
    if (cycle || depth >= kMaxEmbedDepth)
      warn(line,
           "embed `![[" + w.raw + "]]` " + (cycle ? "would embed itself" : "is embedded too deeply") +
               "; linked instead",
           "embed");
    return link(w, from, line);
  }
  const auto& note = note_text(*target);
  std::optional<std::string> part = note ? std::optional<std::string>(std::string(note_body(*note))) : std::nullopt;
  if (part && !w.heading.empty())
    part = w.heading[0] == '^' ? block_section(*part, w.heading.substr(1))
                               : heading_section(*part, unicode_slug(w.heading));
  if (!part) {
    warn(line,
         "embed `![[" + w.raw + "]]`: " + (note ? "no such heading or block" : "the note cannot be read") +
             "; linked instead",
         "embed");
    return link(w, from, line);
  }
  if (embedded_bytes_ + part->size() > kMaxIncludedBytes) {
    if (embedded_bytes_ <= kMaxIncludedBytes)
      warn(line,
           "embed `![[" + w.raw + "]]` would take the text embedded into this post past " +
               std::to_string(kMaxIncludedBytes >> 20) + " MB; linked instead, as is any further embed",
           "embed");
    embedded_bytes_ = kMaxIncludedBytes + 1;
    return link(w, from, line);
  }
  embedded_bytes_ += part->size();
  chain_.push_back(*target);
  std::string inner = expand(*part, *target, depth + 1, line);
  chain_.pop_back();
  return embedded_block(inner, prefix);
}

std::string NoteExpander::expand(std::string_view text, const fs::path& note, int depth, int embed_line) {
  const auto code = code_ranges(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t r = 0, line_start = 0, copied = 0;
  int line = ctx_.first_line;
  auto line_here = [&] { return embed_line ? embed_line : line; };
  for (size_t i = 0; i < text.size();) {
    while (r < code.size() && code[r].second <= i) ++r;
    if (r < code.size() && code[r].first <= i) {  // code stays as written
      line += static_cast<int>(std::count(text.begin() + i, text.begin() + code[r].second, '\n'));
      if (size_t nl = text.rfind('\n', code[r].second - 1); nl != npos && nl >= i) line_start = nl + 1;
      i = code[r].second;
      continue;
    }
    const char c = text[i];
    size_t skip = 1;
    std::optional<std::string> replacement;
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if (c == '\\') {
      skip = i + 1 < text.size() && text[i + 1] != '\n' ? 2 : 1;  // an escaped character is text
    } else if (auto w = (c == '[' || c == '!') ? wikilink_at(text, i, c == '!') : std::nullopt) {
      skip = w->length;
      size_t end = i + skip;
      if (c == '!') {
        std::string_view prefix = text.substr(line_start, i - line_start);
        size_t eol = std::min(text.find('\n', end), text.size());
        bool alone = is_container_prefix(prefix) && trim(text.substr(end, eol - end)).empty();
        replacement = embed(*w, note, line_here(), alone, prefix, depth);
      } else {
        replacement = link(*w, note, line_here());
      }
    } else if (c == '%' && text.compare(i, 2, "%%") == 0) {
      if (size_t close = comment_end(text, i, code); close != npos) {
        skip = close - i;
        line += static_cast<int>(std::count(text.begin() + i, text.begin() + close, '\n'));
        replacement = std::string(std::count(text.begin() + i, text.begin() + close, '\n'), '\n');
      }
    } else if (c == '#' && (i == 0 || is_tag_boundary(text[i - 1]))) {
      if (size_t n = tag_length(text, i + 1)) {
        skip = n + 1;
        replacement = "<span class=\"tag\">" + html_attribute(std::string(text.substr(i, n + 1))) + "</span>";
      }
    } else if (c == '^' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      if (size_t n = block_id_length(text, i)) {
        skip = n;
        replacement = "";
      }
    }
    if (replacement) {
      out.append(text, copied, i - copied);
      out += *replacement;
      copied = i + skip;
    }
    i = std::min(i + skip, text.size());
  }
  out.append(text, copied, npos);
  return out;
}

}  // namespace

std::string expand_obsidian(const std::string& markdown, const TagContext& context, Diagnostics& diag) {
  if (!context.vault) return markdown;
  NoteExpander expander(context, diag);
  return expander.expand(markdown, context.vault_path, 0, 0);
}

std::vector<std::string> inline_tags(std::string_view markdown) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const auto code = code_ranges(markdown);
  size_t r = 0;
  for (size_t i = markdown.find('#'); i != npos; i = markdown.find('#', i + 1)) {
    while (r < code.size() && code[r].second <= i) ++r;
    if (r < code.size() && code[r].first <= i) continue;
    if (i > 0 && (!is_tag_boundary(markdown[i - 1]) || markdown[i - 1] == '\\')) continue;
    if (size_t n = tag_length(markdown, i + 1)) {
      std::string tag(markdown.substr(i + 1, n));
      if (seen.insert(tag).second) out.push_back(tag);
      i += n;
    }
  }
  return out;
}

}  // namespace mkepub
