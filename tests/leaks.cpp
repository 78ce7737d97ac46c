// The leak check's patterns, each named after what the author wrote and mkepub did not understand.
#include "leaks.h"

#include <pugixml.hpp>

#include <regex>

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
           R"(^\s*(\+\+\+|---)[ \t]*(\n|$)|^\s*(title|date|tags|categories|draft|weight|slug|author|layout)\s*[:=]\s*\S)")},
      {"Liquid filter", std::regex(R"(\|\s*(relative_url|absolute_url|escape|markdownify|prepend|append)\b)")},
      {"attribute list", std::regex(R"(\{:\s*[.#]?[A-Za-z]|\{[.#][A-Za-z][\w-]*\})")},
      {"admonition fence", std::regex(R"(^\s*:::+\s*[A-Za-z]*|^\s*:::+\s*$)")},
      // Not wikilinks, though written alike: C++ attributes (`[[noreturn]]`, `[[nodiscard]]`), ECMAScript's
      // internal slots and methods (`[[Prototype]]`, `[[DefineOwnProperty]]`) in changelogs, and TOML's
      // array-of-tables headers (`[[series]]` over `name = ...` lines) shown by a shortcode.
      {"wikilink",
       std::regex(R"(!?\[\[(?!(noreturn|carries_dependency|deprecated|fallthrough|nodiscard|maybe_unused|likely|)"
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
      {"Markdown emphasis", std::regex(R"((^|[^*\w])\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__)")},
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

bool is_image_href(std::string href) {
  if (auto q = href.find_first_of("?#"); q != std::string::npos) href.resize(q);
  for (auto& c : href) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff"}) {
    std::string e = ext;
    if (href.size() > e.size() && href.compare(href.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

struct Found {
  LeakCounts& counts;
  std::vector<LeakSample>* samples;
  const std::string& page;
  void add(const std::string& kind, const std::string& text) {
    ++counts[kind];
    if (samples) samples->push_back({page, kind, text});
  }
};

void walk(const pugi::xml_node& node, Found& out) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (is_code(child)) continue;
      const std::string text = child.value();
      for (const auto& p : patterns())
        if (std::regex_search(text, p.re, std::regex_constants::match_default)) out.add(p.kind, text);
    } else if (child.type() == pugi::node_element) {
      // A remote image mkepub could not embed becomes a link to it; a link around an image (a gallery's
      // thumbnail leading to the full picture) is what the author wrote.
      if (std::string(child.name()) == "a" && is_image_href(child.attribute("href").value()) && !child.child("img") &&
          !is_code(child))
        out.add("image URL as link", child.attribute("href").value());
      walk(child, out);
    }
  }
}

}  // namespace

LeakCounts leaks_in_page(const std::string& xhtml, std::vector<LeakSample>* samples, const std::string& page) {
  LeakCounts out;
  Found found{out, samples, page};
  pugi::xml_document doc;
  if (!doc.load_buffer(xhtml.data(), xhtml.size())) {
    out["page not XML"] = 1;
    return out;
  }
  if (auto body = doc.child("html").child("body")) walk(body, found);
  return out;
}

LeakCounts leaks_in_book(const std::vector<Entry>& entries, std::vector<LeakSample>* samples) {
  LeakCounts all;
  for (const auto& e : entries) {
    if (e.path.rfind("EPUB/text/", 0) != 0) continue;
    for (const auto& [kind, n] : leaks_in_page(e.deflated ? inflate_entry(e) : e.bytes, samples, e.path)) all[kind] += n;
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
