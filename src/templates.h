// Templates: the chapter page, nav page and stylesheet are data files (templates/), embedded at build time.
#pragma once

#include <pugixml.hpp>
#include <string>

namespace mkepub {

// The text of template `name` ("chapter.xhtml", "book.css", ...). Throws std::out_of_range for unknown names.
std::string template_text(const std::string& name);

// Parses an XHTML template; the document keeps its XML declaration and doctype.
void load_xhtml_template(const std::string& name, pugi::xml_document& doc);

// The element carrying data-slot="name", with that attribute removed; an empty node when there is none.
pugi::xml_node take_slot(pugi::xml_node root, const char* name);

// Replaces `slot` by its own children, in order.
void unwrap_slot(pugi::xml_node slot);

// XHTML text of a page: void elements self-closed, every other element written with an end tag.
std::string serialize_xhtml(pugi::xml_document& doc);

}  // namespace mkepub
