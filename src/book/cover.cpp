// The generated cover: title and authors drawn with cairo and pango into a PNG (EPUB 3.3 cover-image,
// https://www.w3.org/TR/epub-33/#sec-cover-image). pangocairo lives behind this file only.
#include "book/cover.h"

#include "book/png_writer.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "base/handle.h"

namespace mkepub {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_destroy>>;
using FontOptions = std::unique_ptr<cairo_font_options_t, Deleter<cairo_font_options_destroy>>;
using FontDescription = std::unique_ptr<PangoFontDescription, Deleter<pango_font_description_free>>;
using Layout = std::unique_ptr<PangoLayout, Deleter<g_object_unref>>;

struct Rgb {
  double r, g, b;
};

// Muted, dark backgrounds: light type on them stays legible in a thumbnail a centimetre wide.
constexpr Rgb kPalette[] = {
    {0.184, 0.243, 0.322},  // slate blue
    {0.216, 0.294, 0.251},  // pine
    {0.361, 0.204, 0.216},  // claret
    {0.373, 0.310, 0.224},  // umber
    {0.192, 0.318, 0.329},  // teal
    {0.298, 0.251, 0.341},  // plum
    {0.263, 0.267, 0.286},  // graphite
    {0.420, 0.275, 0.192},  // rust
};
constexpr Rgb kInk = {0.953, 0.929, 0.878};  // warm paper white

// FNV-1a: unlike std::hash, the same on every platform and library, so a title keeps its colour.
std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool starts_with_subtag(const std::string& tag, std::string_view prefix) {
  return tag == prefix || (tag.starts_with(prefix) && tag[prefix.size()] == '-');
}

// Splits "Title: Subtitle" and "标题：副标题" at the first colon; the colon itself is not set, as on printed covers.
std::pair<std::string, std::string> split_subtitle(const std::string& title) {
  for (std::string_view colon : {"\xEF\xBC\x9A", ": "}) {  // U+FF1A FULLWIDTH COLON, ASCII colon and space
    auto at = title.find(colon);
    if (at == std::string::npos || at == 0 || at + colon.size() >= title.size()) continue;
    auto rest = title.substr(at + colon.size());
    rest.erase(0, rest.find_first_not_of(' '));
    if (!rest.empty()) return {title.substr(0, at), rest};
  }
  return {title, ""};
}

std::string join_authors(const std::vector<std::string>& authors, const std::string& language) {
  const std::string tag = lower(language);
  const bool cjk = starts_with_subtag(tag, "zh") || starts_with_subtag(tag, "ja");
  std::string out;
  for (const auto& a : authors) {
    if (a.empty()) continue;
    if (!out.empty()) out += cjk ? "\xE3\x80\x81" : ", ";  // U+3001 IDEOGRAPHIC COMMA
    out += a;
  }
  return out;
}

// Fixed font options, so the pixels do not depend on the user's fontconfig antialiasing and hinting settings.
FontOptions fixed_font_options() {
  FontOptions options(cairo_font_options_create());
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order(options.get(), CAIRO_SUBPIXEL_ORDER_DEFAULT);
  return options;
}

Layout make_layout(cairo_t* cr, const std::string& text, const std::string& language) {
  PangoContext* context = pango_cairo_create_context(cr);
  pango_cairo_context_set_font_options(context, fixed_font_options().get());
  pango_cairo_context_set_resolution(context, 72.0);  // sizes in device pixels
  pango_context_set_round_glyph_positions(context, FALSE);
  // The language picks the CJK face: the same code point has different glyphs in SC, TC, JP and KR.
  if (!language.empty()) pango_context_set_language(context, pango_language_from_string(language.c_str()));
  Layout layout(pango_layout_new(context));
  g_object_unref(context);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);  // CJK has no spaces to wrap at
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  return layout;
}

void set_font(PangoLayout* layout, const std::string& family, PangoWeight weight, double px) {
  FontDescription font(pango_font_description_new());
  pango_font_description_set_family(font.get(), family.c_str());
  pango_font_description_set_weight(font.get(), weight);
  pango_font_description_set_absolute_size(font.get(), px * PANGO_SCALE);
  pango_layout_set_font_description(layout, font.get());
}

struct Size {
  int width = 0, height = 0;
};

Size logical_size(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_pixel_extents(layout, nullptr, &logical);
  return {logical.width, logical.height};
}

// Shrinks the font from `px` until the text fits `box_w` x `box_h` in at most `max_lines` lines; what still does
// not fit at `min_px` is cut with an ellipsis. Returns the height used.
int fit_text(PangoLayout* layout, const std::string& family, PangoWeight weight, double px, double min_px,
             int box_w, int box_h, int max_lines) {
  pango_layout_set_width(layout, box_w * PANGO_SCALE);
  for (;; px *= 0.94) {
    set_font(layout, family, weight, std::max(px, min_px));
    Size size = logical_size(layout);
    bool fits = size.height <= box_h && size.width <= box_w && pango_layout_get_line_count(layout) <= max_lines;
    if (fits) return size.height;
    if (px <= min_px) break;
  }
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height(layout, -max_lines);
  return logical_size(layout).height;
}

// Narrows the wrapping width as far as the line count allows, so a title's last line is not one lonely word.
int balance_lines(PangoLayout* layout, int box_w) {
  if (pango_layout_get_line_count(layout) < 2 || pango_layout_get_ellipsize(layout) != PANGO_ELLIPSIZE_NONE)
    return box_w;
  const int lines = pango_layout_get_line_count(layout);
  int lo = box_w / 2, hi = box_w;  // hi always gives `lines` lines
  while (hi - lo > 4) {
    int mid = (lo + hi) / 2;
    pango_layout_set_width(layout, mid * PANGO_SCALE);
    (pango_layout_get_line_count(layout) == lines ? hi : lo) = mid;
  }
  pango_layout_set_width(layout, hi * PANGO_SCALE);
  return hi;
}

void show(cairo_t* cr, PangoLayout* layout, double x, double y, double alpha) {
  cairo_set_source_rgba(cr, kInk.r, kInk.g, kInk.b, alpha);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

void draw_background(cairo_t* cr, const std::string& title, int w, int h) {
  const Rgb& bg = kPalette[fnv1a(title) % std::size(kPalette)];
  cairo_set_source_rgb(cr, bg.r, bg.g, bg.b);
  cairo_paint(cr);
  const double inset = w * 0.045, line = std::max(1.0, w / 600.0);
  cairo_set_source_rgba(cr, kInk.r, kInk.g, kInk.b, 0.35);
  cairo_set_line_width(cr, line);
  cairo_rectangle(cr, inset, inset, w - 2 * inset, h - 2 * inset);
  cairo_stroke(cr);
}

// The title (and subtitle) centred in the upper half, a short rule beneath.
void draw_title(cairo_t* cr, const std::string& title, const std::string& language, int w, int h) {
  const std::string family = cover_font_family(language);
  auto [main, sub] = split_subtitle(title);
  const int box_w = static_cast<int>(w * 0.76), top = static_cast<int>(h * 0.12), box_h = static_cast<int>(h * 0.38);
  Layout sub_layout = make_layout(cr, sub, language);
  int sub_h = sub.empty() ? 0 : fit_text(sub_layout.get(), family, PANGO_WEIGHT_NORMAL, w * 0.05, w * 0.03, box_w,
                                         box_h / 3, 3);
  const int gap = sub.empty() ? 0 : static_cast<int>(h * 0.03);
  Layout main_layout = make_layout(cr, main, language);
  int main_h = fit_text(main_layout.get(), family, PANGO_WEIGHT_BOLD, w * 0.1, w * 0.035, box_w,
                        box_h - sub_h - gap, 6);
  int main_w = balance_lines(main_layout.get(), box_w);
  int sub_w = sub.empty() ? box_w : balance_lines(sub_layout.get(), box_w);
  const double y = top + (box_h - main_h - gap - sub_h) / 2.0;
  show(cr, main_layout.get(), (w - main_w) / 2.0, y, 1.0);
  if (!sub.empty()) show(cr, sub_layout.get(), (w - sub_w) / 2.0, y + main_h + gap, 0.85);
  const double rule_y = y + main_h + gap + sub_h + h * 0.035, rule_w = w * 0.16;
  cairo_set_source_rgba(cr, kInk.r, kInk.g, kInk.b, 0.7);
  cairo_rectangle(cr, (w - rule_w) / 2.0, rule_y, rule_w, std::max(1.0, w / 400.0));
  cairo_fill(cr);
}

void draw_authors(cairo_t* cr, const std::vector<std::string>& authors, const std::string& language, int w,
                  int h) {
  const std::string text = join_authors(authors, language);
  if (text.empty()) return;
  const int box_w = static_cast<int>(w * 0.76), box_h = static_cast<int>(h * 0.08);
  Layout layout = make_layout(cr, text, language);
  int used = fit_text(layout.get(), cover_font_family(language), PANGO_WEIGHT_NORMAL, w * 0.045, w * 0.028, box_w,
                      box_h, 2);
  int used_w = balance_lines(layout.get(), box_w);
  show(cr, layout.get(), (w - used_w) / 2.0, h * 0.86 - used / 2.0, 0.9);
}


}  // namespace

std::string cover_font_family(const std::string& language) {
  const std::string tag = lower(language);
  std::string face;
  if (starts_with_subtag(tag, "ja")) face = "JP";
  else if (starts_with_subtag(tag, "ko")) face = "KR";
  else if (tag == "zh-hk" || tag.starts_with("zh-hant-hk")) face = "HK";
  else if (tag == "zh-tw" || tag == "zh-mo" || tag.starts_with("zh-hant")) face = "TC";
  else if (starts_with_subtag(tag, "zh")) face = "SC";
  return face.empty() ? "serif" : "Noto Serif CJK " + face + ", serif";
}

std::string render_cover_png(const std::string& title, const std::vector<std::string>& authors,
                             const std::string& language, int width, int height) {
  if (width < 16 || height < 16 || width > 32767 || height > 32767)
    throw std::invalid_argument("cover size out of range: " + std::to_string(width) + "x" + std::to_string(height));
  // Anthologies build books on several threads; pango's default font map and fontconfig's caches are shared
  // state, so covers are drawn one at a time (a tenth of a second each).
  static std::mutex drawing;
  std::lock_guard lock(drawing);
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  Cairo cr(cairo_create(surface.get()));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
  cairo_set_font_options(cr.get(), fixed_font_options().get());
  draw_background(cr.get(), title, width, height);
  draw_title(cr.get(), title, language, width, height);
  draw_authors(cr.get(), authors, language, width, height);
  cairo_surface_flush(surface.get());
  return encode_png(cairo_image_surface_get_data(surface.get()), width, height,
                    cairo_image_surface_get_stride(surface.get()));
}

}  // namespace mkepub
