// Navigation: nav.xhtml (https://www.w3.org/TR/epub-33/#sec-nav) and toc.ncx (OPF 2.0.1 section 2.4.1).
#include "epub/nav.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "base/input_limits.h"
#include "epub/frontpages.h"
#include "epub/templates.h"
#include "render/chapter.h"
#include "render/vertical.h"

namespace mkepub {

std::string contents_label(const std::string& language) {
  auto primary = language.substr(0, language.find('-'));
  if (primary == "zh") {
    // Traditional by the script subtag when there is one (zh-Hant-TW, zh-Hans-HK), else by the region: matching
    // whole tags missed zh-Hant-TW and zh-MO.
    bool traditional = false;
    for (size_t at = language.find('-'); at != std::string::npos; at = language.find('-', at + 1)) {
      auto subtag = language.substr(at + 1, language.find('-', at + 1) - at - 1);
      if (subtag == "Hant" || subtag == "Hans") {
        traditional = subtag == "Hant";
        break;
      }
      if (subtag == "TW" || subtag == "HK" || subtag == "MO") traditional = true;
    }
    return traditional ? "目錄" : "目录";
  }
  if (primary == "ja") return "目次";
  if (primary == "ko") return "목차";
  if (primary == "ar") return "المحتويات";
  if (primary == "fa") return "فهرست";
  if (primary == "ur") return "فہرست";
  if (primary == "he" || primary == "iw") return "תוכן העניינים";
  return "Contents";
}

static bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::vector<TocNode> build_outline(const Book& book) { return build_outline(book, book.toc_depth); }

size_t nesting_in_outline(int nesting) { return std::min<size_t>(std::max(0, nesting), kMaxChapterNesting); }

// A book's SUMMARY.md nests chapters and groups them into parts; a part is a label without a link of its own.
std::vector<TocNode> build_outline(const Book& book, int toc_depth) {
  std::vector<TocNode> roots;
  std::vector<TocNode>* level0 = &roots;
  std::vector<TocNode*> chapters_open;  // the chapters the next one may nest in
  for (const auto& ch : book.chapters) {
    if (!ch.post->part.empty()) {
      roots.push_back({ch.post->part, "", {}});
      level0 = &roots.back().children;
      chapters_open.clear();
    }
    while (chapters_open.size() > nesting_in_outline(ch.post->nesting)) chapters_open.pop_back();
    auto& siblings = chapters_open.empty() ? *level0 : chapters_open.back()->children;
    siblings.push_back({ch.title, ch.href, {}});
    chapters_open.push_back(&siblings.back());
    if (!ch.post->toc) continue;  // `toc: false`: the post's sections stay out of the book's outline
    std::vector<std::pair<int, TocNode*>> open = {{1, &siblings.back()}};
    for (size_t i = 1; i < ch.headings.size(); ++i) {
      const Heading& h = ch.headings[i];
      // A heading of no text (an image, an empty anchor) would be an empty link, which a nav may not hold.
      if (h.level > toc_depth || (h.number.empty() && is_blank(h.text))) continue;
      while (open.back().first >= h.level) open.pop_back();
      auto& kids = open.back().second->children;
      kids.push_back({h.number.empty() ? h.text : h.number + " " + h.text, ch.href_of(h.id) + "#" + h.id, {}});
      open.push_back({h.level, &kids.back()});
    }
  }
  return roots;
}

namespace {

void nav_items(pugi::xml_node ol, const std::vector<TocNode>& nodes) {
  for (const auto& n : nodes) {
    auto li = ol.append_child("li");
    auto a = li.append_child(n.href.empty() ? "span" : "a");
    if (!n.href.empty()) a.append_attribute("href") = n.href.c_str();
    a.text().set(n.label.c_str());
    if (!n.children.empty()) nav_items(li.append_child("ol"), n.children);
  }
}

// playOrder follows reading order, and one target keeps one number (a part and its first chapter share it).
struct PlayOrder {
  std::map<std::string, int> by_target;
  int next = 1, points = 0;
  int of(const std::string& target) { return by_target.emplace(target, next).second ? next++ : by_target[target]; }
};

void ncx_points(pugi::xml_node parent, const std::vector<TocNode>& nodes, PlayOrder& order) {
  for (const auto& n : nodes) {
    auto point = parent.append_child("navPoint");
    point.append_attribute("id") = ("np-" + std::to_string(++order.points)).c_str();
    point.append_child("navLabel").append_child("text").text().set(n.label.c_str());
    // The NCX has no label without a target: a part points at its first chapter.
    const TocNode* target = &n;
    while (target->href.empty() && !target->children.empty()) target = &target->children.front();
    point.append_attribute("playOrder") = order.of(target->href);
    point.append_child("content").append_attribute("src") = target->href.c_str();
    ncx_points(point, n.children, order);
  }
}

int depth(const std::vector<TocNode>& nodes) {
  int d = 0;
  for (const auto& n : nodes) d = std::max(d, 1 + depth(n.children));
  return d;
}

// What the outline's labels and links alone take: nav.xhtml is longer still, so an outline past the limit by this
// count need not be rendered to know (a big book's deepest nav page is megabytes of DOM).
size_t text_bytes(const std::vector<TocNode>& nodes) {
  size_t n = 0;
  for (const auto& node : nodes) n += node.label.size() + node.href.size() + text_bytes(node.children);
  return n;
}

}  // namespace

int fit_toc_depth(const Book& book, size_t limit) {
  int depth = book.toc_depth;
  auto too_big = [&](const std::vector<TocNode>& outline) {
    return text_bytes(outline) > limit || render_nav(book, outline).size() > limit;
  };
  while (depth > 1 && too_big(build_outline(book, depth))) --depth;
  return depth;
}

std::string render_nav(const Book& book, const std::vector<TocNode>& outline) {
  pugi::xml_document doc;
  load_xhtml_template("nav.xhtml", doc, book.templates);
  auto root = doc.document_element();
  set_page_language(root, book.meta.language, book.meta.language);
  auto label = contents_label(book.meta.language);
  take_slot(root, "title").text().set(book.meta.title.c_str());
  take_slot(root, "heading").text().set(label.c_str());
  nav_items(take_slot(root, "toc"), outline);
  take_slot(root, "landmarks-heading").text().set("Landmarks");
  auto landmarks = take_slot(root, "landmarks");
  auto add = [&](const char* type, const std::string& href, const std::string& text) {
    auto a = landmarks.append_child("li").append_child("a");
    a.append_attribute("epub:type") = type;
    a.append_attribute("href") = href.c_str();
    a.text().set(text.c_str());
  };
  if (book.cover) add("cover", kCoverPage, book.meta.title);
  add("titlepage", kTitlePage, book.meta.title);
  add("toc", "nav.xhtml#toc", label);
  if (!book.chapters.empty()) add("bodymatter", book.chapters.front().href, book.chapters.front().title);
  if (book.vertical) make_vertical(doc);
  return serialize_xhtml(doc);
}

std::string render_ncx(const Book& book, const std::vector<TocNode>& outline) {
  pugi::xml_document doc;
  auto ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = book.meta.language.c_str();
  auto head = ncx.append_child("head");
  auto meta = [&](const char* name, const std::string& content) {
    auto m = head.append_child("meta");
    m.append_attribute("name") = name;
    m.append_attribute("content") = content.c_str();
  };
  meta("dtb:uid", book.meta.identifier);
  meta("dtb:depth", std::to_string(std::max(1, depth(outline))));
  meta("dtb:totalPageCount", "0");
  meta("dtb:maxPageNumber", "0");
  ncx.append_child("docTitle").append_child("text").text().set(book.meta.title.c_str());
  PlayOrder order;
  ncx_points(ncx.append_child("navMap"), outline, order);
  return serialize_xml(doc);
}

int fit_toc_depth(const Book& book, size_t limit, Diagnostics& diag) {
  int deepest = 0;
  for (const auto& ch : book.chapters) deepest = std::max(deepest, ch.post->nesting);
  if (static_cast<size_t>(deepest) > kMaxChapterNesting)
    diag.note({"", 0, 0,
               "chapters nested " + std::to_string(deepest + 1) +
                   " levels deep; the table of contents lists those below level " +
                   std::to_string(kMaxChapterNesting + 1) + " at that level"});
  int depth = fit_toc_depth(book, limit);
  if (depth < book.toc_depth)
    diag.note({"", 0, 0, "table of contents limited to " + std::to_string(depth) + " level(s) to keep nav.xhtml small"});
  return depth;
}

}  // namespace mkepub
