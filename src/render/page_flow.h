// What flows badly in a book's justified text (render stage, on the XHTML page): a picture the author put on a
// line of its own, and a bare URL. On a web page, left aligned, each simply starts a new line; in a book's
// justified paragraphs the line before it would be stretched across the column, letter by letter in CJK.
#pragma once

#include <pugixml.hpp>

namespace mkepub {

// Under `content`:
// - a <p> that holds only images (each perhaps inside a link; several badges in a row count) gets class="image":
//   set as a block, centred, without a first-line indent;
// - an image the author began on a new line of a paragraph (a soft line break before it, and text, not another
//   image, before that) gets a <br/> in place of the line break, so the line before it ends as written and is not
//   stretched.
void place_images(pugi::xml_node content);

// A link that shows its own address (an autolink, a bare URL) gets class="url": the stylesheet lets it break
// anywhere, so it fills the line it starts on and never runs off the page. Link text in words keeps its words.
void mark_bare_urls(pugi::xml_node content);

}  // namespace mkepub
