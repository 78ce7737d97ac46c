// The cover page and the title page (EPUB 3 Structural Semantics: `cover`, `titlepage`).
#include "epub/frontpages.h"

#include <pugixml.hpp>

#include "epub/templates.h"
#include "render/chapter.h"
#include "render/vertical.h"

namespace mkepub {
namespace {

// Fills a text slot, or removes the element when there is nothing to say.
void fill_or_drop(pugi::xml_node root, const char* slot, const std::string& text) {
  auto node = take_slot(root, slot);
  if (!node) return;
  if (text.empty()) node.parent().remove_child(node);
  else node.text().set(text.c_str());
}

std::string join(const std::vector<std::string>& items, const std::string& language) {
  std::string sep = language.rfind("zh", 0) == 0 || language.rfind("ja", 0) == 0 ? "、" : ", ";
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string render_cover_page(const Book& book) {
  pugi::xml_document doc;
  load_xhtml_template(kCoverPage, doc, book.templates);
  auto root = doc.document_element();
  set_page_language(root, book.meta.language, book.meta.language);
  take_slot(root, "title").text().set(book.meta.title.c_str());
  auto img = take_slot(root, "cover");
  img.attribute("src") = book.cover ? book.cover->href.c_str() : "";
  img.attribute("alt") = book.meta.title.c_str();
  if (book.vertical) make_vertical(doc);
  return serialize_xhtml(doc);
}

std::string render_title_page(const Book& book) {
  pugi::xml_document doc;
  load_xhtml_template(kTitlePage, doc, book.templates);
  auto root = doc.document_element();
  set_page_language(root, book.meta.language, book.meta.language);
  take_slot(root, "title").text().set(book.meta.title.c_str());
  fill_or_drop(root, "book-title", book.meta.title);
  fill_or_drop(root, "subtitle", book.meta.subtitle);
  fill_or_drop(root, "authors", join(book.meta.creators, book.meta.language));
  fill_or_drop(root, "dates", book.date_range);
  if (book.vertical) make_vertical(doc);
  return serialize_xhtml(doc);
}

}  // namespace mkepub
