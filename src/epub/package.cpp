// Entries of the OCF container (https://www.w3.org/TR/epub-33/#sec-container-zip), in a fixed order.
#include "epub/package.h"

#include "epub/frontpages.h"
#include "epub/highlight_css.h"
#include "epub/nav.h"
#include "epub/opf.h"
#include "epub/templates.h"
#include "fonts/fonts.h"
#include "render/chapter.h"

namespace mkepub {

std::vector<Entry> package_book(Book book, std::vector<Entry> pages) {
  const std::string dir = kPackageDir;
  std::vector<Entry> entries;
  entries.push_back({"mimetype", "application/epub+zip", true});
  entries.push_back({"META-INF/container.xml",
                     "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                     "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                     "  <rootfiles>\n"
                     "    <rootfile full-path=\"" + dir + "content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
                     "  </rootfiles>\n"
                     "</container>\n"});
  entries.push_back({dir + "content.opf", render_opf(book)});
  auto outline = build_outline(book);
  entries.push_back({dir + "nav.xhtml", render_nav(book, outline)});
  entries.push_back({dir + "toc.ncx", render_ncx(book, outline)});
  std::string css = template_text("book.css", book.templates) + font_face_css(book.fonts) +
                    highlight_css(book.highlight_style) + (book.code_lines ? code_lines_css() : std::string());
  if (auto user = book.templates.find(kUserCss); user != book.templates.end()) css += user->second;
  entries.push_back({dir + "styles/book.css", std::move(css)});
  for (auto& page : pages) entries.push_back(std::move(page));
  // PNG, JPEG and GIF are compressed already: deflating them again costs time and saves nothing.
  // The book's images, cover and fonts move into their entries: a big book's images are not held twice.
  for (auto& a : book.assets) entries.push_back({dir + a.href, std::move(a.bytes), a.media_type != "image/svg+xml"});
  if (book.cover) {
    entries.push_back({dir + kCoverPage, render_cover_page(book)});
    entries.push_back({dir + book.cover->href, std::move(book.cover->bytes), true});
  }
  entries.push_back({dir + kTitlePage, render_title_page(book)});
  for (auto& f : book.fonts) entries.push_back({dir + f.href, std::move(f.bytes)});
  if (!book.fonts.empty()) {
    // Apple Books ignores embedded fonts unless told otherwise.
    entries.push_back({"META-INF/com.apple.ibooks.display-options.xml",
                       "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<display_options>\n  <platform name=\"*\">\n"
                       "    <option name=\"specified-fonts\">true</option>\n  </platform>\n</display_options>\n"});
  }
  std::string encrypted;
  for (const auto& f : book.fonts)
    if (f.obfuscated)
      encrypted += "  <enc:EncryptedData>\n    <enc:EncryptionMethod Algorithm=\"http://www.idpf.org/2008/embedding\"/>\n"
                   "    <enc:CipherData><enc:CipherReference URI=\"" + dir + f.href +
                   "\"/></enc:CipherData>\n  </enc:EncryptedData>\n";
  if (!encrypted.empty())
    entries.push_back({"META-INF/encryption.xml",
                       "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<encryption xmlns=\"urn:oasis:names:tc:opendocument:"
                       "xmlns:container\" xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">\n" + encrypted + "</encryption>\n"});
  return entries;
}

FontText with_front_pages_text(const Book& book, FontText text) {
  std::vector<std::pair<std::string, std::string>> pages = {{"nav.xhtml", render_nav(book, build_outline(book))},
                                                            {kTitlePage, render_title_page(book)}};
  if (book.cover) pages.emplace_back(kCoverPage, render_cover_page(book));
  for (const auto& [name, xhtml] : pages) {
    pugi::xml_document doc;
    if (doc.load_buffer(xhtml.data(), xhtml.size())) collect_font_text(doc, name, text);
  }
  return text;
}

}  // namespace mkepub
