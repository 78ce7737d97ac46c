// Template tags: the Hexo themes' tag plugins (theme_tags.h), after each theme's documentation.
#include "dialects/tags/theme_tags.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "sources/yaml_bounds.h"

namespace mkepub::tags {
namespace {

constexpr size_t npos = std::string::npos;

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The words themes give a box's colour or style (NexT's note classes, Butterfly's colours and styles, Fluid's
// Bootstrap names, Volantis's): classes, never text.
bool is_style_word(std::string_view w) {
  return one_of(w, {"default",   "primary", "secondary", "info",      "success",   "warning", "warn", "danger",
                    "tip",       "error",   "note",      "important", "caution",   "light",   "dark", "flat",
                    "simple",    "modern",  "disabled",  "no-icon",   "blue",      "pink",    "red",  "purple",
                    "orange",    "green",   "yellow",    "cyan",      "grey",      "gray",    "done", "todo",
                    "radiation", "bug",     "idea",      "link",      "paperclip", "quote"});
}

// A button's look (Butterfly `block center larger`, Volantis `regular`), never its text.
bool is_button_style(std::string_view part) {
  std::vector<std::string> words = split_args(part);
  return !words.empty() && std::all_of(words.begin(), words.end(), [](const std::string& w) {
    return is_style_word(w) || one_of(w, {"regular", "large", "larger", "center", "block", "left", "right", "round",
                                          "rounded", "outline", "solid"});
  });
}

// `class@text` (NexT's label), `info @title` (Fluid's fold): the text after the `@`; else nullopt.
std::optional<std::string> after_at(std::string_view raw) {
  size_t at = raw.find('@');
  if (at == npos) return std::nullopt;
  return std::string(trim(raw.substr(at + 1)));
}

// `a, b, c` or Volantis 4's `a::b::c`.
std::vector<std::string> theme_parts(std::string_view raw) {
  if (raw.find("::") == npos) return split_commas(raw);
  std::string commas;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "::") == 0) {
      commas += ',';
      ++i;
    } else {
      commas += raw[i];
    }
  }
  return split_commas(commas);
}

bool is_href(std::string_view s) {
  return is_url(s) || s.starts_with("/") || s.starts_with("#") || s.starts_with("mailto:") || s.starts_with("./") ||
         s.starts_with("../");
}

// A button's parts, as the themes order them: the target and the text first, in either order (NexT and Butterfly
// `url, text, icon, ...`, Volantis `text, url, icon`, Volantis 4 `style::text::url::icon`), then icons and looks,
// never shown; NexT's fourth part is a title, the text of a button that has only an icon.
std::string button(std::vector<std::string> parts) {
  if (parts.size() > 2 && is_button_style(parts[0]) && !is_href(parts[0])) parts.erase(parts.begin());
  parts.resize(std::max<size_t>(parts.size(), 2));
  const bool url_first = is_href(parts[0]) || !is_href(parts[1]);
  std::string href = url_first ? parts[0] : parts[1], text = url_first ? parts[1] : parts[0];
  if (text.empty() && parts.size() > 3) text = parts[3];
  if (text.empty()) text = href;
  if (href.empty()) return md_text(text);
  return md_link(md_text(text), href);
}

// The title words of a box's arguments: styles and icons anywhere before the first other word are classes.
Block note_box(const std::vector<std::string>& args) {
  std::vector<std::string> classes;
  size_t k = 0;
  for (; k < args.size() && (is_style_word(args[k]) || is_icon(args[k])); ++k)
    if (!is_icon(args[k])) classes.push_back(args[k]);
  std::vector<std::string> title;
  for (; k < args.size(); ++k)
    if (!is_icon(args[k])) title.push_back(args[k]);
  return {note_open(classes, join(title, 0)), "</div>"};
}

Block details(std::string_view summary, bool open = false) {
  std::string s(trim(summary));
  return {std::string(open ? "<details open=\"open\">" : "<details>") + "<summary>" +
              html_escape(s.empty() ? "Details" : s) + "</summary>",
          "</details>"};
}

// `{% checkbox [style...] [checked], text %}` (Volantis), `{% cb text, checked %}` (Fluid): the box as a sign.
std::string check_mark(std::string_view name, std::string_view raw) {
  std::vector<std::string> parts = split_commas(raw);
  bool checked = false;
  std::string text;
  if (name == "cb") {
    text = parts[0];
    checked = parts.size() > 1 && parts[1] == "true";
  } else {
    text = parts.size() > 1 ? std::string(trim(raw.substr(raw.find(',') + 1))) : parts[0];
    if (parts.size() > 1)
      for (const auto& w : split_args(parts[0])) checked = checked || w == "checked";
  }
  const bool radio = name == "radio";
  return std::string(radio ? (checked ? "◉" : "○") : (checked ? "☑" : "☐")) + " " + text;
}

}  // namespace

bool is_icon(std::string_view arg) {
  std::vector<std::string> words = split_args(arg);
  if (words.empty()) return false;
  return std::all_of(words.begin(), words.end(), [](const std::string& w) {
    return w.starts_with("@") || w.starts_with("fa-") || one_of(w, {"fa", "fas", "far", "fab", "fal", "fad", "fat"}) ||
           w == "iconfont" || w.starts_with("icon-") || w.starts_with("anzhiyu-");
  });
}

// NexT's and Butterfly's id of a tabs block, from its name: lower case, spaces as dashes ("" without a name).
std::string tabs_id(std::string_view tabs_args) {
  std::string id = split_commas(tabs_args)[0];
  for (char& c : id) c = c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
  return id;
}

bool is_tabs(std::string_view name) { return name == "tabs" || name == "subtabs"; }

std::optional<std::string> render_theme_tag(std::string_view name, const std::vector<std::string>& args,
                                            std::string_view raw_args) {
  std::string_view raw = trim(raw_args);
  if (name == "btn" || name == "button" || name == "cell") return button(theme_parts(raw));
  if (name == "label") {  // NexT `class@text`, Fluid `class @text`, Butterfly `text [color]`
    if (auto text = after_at(raw)) return "<mark>" + html_escape(*text) + "</mark>";
    size_t end = args.size() > 1 && is_style_word(args.back()) ? args.size() - 1 : args.size();
    return "<mark>" + html_escape(join(args, 0, end)) + "</mark>";
  }
  if (name == "checkbox" || name == "radio" || name == "cb") return check_mark(name, raw);
  if (name == "inlineImg" || name == "inlineimage") {
    std::vector<std::string> parts = split_commas(raw);
    std::string src = split_args(parts[0]).empty() ? "" : split_args(parts[0])[0];
    return md_image("", src);
  }
  if (name == "span" || name == "p") {  // Volantis: `{% span class, text %}`
    size_t comma = raw.find(',');
    return std::string(comma == npos ? raw : trim(raw.substr(comma + 1)));
  }
  if (name == "hideInline") return md_text(split_commas(raw)[0]);  // Butterfly: the hidden text, shown
  if (name == "caniuse") {
    std::string feature = args.empty() ? "" : args[0];
    return md_link("Can I use " + md_text(feature), "https://caniuse.com/" + feature);
  }
  if (name == "video" || name == "pdf") {
    std::string url = args.empty() ? "" : args[0];
    return md_link(md_text(name == "pdf" ? "PDF: " + url : "Video: " + url), url);
  }
  if (name == "galleryGroup") {  // Butterfly: `{% galleryGroup name description link img %}`
    std::string title = args.empty() ? "" : args[0], link = args.size() > 2 ? args[2] : "";
    std::string description = args.size() > 1 ? args[1] : "";
    std::string text = md_text(title) + (description.empty() ? "" : ": " + md_text(description));
    return link.empty() ? text : md_link(text, link);
  }
  return std::nullopt;
}

std::optional<Block> theme_block(std::string_view name, const std::vector<std::string>& args,
                                 std::string_view raw_args) {
  std::string_view raw = trim(raw_args);
  if (name == "note") return note_box(args);
  if (name == "noteblock") {  // Volantis: `{% noteblock style, title %}`
    size_t comma = raw.find(',');
    std::vector<std::string> classes;
    for (const auto& w : split_args(raw.substr(0, comma)))
      if (!is_icon(w)) classes.push_back(w);
    return Block{note_open(classes, comma == npos ? "" : trim(raw.substr(comma + 1))), "</div>"};
  }
  if (is_tabs(name)) {  // the ids the themes give, so that links to a tab (`#name-2`) still lead to it
    std::string id = tabs_id(raw);
    return Block{"<div class=\"tabs\"" + (id.empty() ? "" : " id=\"" + html_escape(id) + "\"") + ">", "</div>"};
  }
  if (name == "hideToggle" || name == "hideBlock") return details(split_commas(raw)[0]);
  if (name == "folding") {  // Volantis: `{% folding [color] [open], title %}`
    size_t comma = raw.find(',');
    bool open = false;
    for (const auto& w : split_args(raw.substr(0, comma))) open = open || w == "open";
    return details(comma == npos ? raw : raw.substr(comma + 1), open);
  }
  if (name == "fold") return details(after_at(raw).value_or(""));  // Fluid: `{% fold info @title %}`
  if (one_of(name, {"gallery", "grouppicture", "gp", "gi"})) return Block{"<div class=\"gallery\">", "</div>"};
  if (name == "btns") return Block{"<div class=\"btns\">", "</div>"};
  if (name == "centerquote" || name == "cq") return Block{"<blockquote class=\"centerquote\">", "</blockquote>"};
  if (name == "timeline")
    return Block{"<div class=\"timeline\">" + strong_line(split_commas(raw)[0]) + "<ul>", "</ul></div>"};
  return std::nullopt;
}

std::string link_grid(std::string_view body) {
  std::string out;
  for (size_t start = 0; start <= body.size();) {
    size_t end = std::min(body.find('\n', start), body.size());
    std::string_view line = trim(body.substr(start, end - start));
    if (!line.empty()) {
      std::vector<std::string> cells;
      for (size_t from = 0;;) {
        size_t bar = line.find('|', from);
        cells.emplace_back(trim(line.substr(from, bar == npos ? npos : bar - from)));
        if (bar == npos) break;
        from = bar + 1;
      }
      cells.resize(std::max<size_t>(cells.size(), 3));
      std::string text = md_text(cells[0].empty() ? cells[1] : cells[0]);
      out += "- " + (cells[1].empty() ? text : md_link(text, cells[1])) +
             (cells[2].empty() ? "" : ": " + md_text(cells[2]));
    }
    if (end == body.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::optional<std::string> timeline_events(std::string_view body) {
  YAML::Node events;
  try {
    YAML::Node root = load_bounded_yaml(std::string(body));
    if (root.IsMap()) events = root["events"];
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!events || !events.IsSequence() || events.size() == 0) return std::nullopt;
  std::string out = "<div class=\"timeline\"><ul>";
  for (const auto& event : events) {
    if (!event.IsMap()) return std::nullopt;
    auto text = [&](const char* key) {
      const YAML::Node v = event[key];
      return v && v.IsScalar() ? v.Scalar() : std::string();
    };
    out += "<li>" + strong_line(text("timestamp")) + "<p>" + markdownify(text("content")) + "</p></li>";
  }
  out += "</ul></div>";
  return out + std::string(size_t(std::count(body.begin(), body.end(), '\n')), '\n');
}

std::string inline_note(std::string_view raw_args) {
  std::string_view raw = trim(raw_args);
  size_t comma = raw.find(',');
  std::vector<std::string> classes;
  for (const auto& w : split_args(raw.substr(0, comma)))
    if (!is_icon(w)) classes.push_back(w);
  return note_open(classes, "") + "<p>" + html_escape(trim(raw.substr(comma + 1))) + "</p></div>";
}

std::string tab_title(std::string_view caption, std::string_view tabs_args, int number) {
  std::string words;
  for (const auto& word : split_args(caption)) {
    if (word.starts_with("@")) break;  // `@icon` and the rest (Butterfly's `@fas fa-bomb`) name the tab's icon
    words += (words.empty() ? "" : " ") + word;
  }
  if (words.empty()) {
    std::string name = split_commas(tabs_args)[0];
    words = (name.empty() ? "Tab" : name) + " " + std::to_string(number);
  }
  std::string id = tabs_id(tabs_args);
  if (id.empty()) return strong_line(words);
  return "<p id=\"" + html_escape(id + "-" + std::to_string(number)) + "\"><strong>" + html_escape(words) +
         "</strong></p>";
}

std::string timeline_item(std::string_view caption) { return "<li>" + strong_line(trim(caption)); }

}  // namespace mkepub::tags
