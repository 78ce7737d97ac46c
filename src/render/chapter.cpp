// Chapters: one post rendered into an XHTML page (https://www.w3.org/TR/epub-33/#sec-xhtml).
#include "render/chapter.h"

#include "base/language.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "base/dates.h"
#include "base/dom.h"
#include "base/text.h"
#include "dialects/hexo/heading_anchor.h"
#include "epub/deflate.h"
#include "epub/templates.h"
#include "render/callouts.h"
#include "render/page_flow.h"
#include "render/footnotes.h"
#include "render/markdown.h"
#include "render/xhtml.h"

namespace mkepub {
namespace {

int heading_level(pugi::xml_node n) {
  std::string_view name = n.name();
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

std::string text_of(pugi::xml_node n) {
  std::string raw;
  // Ruby annotations and their parentheses stay out: a title in the table of contents reads as its base text.
  auto is_annotation = [](pugi::xml_node a) { return is_named(a, "rt") || is_named(a, "rp"); };
  for (auto a = n; a; a = a.parent())
    if (is_annotation(a)) return "";
  walk_below(n, [&](pugi::xml_node d) {
    if (is_text(d)) raw += d.value();
    return !is_annotation(d);
  });
  std::string out;  // collapse white space
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

// A title as text_of reads a heading: white space collapsed, none at either end.
std::string text_of_string(std::string_view title) {
  std::string out;
  bool space = false;
  for (char c : title) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    out += c;
    space = false;
  }
  return out;
}

bool is_ascii_id(std::string_view id) {
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

class IdMaker {
 public:
  std::string unique(std::string base) {
    if (!is_ascii_id(base)) base = "s-" + base;
    if (!is_ascii_id(base)) base = "s";
    std::string id = base;
    // Numbering resumes where it stopped for this base: a post of thousands of same-named headings stays linear.
    int& n = next_.try_emplace(base, 2).first->second;
    while (used_.count(id)) id = base + "-" + std::to_string(n++);
    used_.insert(id);
    return id;
  }
  void reserve(const std::string& id) { used_.insert(id); }

 private:
  std::set<std::string> used_;
  std::map<std::string, int> next_;
};

// Ids from raw HTML that are not ASCII names, or repeat, are renamed; the old names stay as link anchors.
void clean_ids(pugi::xml_node content, IdMaker& ids, std::map<std::string, std::string>& anchors) {
  for (auto el : elements_below(content, [](pugi::xml_node n) { return bool(n.attribute("id")); })) {
    if (heading_level(el)) continue;  // headings get their ids below
    std::string old = el.attribute("id").value();
    std::string id = ids.unique(is_ascii_id(old) ? old : "id-" + ascii_slug(old));
    el.attribute("id") = id.c_str();
    anchors.emplace(old, id);
  }
}

// Renumbers the post's headings beneath the chapter's h1: each is one level below the nearest earlier heading
// of a higher rank, so `###` sections of a post become h2 and no level is skipped. `title_heading`, the heading
// that became the chapter's title, leaves the page; the names links give it lead to the title ("top").
void collect_headings(pugi::xml_node content, const Post& post, IdMaker& ids, Chapter& ch,
                      pugi::xml_node title_heading) {
  std::vector<int> stack;  // original levels of the open headings
  std::vector<int> counters;
  HexoHeadingIds hexo_ids;  // counted over every heading, the title's too, as Hexo counts them
  for (auto el : elements_below(content, [](pugi::xml_node n) { return heading_level(n) > 0; })) {
    if (el == title_heading) {
      const std::string text = text_of(el), old = el.attribute("id").value();
      for (const auto& alias : {old, unicode_slug(text), ascii_slug(text), hexo_ids.next(text)})
        if (!alias.empty() && alias != "top") ch.anchors.emplace(alias, "top");
      el.parent().remove_child(el);
      continue;
    }
    int original = heading_level(el);
    while (!stack.empty() && stack.back() >= original) stack.pop_back();
    stack.push_back(original);
    int level = std::min<int>(stack.size() + 1, 6);
    el.set_name(("h" + std::to_string(level)).c_str());
    Heading h;
    h.level = level;
    h.text = text_of(el);
    h.slug = unicode_slug(h.text);
    std::string old = el.attribute("id").value();
    const std::string ascii = ascii_slug(h.text);
    h.id = ids.unique(ascii.empty() ? "sec-" + std::to_string(ch.headings.size() + 1) : ascii);
    if (el.attribute("id")) el.attribute("id") = h.id.c_str();
    else el.append_attribute("id") = h.id.c_str();
    if (post.toc_number) {
      counters.resize(level - 1);
      ++counters[level - 2];
      for (size_t i = 0; i < counters.size(); ++i) h.number += (i ? "." : "") + std::to_string(counters[i]);
    }
    // Only names that differ from the id: a site of thousands of pages has hundreds of thousands of headings.
    // The heading's own text is found among the headings (find_anchor) rather than stored here again.
    for (const auto& alias : {old, h.slug, ascii, hexo_ids.next(h.text)})
      if (!alias.empty() && alias != h.id) ch.anchors.emplace(alias, h.id);
    ch.headings.push_back(std::move(h));
  }
}

std::string title_from_file(const Post& post) {
  std::string stem = post.file.stem().string();
  if (stem.size() > 11 && stem[10] == '-' && date_from_file_name(stem)) stem = stem.substr(11);
  return stem;
}

}  // namespace

Chapter render_chapter(const Post& post, const std::string& href, Diagnostics& diag,
                       const TemplateOverrides& templates, const MarkdownDialect& markdown) {
  Chapter ch;
  ch.post = &post;
  ch.href = href;
  ch.doc = std::make_shared<pugi::xml_document>();
  load_xhtml_template("chapter.xhtml", *ch.doc, templates);
  auto root = ch.doc->document_element();

  // The post goes straight into the template's content slot: pugixml moves nodes only within one document.
  auto content = take_slot(root, "content");
  try {
    auto html = render_markdown(post.body, post.body_line, markdown);
    append_html(content, html.html, post.display, diag, html.is_xml);
  } catch (InputError& e) {
    e.where.path = post.display;
    throw;
  }

  // The heading that is the chapter's title is shown once, as the title: the first h1 of a post without one, or a
  // first heading (any level) that says what the front matter's or SUMMARY.md's title says.
  pugi::xml_node title_heading;
  ch.title = post.title;
  if (ch.title.empty()) {
    if (auto h1 = content.find_node([](pugi::xml_node n) { return is_named(n, "h1"); })) {
      ch.title = text_of(h1);
      title_heading = h1;
    }
  }
  if (ch.title.empty()) ch.title = post.summary_title;
  if (!title_heading && !ch.title.empty()) {
    auto first = content.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
    if (heading_level(first) && text_of(first) == text_of_string(ch.title)) title_heading = first;
  }
  if (ch.title.empty()) ch.title = title_from_file(post);

  mark_callouts(content);
  mark_bare_urls(content);
  make_popup_footnotes(content, fs::path(href).stem().string() + "-");
  IdMaker ids;
  ids.reserve("top");
  clean_ids(content, ids, ch.anchors);
  collect_headings(content, post, ids, ch, title_heading);
  ch.headings.insert(ch.headings.begin(), Heading{1, "top", ch.title, "", unicode_slug(ch.title)});

  take_slot(root, "title").text().set(ch.title.c_str());
  auto heading = take_slot(root, "heading");
  heading.text().set(ch.title.c_str());
  heading.append_attribute("id") = "top";
  auto date = take_slot(root, "date");
  if (post.date) {
    auto time = date.append_child("time");
    time.append_attribute("datetime") = format_day(*post.date).c_str();
    time.text().set(format_day(*post.date).c_str());
  } else if (date) {
    date.parent().remove_child(date);
  }
  unwrap_element(content);
  return ch;
}

namespace {

// Raw, and read back keeping whitespace-only text: what is parked is the DOM itself, not a pretty print of it.
Parked park(pugi::xml_document& doc) {
  struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
  } w;
  doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  doc.reset();
  // Thousands of pages wait here. Level 1: a quarter of the size at a fraction of level 6's time.
  return {deflate_raw(w.out, 1), w.out.size()};
}

}  // namespace

void park_pages(Chapter& ch) {
  ch.parked = park(*ch.doc);
  ch.doc.reset();
  for (auto& page : ch.continued) {
    page.parked = park(*page.doc);
    page.doc.reset();
  }
}

std::unique_ptr<pugi::xml_document> unpark_page(Parked& parked) {
  auto doc = std::make_unique<pugi::xml_document>();
  std::string text = inflate_raw(parked.deflated, parked.size);
  parked = {};
  auto r = doc->load_buffer(text.data(), text.size(), pugi::parse_full | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!r) throw InternalError(std::string("a parked page does not read back: ") + r.description());
  return doc;
}

const std::string* find_anchor(const Chapter& ch, const std::string& fragment) {
  if (auto it = ch.anchors.find(fragment); it != ch.anchors.end()) return &it->second;
  for (const auto& h : ch.headings)
    if (h.id == fragment) return &h.id;
  for (const auto& h : ch.headings)
    if (h.text == fragment) return &h.id;
  // The slug of a heading that became the chapter's title (its opening `#` heading): Obsidian's `[[Note#Title]]`.
  if (!ch.headings.empty() && ch.headings[0].slug == fragment) return &ch.headings[0].id;
  // Hexo's modifyAnchors makes its ids lower or upper case: the names differ from those kept only in ASCII case.
  auto same_but_case = [&](const std::string& name) {
    return name.size() == fragment.size() &&
           std::equal(name.begin(), name.end(), fragment.begin(),
                      [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); });
  };
  for (const auto& [name, id] : ch.anchors)
    if (same_but_case(name)) return &id;
  for (const auto& h : ch.headings)
    if (same_but_case(h.id)) return &h.id;
  return nullptr;
}

void set_page_language(pugi::xml_node root, const std::string& language, const std::string& book_language) {
  for (const char* name : {"lang", "xml:lang", "dir"}) root.remove_attribute(name);
  root.append_attribute("lang") = language.c_str();
  root.append_attribute("xml:lang") = language.c_str();
  if (is_rtl_language(language)) root.append_attribute("dir") = "rtl";
  else if (is_rtl_language(book_language)) root.append_attribute("dir") = "ltr";
}

std::string finish_chapter(pugi::xml_document& page, const std::string& chapter_language,
                           const std::string& book_language) {
  const std::string& language = chapter_language.empty() ? book_language : chapter_language;
  set_page_language(page.document_element(), language, book_language);
  // Code reads left to right in a right-to-left page, isolated from the text around it (HTML's dir attribute).
  if (is_rtl_language(language))
    for (auto el : elements_below(page.document_element(), [](pugi::xml_node n) {
           return is_named(n, "pre") || (is_named(n, "code") && !is_named(n.parent(), "pre"));
         }))
      if (!el.attribute("dir")) el.append_attribute("dir") = "ltr";
  return serialize_xhtml(page);
}

}  // namespace mkepub
