// Dialects, Jekyll: Liquid as Jekyll renders it over a post before its Markdown (https://jekyllrb.com/docs/liquid/,
// https://shopify.github.io/liquid/): output with filters, variables, control flow, Jekyll's link tags and
// includes. Tags Liquid does not define here (theme plugins such as `figure` or `notice`, `highlight`) are left for
// the shared tag expander (dialects/tags/tags.h), and so is a `{% raw %}` outside code.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace mkepub {

struct LiquidContext {
  std::string display;  // the post, for messages
  int first_line = 1;   // line of the post file where the text starts
  // Every known value by its dotted name: "site.title", "site.nav.0.url" (a list's items by index), "page.title".
  std::map<std::string, std::string> variables;
  // `{% post_url name %}`: the post's link target, which the links stage resolves to its chapter.
  std::function<std::optional<std::string>(const std::string& name)> post_href;
  // `{% include file %}`: the text of `_includes/file`; nullopt when it is not there.
  std::function<std::optional<std::string>(const std::string& path)> read_include;
};

std::string render_liquid(std::string_view text, const LiquidContext& context, Diagnostics& diag);

// ---- Expressions, for liquid.cpp and its tests (liquid_filters.cpp).

// A value: Liquid's nil when `nil`; `known` is false when it names what only the published site knows
// (`site.posts`, a front matter key mkepub does not keep), so that a condition on it cannot be decided.
struct LiquidValue {
  std::string text;
  bool nil = false;
  bool known = true;
};

// `expr | filter: arg, arg | ...` against `variables`; `unknown_filter` is told each filter it does not know.
LiquidValue evaluate_liquid(std::string_view expression, const std::map<std::string, std::string>& variables,
                            const std::function<void(const std::string&)>& unknown_filter);
// A condition of `if`, `unless`, `elsif`: comparisons (`==`, `!=`, `<`, `>`, `<=`, `>=`, `contains`) joined by
// `and`/`or` (right to left, as Liquid does). nullopt when it depends on an unknown value.
std::optional<bool> liquid_condition(std::string_view condition, const std::map<std::string, std::string>& variables);

}  // namespace mkepub
