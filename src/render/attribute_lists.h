// Attribute lists for the Markdown stage, in every dialect: kramdown's IALs and ALDs
// (https://kramdown.gettalong.org/syntax.html#inline-attribute-lists), heading ids `## Title {#id .class}` (kramdown,
// Goldmark, markdown-it, pandoc) and Goldmark's block attributes `{.class}` on the line after a block
// (https://gohugo.io/content-management/markdown-attributes/). The id and the classes are kept, the rest dropped,
// and the list itself is never shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace mkepub {

struct AttributeList {
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::string> references;  // kramdown: names of ALDs (`{:toc}` and `{: note}` refer to one)
};

// One whole attribute list: kramdown's `{: ...}` (`{:.c}`, `{:#id}`, `{: name key="v"}`), or the bare form
// `{#id .c key=v}` whose every word is an id, a class, a key=value pair or pandoc's `-`, with at least one that is
// not a pair. Anything else (`{#if x}`, `{.a,.b}`) is no attribute list.
std::optional<AttributeList> parse_attribute_list(std::string_view text);
// kramdown's attribute list definition `{:name: .c #id}`: its name and what it stands for.
std::optional<std::pair<std::string, AttributeList>> parse_attribute_definition(std::string_view text);

// Finds the attribute lists of a parsed post and takes them out of its text; what they apply to gets a marker
// comment (attribute_marker) that the XHTML stage turns into the element's id and class. `markdown` is the text
// the tree was parsed from (for the indentation that tells a list's IAL from its last paragraph's).
void apply_attribute_lists(cmark_node* doc, std::string_view markdown);

// The marker's comment text, and what the XHTML stage reads back from it: `up` applies to the element holding the
// comment, `next` to the next element after it, `previous` to the element just before it.
enum class MarkerTarget { up, next, previous };
struct AttributeMarker {
  MarkerTarget target = MarkerTarget::up;
  AttributeList attributes;
};
std::string attribute_marker(MarkerTarget target, const AttributeList& attributes);
std::optional<AttributeMarker> read_attribute_marker(std::string_view comment);

}  // namespace mkepub
