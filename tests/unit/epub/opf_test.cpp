// The package document (opf.h): each metadata field read back from content.opf.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "epub/opf.h"
#include "../strings.h"

using namespace mkepub;

namespace {

Book book_with(const Metadata& meta) {
  Book book;
  book.meta = meta;
  book.meta.identifier = "urn:uuid:00000000-0000-4000-8000-000000000000";
  book.meta.title = "T";
  book.meta.language = "en";
  book.meta.modified = "2024-01-01T00:00:00Z";
  return book;
}

// The texts (or, for `@name`, attribute values) an XPath finds in the package document.
Strings all(const std::string& opf, const char* xpath) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(opf.c_str()));
  Strings out;
  for (const auto& n : doc.select_nodes(xpath))
    out.push_back(n.attribute() ? n.attribute().value() : n.node().text().get());
  return out;
}

}  // namespace

TEST_CASE("opf: publisher, rights, and the series as EPUB 3 collection and calibre's metas") {
  Metadata m;
  m.creators = {"Ann", "Bob & Co"};
  m.contributors = {"Cy"};
  m.publisher = "Self <Press>";
  m.rights = "CC BY 4.0";
  m.series = "Collected \"Posts\"";
  m.series_index = "2";
  m.subjects = {"travel", "trains"};
  auto opf = render_opf(book_with(m));
  CHECK(all(opf, "//*[local-name()='creator']") == Strings{"Ann", "Bob & Co"});
  CHECK(all(opf, "//*[local-name()='creator']/@id") == Strings{"creator1", "creator2"});
  CHECK(all(opf, "//*[local-name()='contributor']") == Strings{"Cy"});
  CHECK(all(opf, "//*[local-name()='publisher']") == Strings{"Self <Press>"});
  CHECK(all(opf, "//*[local-name()='rights']") == Strings{"CC BY 4.0"});
  CHECK(all(opf, "//*[local-name()='subject']") == Strings{"travel", "trains"});
  CHECK(all(opf, "//*[local-name()='meta'][@property='belongs-to-collection']") == Strings{"Collected \"Posts\""});
  CHECK(all(opf, "//*[local-name()='meta'][@property='belongs-to-collection']/@id") == Strings{"series"});
  CHECK(all(opf, "//*[local-name()='meta'][@refines='#series'][@property='collection-type']") == Strings{"series"});
  CHECK(all(opf, "//*[local-name()='meta'][@refines='#series'][@property='group-position']") == Strings{"2"});
  CHECK(all(opf, "//*[local-name()='meta'][@name='calibre:series']/@content") == Strings{"Collected \"Posts\""});
  CHECK(all(opf, "//*[local-name()='meta'][@name='calibre:series_index']/@content") == Strings{"2"});
  // Escaped by the XML writer, never glued.
  CHECK(opf.find("<dc:publisher>Self &lt;Press&gt;</dc:publisher>") != std::string::npos);
}

TEST_CASE("opf: a series without a position has no group-position and no calibre:series_index") {
  Metadata m;
  m.series = "Notes";
  auto opf = render_opf(book_with(m));
  CHECK(all(opf, "//*[local-name()='meta'][@property='belongs-to-collection']") == Strings{"Notes"});
  CHECK(all(opf, "//*[local-name()='meta'][@property='group-position']").empty());
  CHECK(all(opf, "//*[local-name()='meta'][@name='calibre:series']/@content") == Strings{"Notes"});
  CHECK(all(opf, "//*[local-name()='meta'][@name='calibre:series_index']").empty());
}

TEST_CASE("opf: a position with more than one dot is EPUB's only, calibre reads a number") {
  Metadata m;
  m.series = "Review";
  m.series_index = "98.4.1";
  auto opf = render_opf(book_with(m));
  CHECK(all(opf, "//*[local-name()='meta'][@property='group-position']") == Strings{"98.4.1"});
  CHECK(all(opf, "//*[local-name()='meta'][@name='calibre:series_index']").empty());
}

TEST_CASE("opf: no publisher, rights or series, no element for them") {
  auto opf = render_opf(book_with(Metadata{}));
  for (const char* name : {"publisher", "rights", "creator", "subject"}) {
    CAPTURE(name);
    CHECK(all(opf, (std::string("//*[local-name()='") + name + "']").c_str()).empty());
  }
  CHECK(opf.find("belongs-to-collection") == std::string::npos);
  CHECK(opf.find("calibre:") == std::string::npos);
}
