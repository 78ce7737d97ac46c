// EPUB: token styles for highlighted code, after pandoc's short classes. Every theme tells tokens apart by weight
// and slant as well as colour, so that they read on a grayscale e-ink screen, and every colour has a contrast of
// at least 4.5:1 (WCAG 2 AA) against the code block's background (#f5f5f5 in book.css) for Ace by DAISY.
#include "epub/highlight_css.h"

#include <utility>

namespace mkepub {
namespace {

// Colour on tablets, weight and slant on e-ink: keywords bold, comments italic, strings a dark green.
constexpr std::string_view kDefault = R"(code span.kw, code span.cf { color: #00509e; font-weight: bold; }
code span.dt { color: #7a3e00; }
code span.dv, code span.bn, code span.fl, code span.cn { color: #005f5f; }
code span.st, code span.ch, code span.vs, code span.ss { color: #0a6b1f; }
code span.sc { color: #0a6b1f; font-weight: bold; }
code span.co, code span.do, code span.an, code span.cv { color: #5c5c5c; font-style: italic; }
code span.in, code span.wa { color: #5c5c5c; font-style: italic; font-weight: bold; }
code span.al, code span.er { color: #b00020; font-weight: bold; }
code span.fu, code span.bu, code span.ex { color: #6a2c91; }
code span.pp, code span.im { color: #8a3b00; }
code span.at { color: #7a3e00; }
code span.va { color: #8a1c55; }
code span.ot { color: #005f5f; }
)";

// No colour at all: black and one dark gray, told apart by weight, slant and underline.
constexpr std::string_view kEink =
    R"(code span.kw, code span.cf, code span.dt, code span.im, code span.pp { font-weight: bold; }
code span.co, code span.do, code span.an, code span.cv, code span.in, code span.wa { font-style: italic; }
code span.st, code span.ch, code span.vs, code span.ss { color: #444444; }
code span.sc { color: #444444; font-weight: bold; }
code span.al, code span.er { font-weight: bold; text-decoration: underline; }
)";

// Pygments' default style, its colours darkened where they fall short of 4.5:1 on the code background.
constexpr std::string_view kPygments = R"(code span.kw, code span.cf { color: #006a00; font-weight: bold; }
code span.dt { color: #b00040; }
code span.dv, code span.bn, code span.fl { color: #595959; }
code span.cn { color: #880000; }
code span.st, code span.ch, code span.vs, code span.ss { color: #ba2121; }
code span.sc { color: #8a4a16; font-weight: bold; }
code span.co, code span.do, code span.an, code span.cv { color: #3a7171; font-style: italic; }
code span.in, code span.wa { color: #3a7171; font-style: italic; font-weight: bold; }
code span.al, code span.er { color: #c00000; font-weight: bold; }
code span.fu { color: #0000ff; }
code span.bu { color: #006a00; }
code span.ex { color: #0000ff; }
code span.pp { color: #7a5000; }
code span.im { color: #0000ff; font-weight: bold; }
code span.at { color: #5a6a1d; }
code span.va { color: #19177c; }
code span.op, code span.ot { color: #595959; }
)";

constexpr std::pair<std::string_view, std::string_view> kThemes[] = {
    {"default", kDefault}, {"eink", kEink}, {"pygments", kPygments}};

}  // namespace

const std::vector<std::string>& highlight_style_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, css] : kThemes) out.emplace_back(name);
    return out;
  }();
  return names;
}

std::string code_lines_css() {
  // Every line gets the bar's width, so that marked and unmarked lines keep their columns.
  return R"(code span.line { border-left: 0.25em solid transparent; }
code span.hl { border-left-color: #333333; font-weight: bold; }
code span.ln { color: #595959; border-right: 1px solid #8c8c8c; margin-right: 0.5em; font-weight: normal;
  font-style: normal; -webkit-user-select: none; user-select: none; }
)";
}

std::string highlight_css(std::string_view name) {
  for (const auto& [theme, css] : kThemes)
    if (theme == name) return std::string(css);
  return "";
}

}  // namespace mkepub
