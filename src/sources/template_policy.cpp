// The template stage's safety rules (template_policy.h): the elements and attributes a post's raw HTML loses
// (render/xhtml_policy.h: scripts, frames, forms, handlers, javascript: URLs, styles that load) and the stylesheet
// rule of css_loads.h (no @import, no url() to a file the book does not hold). EPUB 3.3 remote resources:
// https://www.w3.org/TR/epub-33/#sec-resource-locations.
#include "sources/template_policy.h"

#include <pugixml.hpp>

#include <sstream>
#include <string_view>
#include <vector>

#include "render/css_loads.h"
#include "render/xhtml_policy.h"

namespace mkepub {
namespace {

constexpr const char* kKind = "unsafe template content removed";

// A URL with a scheme or a network path: outside the book.
bool is_remote(std::string_view url) {
  if (url.rfind("//", 0) == 0) return true;
  size_t colon = url.find(':');
  return colon != std::string_view::npos && url.find_first_of("/?#") > colon;
}

class Cleaner {
 public:
  Cleaner(const std::string& text, const std::string& display, Diagnostics& diag)
      : text_(text), display_(display), diag_(diag) {}

  void clean(pugi::xml_node node) {
    std::vector<pugi::xml_node> drop;
    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (auto why = drop_reason(child); !why.empty()) {
        warn(child, why);
        drop.push_back(child);
        continue;
      }
      clean_attributes(child);
      clean(child);
    }
    for (auto d : drop) node.remove_child(d);
  }

  bool changed = false;

 private:
  // Head elements are the template's to have (posts may not); what they load is checked instead.
  std::string drop_reason(pugi::xml_node el) {
    std::string_view tag = el.name();
    if (tag == "head" || tag == "title" || tag == "meta") return "";
    if (tag == "link")
      return is_remote(el.attribute("href").value()) || is_unsafe_url(el.attribute("href").value())
                 ? "<link> to a resource outside the book removed"
                 : "";
    if (tag == "style") {
      auto css = css_without_loads(el.text().get());
      if (!css) return "<style> that hides names behind CSS escapes removed";
      if (*css != el.text().get()) {
        warn(el, "@import and url() removed from <style>");
        el.text().set(css->c_str());
      }
      return "";
    }
    if (is_dropped_element(tag)) return "<" + std::string(tag) + "> removed: a book runs and embeds nothing";
    return "";
  }

  void clean_attributes(pugi::xml_node el) {
    std::vector<pugi::xml_attribute> drop;
    for (auto a : el.attributes()) {
      std::string_view name = a.name(), value = a.value();
      if (name.size() > 2 && name.substr(0, 2) == "on") {
        warn(el, "event handler `" + std::string(name) + "` removed");
        drop.push_back(a);
      } else if ((name == "href" || name == "src") && is_unsafe_url(value)) {
        warn(el, "`" + std::string(name) + "` with a script or data URL removed");
        drop.push_back(a);
      } else if (name == "style" && style_loads_resource(value)) {
        warn(el, "`style` that loads a file or a URL removed");
        drop.push_back(a);
      }
    }
    for (auto a : drop) el.remove_attribute(a);
  }

  void warn(pugi::xml_node el, const std::string& what) {
    changed = true;
    int line = 1, col = 1;
    const ptrdiff_t at = el.offset_debug() - 1;  // pugixml points at the name, after the `<`
    for (ptrdiff_t i = 0; i < at && i < static_cast<ptrdiff_t>(text_.size()); ++i) {
      if (text_[i] == '\n') line++, col = 1;
      else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    }
    diag_.warn({display_, line, col, what, kKind});
  }

  const std::string& text_;
  const std::string& display_;
  Diagnostics& diag_;
};

}  // namespace

std::optional<std::string> safe_template(const std::string& name, const std::string& text, const std::string& display,
                                         Diagnostics& diag) {
  if (name.size() > 4 && name.substr(name.size() - 4) == ".css") {
    auto css = css_without_loads(text);
    if (!css) {
      diag.warn({display, 0, 0, "the stylesheet hides names behind CSS escapes; the default is used", kKind});
      return std::nullopt;
    }
    if (*css != text) diag.warn({display, 0, 0, "@import and url() removed: a book holds what it uses", kKind});
    return css;
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(),
                       pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single))
    return text;  // refused by load_templates
  Cleaner cleaner(text, display, diag);
  cleaner.clean(doc);
  if (!cleaner.changed) return text;
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str();
}

}  // namespace mkepub
