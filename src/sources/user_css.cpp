// The user's stylesheets, read and kept inside the book by the rule templates and SVG images follow (css_loads).
#include "sources/user_css.h"

#include <algorithm>

#include "base/text.h"
#include "render/css_loads.h"
#include "sources/inputs_read.h"
#include "sources/load.h"

namespace mkepub {

std::string clean_user_css(const std::string& css, const std::string& display, Diagnostics& diag) {
  std::string text = css;
  // @charset may only open a stylesheet, and this one follows the book's (which is UTF-8, as every input is).
  if (text.starts_with("@charset")) {
    size_t semi = text.find(';');
    text.erase(0, semi == std::string::npos ? text.size() : semi + 1);
  }
  auto cleaned = css_without_loads(text);
  if (!cleaned) {
    diag.warn({display, 0, 0,
               "left out: it names resources behind CSS escapes, image-set() or expression(), which the book cannot "
               "hold",
               "CSS left out"});
    return "";
  }
  if (*cleaned != text) {
    size_t at = 0;
    while (at < text.size() && at < cleaned->size() && text[at] == (*cleaned)[at]) ++at;
    auto [line, col] = position_of(css, at + (css.size() - text.size()));
    diag.warn({display, line, col,
               "@import rules left out and url(...) written `none` from here on: the book carries no file a "
               "stylesheet names",
               "CSS left out"});
  }
  return *cleaned;
}

std::string load_user_css(const std::vector<fs::path>& files, Diagnostics& diag) {
  std::string out;
  for (const auto& file : files) {
    std::string display = file.generic_string();
    auto bytes = read_input(file);
    if (!bytes) {
      diag.error({display, 0, 0, "cannot read the stylesheet"});
      continue;
    }
    try {
      std::string text = decode_text(std::move(*bytes), display);
      // The comment names the file; "*/" in a name would end it early.
      std::string name = file.filename().string();
      std::replace(name.begin(), name.end(), '*', '_');
      out += "\n/* --css " + name + " */\n" + clean_user_css(text, display, diag) + "\n";
    } catch (const InputError& e) {
      diag.error(e.where);
    }
  }
  return out;
}

}  // namespace mkepub
