// Template tags' arguments to Markdown and HTML (tag_render.h), after the tags' own documentation:
// https://hexo.io/docs/tag-plugins, https://gohugo.io/shortcodes/,
// https://rust-lang.github.io/mdBook/format/mdbook.html.
#include "dialects/tags/tag_render.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

#include "base/text.h"

namespace mkepub::tags {
namespace {

constexpr size_t npos = std::string::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A width or height: digits, optionally with px or %.
bool is_size(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > 0 && (i == s.size() || s.substr(i) == "px" || s.substr(i) == "%");
}

// A quoted argument at text[i]: its text, with i moved past the closing quote; nullopt when the quote is never
// closed, so that it is read as an ordinary character.
std::optional<std::string> read_quoted(std::string_view text, size_t& i, bool escapes) {
  const char q = text[i];
  std::string s;
  for (size_t j = i + 1; j < text.size(); ++j) {
    if (escapes && text[j] == '\\' && j + 1 < text.size() && (text[j + 1] == q || text[j + 1] == '\\')) {
      s += text[++j];
    } else if (text[j] == q) {
      i = j + 1;
      return s;
    } else {
      s += text[j];
    }
  }
  return std::nullopt;
}

size_t longest_run(std::string_view s, char c) {
  size_t longest = 0;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && s[j] == c) ++j;
    longest = std::max(longest, j - i);
    i = j > i ? j : i + 1;
  }
  return longest;
}

std::string md_dest(std::string_view href) {
  if (href.find_first_of(" \t\n()<>") == npos && !href.empty()) return std::string(href);
  std::string s = "<";
  for (char c : href) s += c == '<' ? "%3C" : c == '>' ? "%3E" : c == '\n' ? "%0A" : std::string(1, c);
  return s + ">";
}

std::string md_title(std::string_view title) {
  std::string s = "\"";
  for (char c : title) {
    if (c == '"' || c == '\\') s += '\\';
    s += c == '\n' ? ' ' : c;
  }
  return s + "\"";
}

// `"title text" "alt text"`, `'title'`, or plain words (all the title).
void parse_title_alt(const std::vector<std::string>& rest, std::string_view raw_args, std::string& title,
                     std::string& alt) {
  if (rest.size() == 1 && !rest[0].empty() && (rest[0][0] == '"' || rest[0][0] == '\'')) {
    std::string_view s = rest[0];
    size_t i = 0;
    if (auto t = read_quoted(s, i, true)) {
      title = *t;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) alt = read_quoted(s, i, true).value_or("");
      return;
    }
  }
  if (rest.size() == 2 && raw_args.find_first_of("\"'") != npos) {
    title = rest[0];
    alt = rest[1];
    return;
  }
  title = join(rest, 0);
}

// `{% img [class] src [width [height]] [title [alt]] %}`, and asset_img alike: the source is the first argument
// that looks like a path (holds a dot or a slash); the words before it are classes, which a Markdown image drops.
std::string render_image(const std::vector<std::string>& args, std::string_view raw_args) {
  if (args.empty()) return "";
  size_t k = 0;
  while (k < args.size() && args[k].find_first_of("./") == npos) ++k;
  if (k == args.size()) k = 0;
  const std::string& src = args[k++];
  for (int sizes = 0; sizes < 2 && k < args.size() && is_size(args[k]); ++sizes) ++k;
  std::string title, alt;
  parse_title_alt(std::vector<std::string>(args.begin() + long(k), args.end()), raw_args, title, alt);
  if (alt.empty()) alt = title;
  return md_image(alt, src, title == alt ? "" : title);
}

// `{% link text url [external] [title] %}`: the url is the first argument that looks like one.
std::string render_link(const std::vector<std::string>& args) {
  if (args.empty()) return "";
  size_t k = 0;
  while (k < args.size() && !is_url(args[k]) && args[k][0] != '/' && !args[k].starts_with("mailto:")) ++k;
  if (k == args.size()) k = args.size() - 1;
  std::string text = k > 0 ? join(args, 0, k) : args[k];
  size_t rest = k + 1;
  if (rest < args.size() && (args[rest] == "true" || args[rest] == "false")) ++rest;
  return md_link(md_text(text), args[k], join(args, rest));
}

std::string render_video(std::string_view name, const std::vector<std::string>& args) {
  const std::string id = args.empty() ? "" : args[0];
  if (name == "vimeo") return md_link("Vimeo video", "https://vimeo.com/" + id);
  if (args.size() > 1 && args[1] == "playlist")
    return md_link("YouTube playlist", "https://www.youtube.com/playlist?list=" + id);
  return md_link("YouTube video", "https://www.youtube.com/watch?v=" + id);
}

// `{% blockquote [author[, source]] [link] [source_link_title] %}`: the author and source go to a footer.
Block blockquote_block(const std::vector<std::string>& args) {
  size_t u = 0;
  while (u < args.size() && !is_url(args[u])) ++u;
  std::string before = join(args, 0, u);
  std::string url = u < args.size() ? args[u] : "", link_title = join(args, u + 1);
  size_t comma = before.find(',');
  std::string author(trim(std::string_view(before).substr(0, comma)));
  std::string source(comma == npos ? "" : trim(std::string_view(before).substr(comma + 1)));
  std::string cite = !link_title.empty() ? link_title : !source.empty() ? source : url;
  std::string footer;
  if (!author.empty()) footer += "<strong>" + html_escape(author) + "</strong>";
  if (!cite.empty()) {
    std::string text = html_escape(cite);
    if (!url.empty()) text = "<a href=\"" + html_escape(url) + "\">" + text + "</a>";
    footer += (footer.empty() ? "" : ", ") + ("<cite>" + text + "</cite>");
  }
  return {"<blockquote>", (footer.empty() ? "" : "<footer>" + footer + "</footer>") + "</blockquote>"};
}

}  // namespace

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//"); }

std::string join(const std::vector<std::string>& v, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < std::min(to, v.size()); ++i) s += (i == from ? "" : " ") + v[i];
  return s;
}

// Comma-separated theme arguments (`{% btn url, text %}`), each trimmed and unquoted.
std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t comma = s.find(',', start);
    std::string_view part = trim(s.substr(start, comma == npos ? npos : comma - start));
    if (part.size() >= 2 && (part.front() == '\'' || part.front() == '"') && part.back() == part.front())
      part = part.substr(1, part.size() - 2);
    parts.emplace_back(part);
    if (comma == npos) return parts;
    start = comma + 1;
  }
}

std::string strong_line(std::string_view title) {
  return title.empty() ? "" : "<p><strong>" + html_escape(title) + "</strong></p>";
}

// The box of a note (themes' note tags, Hugo's admonitions): its classes and an optional bold title line.
std::string note_open(const std::vector<std::string>& classes, std::string_view title, bool title_html) {
  std::string cls = "note";
  for (const auto& c : classes)
    if (c != "note") cls += " " + c;
  const std::string line = title_html && !title.empty() ? "<p><strong>" + std::string(title) + "</strong></p>"
                                                        : strong_line(title);
  return "<div class=\"" + html_escape(cls) + "\">" + line;
}

std::string markdownify(std::string_view text) {
  if (text.find_first_of("*_`[!<&\\~") == std::string_view::npos) return html_escape(text);
  // cmark's own renderer without unsafe HTML: raw HTML in a title is omitted, not passed on.
  std::unique_ptr<char, decltype(&free)> html(cmark_markdown_to_html(text.data(), text.size(), CMARK_OPT_DEFAULT),
                                              free);
  std::string_view out(html.get());
  if (!out.starts_with("<p>") || !out.ends_with("</p>\n") || out.find("<p>", 3) != std::string_view::npos)
    return html_escape(text);
  return std::string(out.substr(3, out.size() - 8));
}

std::vector<std::string> split_args(std::string_view text) {
  std::vector<std::string> args;
  for (size_t i = 0;;) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) return args;
    if (text[i] == '"' || text[i] == '\'') {
      if (auto quoted = read_quoted(text, i, true)) {
        args.push_back(std::move(*quoted));
        continue;
      }
    }
    size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    args.emplace_back(text.substr(i, j - i));
    i = j;
  }
}

std::string ShortcodeArgs::get(const std::string& key, int index) const {
  if (auto it = named.find(key); it != named.end()) return it->second;
  if (index >= 0 && size_t(index) < positional.size()) return positional[size_t(index)];
  return "";
}

ShortcodeArgs parse_shortcode_args(std::string_view text) {
  ShortcodeArgs args;
  auto value_at = [&](size_t& i) {
    if (text[i] == '"' || text[i] == '`')
      if (auto quoted = read_quoted(text, i, text[i] == '"')) return *quoted;
    size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    std::string value(text.substr(i, j - i));
    i = j;
    return value;
  };
  for (size_t i = 0;;) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) return args;
    size_t j = i;
    while (j < text.size() && !is_space(text[j]) && text[j] != '=' && text[j] != '"' && text[j] != '`') ++j;
    if (j > i && j + 1 < text.size() && text[j] == '=') {
      std::string key(text.substr(i, j - i));
      i = j + 1;
      args.named[key] = value_at(i);
    } else {
      args.positional.push_back(value_at(i));
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': s += "&amp;"; break;
      case '<': s += "&lt;"; break;
      case '>': s += "&gt;"; break;
      case '"': s += "&quot;"; break;
      case '\'': s += "&#39;"; break;
      default: s += c;
    }
  }
  return s;
}

std::string md_text(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>&|").find(c) != npos) s += '\\';
    s += c;
  }
  return s;
}

std::string md_link(std::string_view text, std::string_view href, std::string_view title) {
  return "[" + std::string(text) + "](" + md_dest(href) + (title.empty() ? "" : " " + md_title(title)) + ")";
}

std::string md_image(std::string_view alt, std::string_view src, std::string_view title) {
  return "!" + md_link(md_text(alt), src, title);
}

std::string code_span(std::string_view code) {
  if (code.empty()) return "";
  std::string ticks(longest_run(code, '`') + 1, '`');
  bool pad = code.front() == '`' || code.back() == '`' || (code.front() == ' ' && code.back() == ' ');
  std::string space = pad ? " " : "";
  return ticks + space + std::string(code) + space + ticks;
}

std::string code_fence(std::string_view code) {
  return std::string(std::max<size_t>(3, longest_run(code, '`') + 1), '`');
}

std::optional<std::string> render_hexo_tag(std::string_view name, const std::vector<std::string>& args,
                                           std::string_view raw_args) {
  auto arg = [&](size_t i) { return i < args.size() ? args[i] : std::string(); };
  if (name == "img" || name == "image" || name == "asset_img" || name == "asset_image")
    return render_image(args, raw_args);
  if (name == "asset_path") return arg(0);
  if (name == "asset_link") {
    size_t end = args.size() > 1 && (args.back() == "true" || args.back() == "false") ? args.size() - 1 : args.size();
    std::string title = end > 1 ? join(args, 1, end) : arg(0);
    return md_link(md_text(title), arg(0));
  }
  if (name == "link") return render_link(args);
  if (name == "url_for" || name == "full_url_for") return md_link(md_text(arg(0)), arg(1));
  if (name == "youtube" || name == "vimeo") return render_video(name, args);
  if (name == "gist") return md_link("Gist " + md_text(arg(0)), "https://gist.github.com/" + arg(0));
  if (name == "jsfiddle") return md_link("JSFiddle", "https://jsfiddle.net/" + arg(0) + "/");
  if (name == "iframe") return md_link(md_text(arg(0)), arg(0));
  return std::nullopt;
}

std::optional<Block> hexo_block(std::string_view name, const std::vector<std::string>& args, std::string_view) {
  if (name == "blockquote" || name == "quote") return blockquote_block(args);
  if (name == "pullquote")
    return Block{"<blockquote class=\"" + html_escape(trim("pullquote " + join(args, 0))) + "\">", "</blockquote>"};
  return std::nullopt;
}

CodeInfo codeblock_info(const std::vector<std::string>& args) {
  CodeInfo info;
  std::vector<std::string> title, link_text, lines;
  std::string url;
  for (const auto& a : args) {
    size_t colon = a.find(':');
    auto is_key_char = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    bool option = colon != npos && colon > 0 && a.compare(colon, 3, "://") != 0 &&
                  std::all_of(a.begin(), a.begin() + long(colon), is_key_char);
    if (a.starts_with("lang:"))
      info.lang = a.substr(5);
    else if (a.starts_with("line_number:") || a.starts_with("first_line:") || a.starts_with("mark:"))
      lines.push_back(a);
    else if (url.empty() && is_url(a))
      url = a;
    else if (!option)
      (url.empty() ? title : link_text).push_back(a);
  }
  std::string caption;
  if (!title.empty()) caption = "<span>" + html_escape(join(title, 0)) + "</span>";
  if (!url.empty()) {
    std::string text = link_text.empty() ? "link" : join(link_text, 0);
    caption += (caption.empty() ? "" : " ") + ("<a href=\"" + html_escape(url) + "\">" + html_escape(text) + "</a>");
  }
  if (!caption.empty()) info.caption = "<p class=\"code-caption\">" + caption + "</p>";
  // The line options go on in the fence's info string, where Hexo's backtick blocks take them too; after a
  // language, which the info string's first word must be.
  if (!lines.empty()) info.lang = (info.lang.empty() ? "text" : info.lang) + " " + join(lines, 0);
  return info;
}

std::string jekyll_highlight_info(std::string_view raw_args) {
  const std::vector<std::string> args = split_args(raw_args);
  if (args.empty()) return "";
  bool numbers = false;
  for (size_t i = 1; i < args.size(); ++i) numbers = numbers || args[i] == "linenos" || args[i].starts_with("linenos=");
  std::string info = args[0] + " {linenos=" + (numbers ? "true" : "false");
  if (size_t at = raw_args.find("mark_lines=\""); at != npos) {  // Jekyll 4.4: `mark_lines="1 2"`
    size_t end = raw_args.find('"', at + 12);
    if (end != npos) info += " hl_lines=\"" + std::string(raw_args.substr(at + 12, end - at - 12)) + "\"";
  }
  return info + "}";
}

std::string hugo_highlight_info(const std::string& lang, const std::string& options) {
  if (options.empty() || options.find('}') != std::string::npos) return lang;
  return (lang.empty() ? "text" : lang) + " {" + options + "}";
}

std::optional<std::string> render_shortcode(std::string_view name, const ShortcodeArgs& args) {
  if (name == "figure" || name == "img") {
    std::string alt = args.get("alt"), caption = args.get("caption"), title = args.get("title");
    std::string text = !alt.empty() ? alt : !caption.empty() ? caption : title;
    std::string image = md_image(text, args.get("src", 0), title == text ? "" : title);
    std::string link = args.get("link");
    return link.empty() ? image : md_link(image, link);
  }
  if (name == "ref" || name == "relref") return args.get("path", 0);
  if (name == "new-in" || name == "deprecated-in") {  // the Hugo documentation's version notes
    std::string version = args.get("", 0);
    if (version.starts_with("v")) version.erase(0, 1);
    return std::string(name == "new-in" ? "*New in v" : "*Deprecated in v") + md_text(version) + "*";
  }
  auto titled = [&](std::string_view fallback, const std::string& href) {
    std::string title = args.get("title");
    return md_link(title.empty() ? std::string(fallback) : md_text(title), href);
  };
  if (name == "youtube") return titled("YouTube video", "https://www.youtube.com/watch?v=" + args.get("id", 0));
  if (name == "vimeo") return titled("Vimeo video", "https://vimeo.com/" + args.get("id", 0));
  if (name == "x" || name == "twitter" || name == "tweet") {
    std::string user = args.get("user", 0);
    return titled("Post by @" + md_text(user), "https://x.com/" + user + "/status/" + args.get("id", 1));
  }
  if (name == "qr") {  // a QR code of `text` (else of its body, left as it is): the text, a link when a URL
    std::string text = args.get("text");
    return text.starts_with("http://") || text.starts_with("https://") ? md_link(md_text(text), text) : md_text(text);
  }
  if (name == "instagram") return titled("Instagram post", "https://www.instagram.com/p/" + args.get("id", 0) + "/");
  if (name == "gist")
    return titled("Gist " + md_text(args.get("id", 1)),
                  "https://gist.github.com/" + args.get("user", 0) + "/" + args.get("id", 1));
  return std::nullopt;
}

std::optional<Block> shortcode_block(std::string_view name, const ShortcodeArgs& args) {
  static const std::vector<std::string_view> kinds = {"note", "tip", "warning", "caution", "important",
                                                       "info", "danger", "error", "success"};
  static const std::vector<std::string_view> generic = {"notice", "alert", "admonition", "callout", "hint"};
  if (name == "details") {
    std::string summary = args.get("summary", 0);
    return Block{"<details><summary>" + (summary.empty() ? std::string("Details") : markdownify(summary)) + "</summary>",
                 "</details>"};
  }
  if (std::find(kinds.begin(), kinds.end(), name) != kinds.end())
    return Block{note_open({std::string(name)}, markdownify(args.get("title")), true), "</div>"};
  if (std::find(generic.begin(), generic.end(), name) != generic.end()) {
    std::string kind = args.get("type", 0);
    if (kind.empty()) kind = args.get("color");
    return Block{note_open({kind}, markdownify(args.get("title", args.named.count("type") ? 0 : 1)), true), "</div>"};
  }
  return std::nullopt;
}

std::string guess_config_language(std::string_view body) {
  for (size_t start = 0; start < body.size();) {
    size_t end = std::min(body.find('\n', start), body.size());
    std::string_view line = trim(body.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with("{")) return "json";
    if (line.starts_with("[") || line.find(" = ") != npos) return "toml";
    return line.find(':') != npos ? "yaml" : "toml";
  }
  return "toml";
}

std::optional<std::string> select_lines(std::string_view text, std::string_view selector) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  auto anchor_of = [](std::string_view line, std::string_view marker) {
    size_t at = line.find(marker);
    if (at == npos) return std::string_view();
    std::string_view rest = trim(line.substr(at + marker.size()));
    size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_' ||
                                 rest[end] == '-'))
      ++end;
    return rest.substr(0, end);
  };
  auto is_marker = [&](std::string_view line) {
    return line.find("ANCHOR:") != npos || line.find("ANCHOR_END:") != npos;
  };
  size_t first = 0, last = lines.size();  // [first, last)
  if (!selector.empty() && selector.find_first_not_of("0123456789:") == npos) {
    size_t colon = selector.find(':');
    std::string_view a = selector.substr(0, colon), b = colon == npos ? a : selector.substr(colon + 1);
    if (!a.empty()) first = std::min(lines.size(), size_t(std::max(1L, std::stol(std::string(a.substr(0, 9))))) - 1);
    if (!b.empty()) last = std::min(lines.size(), size_t(std::stol(std::string(b.substr(0, 9)))));
  } else if (!selector.empty()) {
    first = 0;
    while (first < lines.size() && anchor_of(lines[first], "ANCHOR:") != selector) ++first;
    if (first == lines.size()) return std::nullopt;
    last = ++first;
    while (last < lines.size() && anchor_of(lines[last], "ANCHOR_END:") != selector) ++last;
  }
  std::string out;
  bool any = false;
  for (size_t i = first; i < last; ++i) {
    if (is_marker(lines[i])) continue;
    if (any) out += '\n';
    out += lines[i];
    any = true;
  }
  return out;
}

}  // namespace mkepub::tags
