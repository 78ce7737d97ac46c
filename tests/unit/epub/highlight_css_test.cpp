// The token themes of highlighted code (epub/highlight_css.h): legible on e-ink, contrast enough for WCAG AA.
#include <doctest/doctest.h>

#include <cmath>
#include <regex>

#include "epub/highlight_css.h"
#include "epub/templates.h"

using namespace mkepub;

namespace {

// WCAG 2's relative luminance of "#rrggbb".
double luminance(const std::string& hex) {
  double sum = 0;
  const double weight[] = {0.2126, 0.7152, 0.0722};
  for (int i = 0; i < 3; ++i) {
    double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    c = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    sum += weight[i] * c;
  }
  return sum;
}

double contrast(const std::string& a, const std::string& b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("the code block's background is the one the themes' contrast is measured against") {
  CHECK(template_text("book.css").find("background-color: #f5f5f5;") != std::string::npos);
}

TEST_CASE("every theme's colours reach 4.5:1 against the code background") {
  const std::regex colour("color: (#[0-9a-f]{6})");
  for (const auto& name : highlight_style_names()) {
    CAPTURE(name);
    const std::string css = highlight_css(name);
    REQUIRE_FALSE(css.empty());
    for (std::sregex_iterator it(css.begin(), css.end(), colour), end; it != end; ++it) {
      CAPTURE((*it)[1].str());
      CHECK(contrast((*it)[1].str(), "#f5f5f5") >= 4.5);
    }
  }
}

TEST_CASE("every theme tells keywords and comments apart without colour: bold and italic") {
  for (const auto& name : highlight_style_names()) {
    CAPTURE(name);
    const std::string css = highlight_css(name);
    CHECK(std::regex_search(css, std::regex(R"(code span\.kw[^{]*\{[^}]*font-weight: bold)")));
    CHECK(std::regex_search(css, std::regex(R"(code span\.co[^{]*\{[^}]*font-style: italic)")));
    CHECK(css.find("background") == std::string::npos);
  }
}

TEST_CASE("the default theme comes first, and a name that is no theme has no stylesheet") {
  REQUIRE(highlight_style_names().size() >= 3);
  CHECK(highlight_style_names().front() == "default");
  CHECK(highlight_css("no-such-theme").empty());
}
