// content.opf: the EPUB 3.3 package document (https://www.w3.org/TR/epub-33/#sec-package-doc), with an
// EPUB 2 <guide> (OPF 2.0.1 section 2.6) for older reading systems.
#include "epub/opf.h"

#include "base/language.h"

#include <pugixml.hpp>

#include <algorithm>

#include "epub/frontpages.h"
#include "epub/nav.h"
#include "epub/templates.h"

namespace mkepub {
namespace {

std::string id_of(const std::string& href) {
  auto name = href.substr(href.rfind('/') + 1);
  return name.substr(0, name.find('.'));
}

void metadata(pugi::xml_node package, const Metadata& m) {
  auto md = package.append_child("metadata");
  md.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  auto dc = [&](const char* name, const std::string& value) {
    auto el = md.append_child(name);
    el.text().set(value.c_str());
    return el;
  };
  dc("dc:identifier", m.identifier).append_attribute("id") = "book-id";
  dc("dc:title", m.title).append_attribute("id") = "title";
  dc("dc:language", m.language);
  for (size_t i = 0; i < m.creators.size(); ++i)
    dc("dc:creator", m.creators[i]).append_attribute("id") = ("creator" + std::to_string(i + 1)).c_str();
  for (const auto& c : m.contributors) dc("dc:contributor", c);
  if (!m.date.empty()) dc("dc:date", m.date);
  for (const auto& s : m.subjects) dc("dc:subject", s);
  if (!m.description.empty()) dc("dc:description", m.description);
  if (!m.publisher.empty()) dc("dc:publisher", m.publisher);
  if (!m.rights.empty()) dc("dc:rights", m.rights);
  auto modified = md.append_child("meta");
  modified.append_attribute("property") = "dcterms:modified";
  modified.text().set(m.modified.c_str());
}

// The series as EPUB 3 says it (https://www.w3.org/TR/epub-33/#sec-belongs-to-collection), and as calibre's own
// EPUB 2 style metas, which calibre falls back on and which tools following calibre's convention look for.
void series(pugi::xml_node md, const Metadata& m) {
  if (m.series.empty()) return;
  auto collection = md.append_child("meta");
  collection.append_attribute("property") = "belongs-to-collection";
  collection.append_attribute("id") = "series";
  collection.text().set(m.series.c_str());
  auto refine = [&](const char* property, const std::string& value) {
    auto el = md.append_child("meta");
    el.append_attribute("refines") = "#series";
    el.append_attribute("property") = property;
    el.text().set(value.c_str());
  };
  refine("collection-type", "series");
  if (!m.series_index.empty()) refine("group-position", m.series_index);
  auto calibre = [&](const char* name, const std::string& value) {
    auto el = md.append_child("meta");
    el.append_attribute("name") = name;
    el.append_attribute("content") = value.c_str();
  };
  calibre("calibre:series", m.series);
  // calibre reads its index as a float: 2 or 1.5, not EPUB's 98.4.1.
  if (!m.series_index.empty() && std::count(m.series_index.begin(), m.series_index.end(), '.') <= 1)
    calibre("calibre:series_index", m.series_index);
}

// EPUB Accessibility 1.1 discovery metadata (https://www.w3.org/TR/epub-a11y-11/#sec-discovery), from what
// the book actually holds: visual content only when it has images, alternativeText only when all have alt text.
void accessibility(pugi::xml_node md, const Book& book) {
  auto meta = [&](const char* property, const char* value) {
    auto el = md.append_child("meta");
    el.append_attribute("property") = property;
    el.text().set(value);
  };
  bool images = !book.assets.empty() || book.cover;
  meta("schema:accessMode", "textual");
  if (images) meta("schema:accessMode", "visual");
  if (!images || book.every_image_has_alt) meta("schema:accessModeSufficient", "textual");
  if (images) meta("schema:accessModeSufficient", "textual,visual");
  for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder"})
    meta("schema:accessibilityFeature", feature);
  if (images && book.every_image_has_alt) meta("schema:accessibilityFeature", "alternativeText");
  meta("schema:accessibilityHazard", "none");
  std::string summary = "Text with headings in order, a table of contents and a logical reading order.";
  if (images)
    summary += book.every_image_has_alt ? " Every image has a text alternative."
                                        : " Some images have no text alternative.";
  meta("schema:accessibilitySummary", summary.c_str());
  if (book.vertical) {  // Kindle's own switch for vertical books
    auto mode = md.append_child("meta");
    mode.append_attribute("name") = "primary-writing-mode";
    mode.append_attribute("content") = "vertical-rl";
  }
  if (book.cover) {
    auto cover = md.append_child("meta");  // EPUB 2 readers, Apple's and Amazon's thumbnails read this one
    cover.append_attribute("name") = "cover";
    cover.append_attribute("content") = "cover-image";
  }
}

void item(pugi::xml_node manifest, const std::string& id, const std::string& href, const std::string& type,
          const char* properties = nullptr) {
  auto el = manifest.append_child("item");
  el.append_attribute("id") = id.c_str();
  el.append_attribute("href") = href.c_str();
  el.append_attribute("media-type") = type.c_str();
  if (properties) el.append_attribute("properties") = properties;
}

}  // namespace

std::string render_opf(const Book& book) {
  pugi::xml_document doc;
  auto package = doc.append_child("package");
  package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
  package.append_attribute("version") = "3.0";
  package.append_attribute("unique-identifier") = "book-id";
  package.append_attribute("xml:lang") = book.meta.language.c_str();
  metadata(package, book.meta);
  series(package.child("metadata"), book.meta);
  accessibility(package.child("metadata"), book);

  auto manifest = package.append_child("manifest");
  item(manifest, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
  item(manifest, "ncx", "toc.ncx", "application/x-dtbncx+xml");
  item(manifest, "css", "styles/book.css", "text/css");
  for (const auto& ch : book.chapters) {
    item(manifest, id_of(ch.href), ch.href, "application/xhtml+xml");
    for (const auto& page : ch.continued) item(manifest, id_of(page.href), page.href, "application/xhtml+xml");
  }
  for (const auto& a : book.assets) item(manifest, id_of(a.href), a.href, a.media_type);
  if (book.cover) {
    item(manifest, "cover", kCoverPage, "application/xhtml+xml");
    item(manifest, "cover-image", book.cover->href, book.cover->media_type, "cover-image");
  }
  item(manifest, "titlepage", kTitlePage, "application/xhtml+xml");
  for (const auto& f : book.fonts) item(manifest, id_of(f.href), f.href, f.media_type);

  auto spine = package.append_child("spine");
  spine.append_attribute("toc") = "ncx";
  // Vertical Japanese and right-to-left scripts turn pages leftwards.
  if (book.vertical || is_rtl_language(book.meta.language)) spine.append_attribute("page-progression-direction") = "rtl";
  if (book.cover) spine.append_child("itemref").append_attribute("idref") = "cover";
  spine.append_child("itemref").append_attribute("idref") = "titlepage";
  spine.append_child("itemref").append_attribute("idref") = "nav";
  for (const auto& ch : book.chapters) {
    spine.append_child("itemref").append_attribute("idref") = id_of(ch.href).c_str();
    for (const auto& page : ch.continued)
      spine.append_child("itemref").append_attribute("idref") = id_of(page.href).c_str();
  }

  auto guide = package.append_child("guide");
  auto reference = [&](const char* type, const std::string& title, const std::string& href) {
    auto r = guide.append_child("reference");
    r.append_attribute("type") = type;
    r.append_attribute("title") = title.c_str();
    r.append_attribute("href") = href.c_str();
  };
  if (book.cover) reference("cover", book.meta.title, kCoverPage);
  reference("title-page", book.meta.title, kTitlePage);
  reference("toc", contents_label(book.meta.language), "nav.xhtml");
  if (!book.chapters.empty()) reference("text", book.chapters.front().title, book.chapters.front().href);

  return serialize_xml(doc);
}

}  // namespace mkepub
