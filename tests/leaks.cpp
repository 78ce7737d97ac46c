// The leak check's patterns, each named after what the author wrote and mkepub did not understand.
#include "leaks.h"

#include <cmark-gfm.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "epub/deflate.h"

namespace mkepub::test {
namespace {

struct Pattern {
  const char* kind;
  std::regex re;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = {
      {"template tag", std::regex(R"(\{%-?\s*[A-Za-z_]|\{\{[<%#]|\{\{-?\s*[A-Za-z_.$][^}]*\}\})")},
      {"front matter",
       std::regex(
           R"(^\s*(\+\+\+|---)[ \t]*\n\s*[A-Za-z_][\w-]*(:|\s*=)\s|)"
           R"(^\s*(title|date|tags|categories|draft|weight|slug|author|layout)(:|\s*=)\s*\S)")},
      {"Liquid filter", std::regex(R"(\|\s*(relative_url|absolute_url|escape|markdownify|prepend|append)\b)")},
      {"attribute list", std::regex(R"(\{:\s*[.#]?[A-Za-z]|\{[.#][A-Za-z][\w-]*\})")},
      {"admonition fence", std::regex(R"(^\s*:::+\s*[A-Za-z]*|^\s*:::+\s*$)")},
      // Not wikilinks, though written alike: C++ attributes (`[[noreturn]]`, `[[nodiscard]]`), ECMAScript's
      // internal slots and methods (`[[Prototype]]`, `[[DefineOwnProperty]]`) in changelogs, and TOML's
      // array-of-tables headers (`[[series]]` over `name = ...` lines) shown by a shortcode.
      {"wikilink",
       std::regex(R"(!?\[\[(?!:|(noreturn|carries_dependency|deprecated|fallthrough|nodiscard|maybe_unused|likely|)"
                  R"(unlikely|no_unique_address|assume)\b|(Prototype|Extensible|Get|Set|Call|Construct|Delete|)"
                  R"(DefineOwnProperty|GetOwnProperty|HasProperty|OwnPropertyKeys|GetPrototypeOf|SetPrototypeOf|)"
                  R"(IsExtensible|PreventExtensions)\]\])[^\]\n]+\]\](?!\n\s*[A-Za-z_][\w-]*\s*=))")},
      // GitHub's alert types and Obsidian's callout types with their aliases.
      {"callout", std::regex(R"(\[!(note|tip|info|warning|danger|caution|important|abstract|summary|tldr|todo|hint|)"
                             R"(success|check|done|question|help|faq|attention|failure|fail|missing|error|bug|)"
                             R"(example|quote|cite)\][-+~]?)",
                             std::regex::icase)},
      // A theme tag's icon argument shown as text: Font Awesome's `fas fa-rocket`, `fa-solid fa-house`.
      {"icon class", std::regex(R"((^|[\s'"])(fa[srbldt]?|fa-(solid|regular|brands|light|duotone|thin)) fa-[a-z])")},
      // `__` inside a word is no emphasis to CommonMark (`custom-post__toc`), so it is no leak either; nor is a
      // closing run after white space (`**Hits 'W' **(Draw)`): CommonMark, marked, kramdown and Goldmark all
      // print those asterisks, so the author's own site shows them too.
      {"Markdown emphasis",
       std::regex(R"((^|[^*\w])\*\*[^*\s]([^*]*[^*\s])?\*\*|(^|[^\w])__[^_\s]([^_]*[^_\s])?__(?!\w))")},
      {"Markdown link", std::regex(R"(!?\[[^\]\n]+\]\([^)\s]+\))")},
      {"Markdown heading", std::regex(R"(^#{1,6}\s+\S)")},
      {"raw HTML as text",
       std::regex(R"(</?(div|span|p|br|img|a|table|tr|td|ul|li|details|summary|iframe|font|center)(\s[^<>]*)?/?>)",
                  std::regex::icase)},
  };
  return all;
}

bool is_code(const pugi::xml_node& n) {
  for (auto p = n.parent(); p; p = p.parent()) {
    std::string name = p.name();
    if (name == "pre" || name == "code" || name == "kbd" || name == "samp" || name == "script" || name == "style")
      return true;
  }
  return false;
}

bool has_class(const pugi::xml_node& n, std::string_view name) {
  std::istringstream classes(n.attribute("class").value());
  for (std::string c; classes >> c;)
    if (c == name) return true;
  return false;
}

struct Found {
  LeakCounts& counts;
  const LeakDetail& detail;
  const std::string& page;
  // `at`/`length`: the match in `text`; a little around it (on its line) is what is looked up in the sources.
  void add(const std::string& kind, const std::string& text, size_t at = 0, size_t length = std::string::npos) {
    if (detail.site && length != std::string::npos) {
      size_t from = at, to = at + length;
      for (int i = 0; i < 12 && from > 0 && text[from - 1] != '\n'; ++i) --from;
      for (int i = 0; i < 12 && to < text.size() && text[to] != '\n'; ++i) ++to;
      const auto around = std::string_view(text).substr(from, to - from);
      if (detail.site->only_escaped(around)) {
        if (detail.escaped) ++(*detail.escaped)[kind];
        return;
      }
      if (detail.site->in_raw_html(around)) {
        if (detail.in_raw_html) ++(*detail.in_raw_html)[kind];
        return;
      }
    }
    ++counts[kind];
    if (detail.samples) detail.samples->push_back({page, kind, text});
  }
};

void walk(const pugi::xml_node& node, Found& out) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (is_code(child)) continue;
      const std::string text = child.value();
      std::smatch m;
      // A heading's `#` shows only where a block's text starts: in a <span> it is the author's text (a shell
      // comment in a styled terminal transcript). So does a callout's `[!NOTE]`: GitHub, Obsidian and DocFX read it
      // only as a block quote's first line, and print it mid-paragraph.
      const std::string parent = child.parent().name();
      const bool starts_block = child == child.parent().first_child() &&
                                (parent == "p" || parent == "li" || parent == "td" || parent == "th" ||
                                 parent == "dd" || parent == "dt" || parent == "body" || parent == "div");
      for (const auto& p : patterns()) {
        const std::string_view kind = p.kind;
        const bool block_start_only = kind == "Markdown heading" || kind == "callout";
        if (block_start_only && !starts_block) continue;
        if (!std::regex_search(text, m, p.re, std::regex_constants::match_default)) continue;
        const auto at = static_cast<size_t>(m.position(0));
        if (block_start_only && text.find_first_not_of(" \t\n") < at) continue;
        out.add(p.kind, text, at, static_cast<size_t>(m.length(0)));
      }
    } else if (child.type() == pugi::node_element) {
      // A remote image mkepub could not embed becomes a link to it, marked so; a link the author wrote to an
      // image is what they wrote.
      if (std::string(child.name()) == "a" && has_class(child, "remote-image"))
        out.add("remote image not fetched", child.attribute("href").value());
      walk(child, out);
    }
  }
}

}  // namespace

SiteText::SiteText(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file(ec) && (ext == ".md" || ext == ".markdown" || ext == ".mdx" || ext == ".mdown"))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    raw_ += text + '\n';
    cmark_node* doc = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK)
        raw_html_ += std::string(cmark_node_get_literal(node)) + '\n';
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
  }
  unescaped_.reserve(raw_.size());
  for (size_t i = 0; i < raw_.size(); ++i) {
    const char c = raw_[i];
    if (c == '\\' && i + 1 < raw_.size() && std::ispunct(static_cast<unsigned char>(raw_[i + 1]))) {
      unescaped_ += raw_[++i];
    } else if (c == '&' && raw_.compare(i, 4, "&lt;") == 0) {
      unescaped_ += '<', i += 3;
    } else if (c == '&' && raw_.compare(i, 4, "&gt;") == 0) {
      unescaped_ += '>', i += 3;
    } else if (c == '&' && raw_.compare(i, 5, "&amp;") == 0) {
      unescaped_ += '&', i += 4;
    } else {
      unescaped_ += c;
    }
  }
}

bool SiteText::only_escaped(std::string_view text) const {
  // Back to what the author typed where a typographer (smart punctuation) changed it.
  std::string typed(text);
  for (auto [shown, written] : {std::pair{"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x98", "'"},
                                {"\xE2\x80\x99", "'"}, {"\xE2\x80\xA6", "..."}, {"\xE2\x80\x94", "---"},
                                {"\xE2\x80\x93", "--"}})
    for (size_t at; (at = typed.find(shown)) != std::string::npos;) typed.replace(at, 3, written);
  return raw_.find(typed) == std::string::npos && unescaped_.find(typed) != std::string::npos;
}

bool SiteText::in_raw_html(std::string_view text) const {
  // Trimmed: the page's text around a leak may run into the next block's, the HTML block ends at its line.
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return !text.empty() && raw_html_.find(text) != std::string::npos;
}

LeakCounts leaks_in_page(const std::string& xhtml, const LeakDetail& detail, const std::string& page) {
  LeakCounts out;
  Found found{out, detail, page};
  pugi::xml_document doc;
  if (!doc.load_buffer(xhtml.data(), xhtml.size())) {
    out["page not XML"] = 1;
    return out;
  }
  if (auto body = doc.child("html").child("body")) walk(body, found);
  return out;
}

LeakCounts leaks_in_book(const std::vector<Entry>& entries, const LeakDetail& detail) {
  LeakCounts all;
  for (const auto& e : entries) {
    if (e.path.rfind("EPUB/text/", 0) != 0) continue;
    for (const auto& [kind, n] : leaks_in_page(e.deflated ? inflate_entry(e) : e.bytes, detail, e.path)) all[kind] += n;
  }
  return all;
}

int total(const LeakCounts& counts) {
  int n = 0;
  for (const auto& [kind, c] : counts) n += c;
  return n;
}

std::string format_leaks(const LeakCounts& counts) {
  std::string out;
  for (const auto& [kind, n] : counts) out += (out.empty() ? "" : ", ") + kind + " " + std::to_string(n);
  return out.empty() ? "none" : out;
}

}  // namespace mkepub::test
