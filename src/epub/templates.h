// Templates: the chapter page, nav page and stylesheet are data files (templates/), embedded at build time.
#pragma once

#include <pugixml.hpp>
#include <map>
#include <string>
#include <vector>

namespace mkepub {

// Templates from --templates DIR, by file name; what is not there comes from the embedded defaults.
using TemplateOverrides = std::map<std::string, std::string>;

// The overrides' key for --css's stylesheets, which follow every rule of the book's own (fonts, highlighting).
inline constexpr const char* kUserCss = "--css";

// The names of the templates: chapter.xhtml, nav.xhtml, cover.xhtml, titlepage.xhtml, book.css.
std::vector<std::string> template_names();
// The data-slot names an XHTML template must have for mkepub to fill it.
std::vector<std::string> required_slots(const std::string& name);

// The text of template `name`, overridden or embedded. Throws std::out_of_range for unknown names.
std::string template_text(const std::string& name, const TemplateOverrides& overrides = {});

// Parses an XHTML template; the document keeps its doctype.
void load_xhtml_template(const std::string& name, pugi::xml_document& doc, const TemplateOverrides& overrides = {});

// The element carrying data-slot="name", with that attribute removed; an empty node when there is none.
pugi::xml_node take_slot(pugi::xml_node root, const char* name);

// Replaces an element by its own children, in order (a filled slot; a link that leads nowhere keeps its text).
void unwrap_element(pugi::xml_node element);

// XHTML text of a page: void elements self-closed, every other element written with an end tag.
std::string serialize_xhtml(pugi::xml_document& doc);
// XML text of any other document (package document, NCX), indented.
// Both drop the characters XML forbids from every text and attribute value (see xml_text): titles, authors and
// descriptions come from front matter and configs, whose escapes can say anything.
std::string serialize_xml(pugi::xml_document& doc);

}  // namespace mkepub
