// Dialects, Jekyll: Liquid expressions, filters and conditions (https://shopify.github.io/liquid/basics/operators/,
// https://shopify.github.io/liquid/filters/, Jekyll's own at https://jekyllrb.com/docs/liquid/filters/) over the
// values a post's book knows: strings, and lists and maps as dotted names.
#include <algorithm>
#include <cctype>
#include <vector>

#include "base/dates.h"
#include "base/text.h"
#include "dialects/jekyll/liquid.h"
#include "dialects/tags/tag_render.h"

namespace mkepub {
namespace {

using Variables = std::map<std::string, std::string>;

// Splits at `sep` outside quotes: `'a|b' | upcase` has two parts.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  char quote = 0;
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (quote) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == sep) {
      out.push_back(s.substr(from, i - from));
      from = i + 1;
    }
  }
  out.push_back(s.substr(from));
  return out;
}

// `a.b[0]["c"]` as the dotted name `a.b.0.c`.
std::string dotted(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '[') {
      if (!out.empty()) out += '.';
    } else if (c != ']' && c != '"' && c != '\'') {
      out += c;
    }
  }
  return out;
}

bool has_children(const Variables& vars, const std::string& name) {
  auto it = vars.lower_bound(name + ".");
  return it != vars.end() && it->first.starts_with(name + ".");
}

LiquidValue primary(std::string_view s, const Variables& vars) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return {std::string(s.substr(1, s.size() - 2))};
  if (s.empty() || s == "nil" || s == "null") return {"", true};
  if (s == "true" || s == "false" || s == "empty" || s == "blank") return {std::string(s)};
  if (std::isdigit(static_cast<unsigned char>(s[0])) || (s[0] == '-' && s.size() > 1)) return {std::string(s)};
  std::string name = dotted(s);
  if (name.ends_with(".size")) {
    std::string list = name.substr(0, name.size() - 5);
    if (auto it = vars.find(list); it != vars.end()) return {std::to_string(it->second.size())};
    size_t n = 0;
    while (vars.count(list + "." + std::to_string(n)) || has_children(vars, list + "." + std::to_string(n))) ++n;
    if (n > 0 || !(list.starts_with("site.") || list.starts_with("page."))) return {std::to_string(n)};
  }
  if (auto it = vars.find(name); it != vars.end()) return {it->second};
  if (has_children(vars, name)) return {"", false, true};  // a list or a map: there, but no text of its own
  // What Jekyll knows and mkepub does not (site.posts, a theme's data, a front matter key not kept).
  const bool jekyll_knows = name == "site" || name == "page" || name.starts_with("site.") || name.starts_with("page.");
  return {"", true, !jekyll_knows};
}

std::string replace_text(std::string s, std::string_view from, std::string_view to, bool first_only) {
  if (from.empty()) return s;
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) {
    s.replace(at, from.size(), to);
    if (first_only) break;
  }
  return s;
}

std::string strip_html(std::string_view s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

// strftime's common conversions (Ruby's, which Jekyll's `date` filter uses), on a date written as posts write one.
std::string format_date(const std::string& value, std::string_view format) {
  auto d = parse_date(value);
  if (!d) return value;
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  const std::string month = d->month >= 1 && d->month <= 12 ? kMonths[d->month - 1] : "";
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
      continue;
    }
    char c = format[++i];
    const bool bare = c == '-' && i + 1 < format.size();  // `%-d`: no padding
    if (bare) c = format[++i];
    auto num = [&](int n) { out += bare ? std::to_string(n) : two(n); };
    switch (c) {
      case 'Y':
        out += std::to_string(d->year);
        break;
      case 'y':
        out += two(d->year % 100);
        break;
      case 'm':
        num(d->month);
        break;
      case 'd':
        num(d->day);
        break;
      case 'e':
        out += (d->day < 10 && !bare ? " " : "") + std::to_string(d->day);
        break;
      case 'B':
        out += month;
        break;
      case 'b':
      case 'h':
        out += month.substr(0, 3);
        break;
      case 'H':
        num(d->hour);
        break;
      case 'M':
        num(d->minute);
        break;
      case 'S':
        num(d->second);
        break;
      case 'F':
        out += format_day(*d);
        break;
      case '%':
        out += '%';
        break;
      default:
        out.append({'%', c});
    }
  }
  return out;
}

std::string url_encode(std::string_view s, bool plus_for_space) {
  std::string out;
  static const char hex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += char(c);
    else if (c == ' ' && plus_for_space) out += '+';
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

// A site path for Jekyll's URL filters: the book is the site, so links stay site paths (without `baseurl`) that the
// links stage resolves to chapters; URLs with a scheme and fragments pass through.
std::string site_path(const std::string& v) {
  if (v.find("://") != std::string::npos || v.starts_with('#') || v.starts_with("mailto:")) return v;
  return v.starts_with('/') ? v : "/" + v;
}

std::optional<std::string> apply_filter(const std::string& name, const LiquidValue& in,
                                        const std::vector<LiquidValue>& args) {
  auto arg = [&](size_t i) { return i < args.size() ? args[i].text : std::string(); };
  const std::string& v = in.text;
  std::string s = v;
  if (name == "relative_url" || name == "absolute_url") return site_path(v);
  if (name == "default") return in.nil || v.empty() || v == "false" ? arg(0) : v;
  if (name == "escape" || name == "xml_escape" || name == "escape_once" || name == "h") return tags::html_escape(v);
  if (name == "upcase") return std::transform(s.begin(), s.end(), s.begin(), ::toupper), s;
  if (name == "downcase") return std::transform(s.begin(), s.end(), s.begin(), ::tolower), s;
  if (name == "capitalize") return s.empty() ? s : (s[0] = char(std::toupper(s[0])), s);
  if (name == "append") return v + arg(0);
  if (name == "prepend") return arg(0) + v;
  if (name == "replace" || name == "replace_first") return replace_text(v, arg(0), arg(1), name == "replace_first");
  if (name == "remove" || name == "remove_first") return replace_text(v, arg(0), "", name == "remove_first");
  if (name == "strip") return std::string(trim(v));
  if (name == "lstrip") return v.substr(std::min(v.find_first_not_of(" \t\r\n"), v.size()));
  if (name == "rstrip") return v.substr(0, v.find_last_not_of(" \t\r\n") + 1);
  if (name == "strip_newlines") return replace_text(replace_text(v, "\r", "", false), "\n", "", false);
  if (name == "strip_html") return strip_html(v);
  if (name == "markdownify" || name == "smartify" || name == "newline_to_br") return v;  // Markdown follows anyway
  if (name == "date") return format_date(v, arg(0));
  if (name == "date_to_string") return format_date(v, "%d %b %Y");
  if (name == "date_to_long_string") return format_date(v, "%d %B %Y");
  if (name == "date_to_xmlschema" || name == "date_to_rfc822") return v;
  if (name == "slugify") return ascii_slug(v);
  if (name == "size") return std::to_string(v.size());
  if (name == "url_encode" || name == "cgi_escape") return url_encode(v, true);
  if (name == "uri_escape") return v;
  if (name == "jsonify") return "\"" + replace_text(v, "\"", "\\\"", false) + "\"";
  if (name == "truncate") {
    size_t n = arg(0).empty() ? 50 : size_t(std::max(0, std::atoi(arg(0).c_str())));
    std::string ellipsis = args.size() > 1 ? arg(1) : "...";
    return v.size() <= n ? v : v.substr(0, n > ellipsis.size() ? n - ellipsis.size() : 0) + ellipsis;
  }
  if (name == "plus" || name == "minus" || name == "times") {
    long a = std::atol(v.c_str()), b = std::atol(arg(0).c_str());
    return std::to_string(name == "plus" ? a + b : name == "minus" ? a - b : a * b);
  }
  return std::nullopt;
}

}  // namespace

LiquidValue evaluate_liquid(std::string_view expression, const Variables& variables,
                            const std::function<void(const std::string&)>& unknown_filter) {
  auto parts = split_outside_quotes(expression, '|');
  LiquidValue value = primary(parts[0], variables);
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view filter = trim(parts[i]);
    size_t colon = filter.find(':');
    std::string name(trim(filter.substr(0, colon)));
    std::vector<LiquidValue> args;
    if (colon != std::string_view::npos)
      for (auto a : split_outside_quotes(filter.substr(colon + 1), ',')) args.push_back(primary(a, variables));
    auto out = apply_filter(name, value, args);
    if (!out) {
      unknown_filter(name);
      continue;
    }
    value.known = value.known && std::all_of(args.begin(), args.end(), [](const auto& a) { return a.known; });
    value = {*out, false, value.known};
  }
  return value;
}

std::optional<bool> liquid_condition(std::string_view condition, const Variables& variables) {
  // `a or b and c` is `a or (b and c)`, evaluated right to left as Liquid does.
  std::string_view c = trim(condition);
  for (const char* op : {" or ", " and "}) {
    // The rightmost operator outside quotes.
    char quote = 0;
    size_t at = std::string_view::npos;
    for (size_t i = 0; i < c.size(); ++i) {
      if (quote) quote = c[i] == quote ? 0 : quote;
      else if (c[i] == '"' || c[i] == '\'') quote = c[i];
      else if (c.substr(i).starts_with(op)) at = i;
    }
    if (at == std::string_view::npos) continue;
    auto left = liquid_condition(c.substr(0, at), variables);
    auto right = liquid_condition(c.substr(at + std::string_view(op).size()), variables);
    const bool is_or = op[1] == 'o';
    if (left && right) return is_or ? (*left || *right) : (*left && *right);
    if ((left && *left == is_or) || (right && *right == is_or)) return is_or;  // decided by the known side
    return std::nullopt;
  }
  auto none = [](const std::string&) {};
  for (const char* op : {"==", "!=", "<>", ">=", "<=", ">", "<", " contains "}) {
    size_t at = std::string_view::npos;
    char quote = 0;
    for (size_t i = 0; i < c.size() && at == std::string_view::npos; ++i) {
      if (quote) quote = c[i] == quote ? 0 : quote;
      else if (c[i] == '"' || c[i] == '\'') quote = c[i];
      else if (c.substr(i).starts_with(op)) at = i;
    }
    if (at == std::string_view::npos) continue;
    std::string_view o = trim(op);
    LiquidValue a = evaluate_liquid(c.substr(0, at), variables, none);
    LiquidValue b = evaluate_liquid(c.substr(at + std::string_view(op).size()), variables, none);
    if (!a.known || !b.known) return std::nullopt;
    auto empty_like = [](const LiquidValue& x) { return x.nil || x.text.empty(); };
    if (o == "contains") return a.text.find(b.text) != std::string::npos;
    bool equal = a.text == b.text && a.nil == b.nil;
    if (b.text == "empty" || b.text == "blank") equal = empty_like(a);
    if (b.nil) equal = a.nil;
    if (o == "==") return equal;
    if (o == "!=" || o == "<>") return !equal;
    char* end_a = nullptr;
    char* end_b = nullptr;
    double x = std::strtod(a.text.c_str(), &end_a), y = std::strtod(b.text.c_str(), &end_b);
    const bool numbers = !a.text.empty() && !b.text.empty() && *end_a == 0 && *end_b == 0;
    int cmp = numbers ? (x < y ? -1 : x > y) : a.text.compare(b.text);
    if (o == ">=") return cmp >= 0;
    if (o == "<=") return cmp <= 0;
    if (o == ">") return cmp > 0;
    return cmp < 0;
  }
  LiquidValue v = evaluate_liquid(c, variables, none);
  if (!v.known) return std::nullopt;
  return !v.nil && v.text != "false";  // Liquid: only nil and false are falsy
}

}  // namespace mkepub
