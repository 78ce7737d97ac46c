// Templates from --templates (or a book config's `templates:`) under the rules a post's HTML is under
// (render/xhtml_policy.h): a template is the user's file as a post is, and its page goes into the book as one.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace mkepub {

// The template `name` (chapter.xhtml, nav.xhtml..., book.css) with what a book must not run or load removed, one
// warning at its line for each removal; nullopt (reported) when it cannot be made safe and the default is used.
// An XHTML `text` must be well-formed (load_templates checks it first).
std::optional<std::string> safe_template(const std::string& name, const std::string& text, const std::string& display,
                                         Diagnostics& diag);

}  // namespace mkepub
