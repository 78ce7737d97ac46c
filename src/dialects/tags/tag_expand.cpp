// Template tags (tags.h): what each tag that tags.cpp reads becomes. Hexo tag plugins
// (https://hexo.io/docs/tag-plugins), Jekyll's Liquid (https://jekyllrb.com/docs/liquid/), Hugo shortcodes
// (https://gohugo.io/content-management/shortcodes/) and mdBook's includes
// (https://rust-lang.github.io/mdBook/format/mdbook.html); the renderers of single tags are in tag_render.cpp.
#include <algorithm>
#include <cctype>

#include "base/input_limits.h"
#include "dialects/tags/tag_expander.h"

namespace mkepub::tags {
namespace {

// Included Markdown (Hugo's _common snippets) may open with front matter that is not part of the text.
std::string_view without_front_matter(std::string_view text) {
  if (!text.starts_with("---\n")) return text;
  for (size_t at = text.find("\n---", 3); at != npos; at = text.find("\n---", at + 1)) {
    size_t end = at + 4;
    if (end == text.size()) return text.substr(end);
    if (text[end] == '\n') return text.substr(end + 1);
  }
  return text;
}

// "`{% note %}` without `{% endnote %}`: what became of it" (appended, not `"..." + string`: GCC 12 warns there).
std::string without_end(const Tag& t, std::string_view consequence) {
  std::string s = "`";
  s.append(opener_text(t)).append("` without `").append(closer_text(t)).append("`: ").append(consequence);
  return s;
}

}  // namespace

std::string opener_text(const Tag& t) {
  if (t.syntax == Syntax::hugo) return std::string("{{") + t.delim + " " + t.name + " " + t.delim + "}}";
  return "{% " + t.name + " %}";
}

std::string closer_text(const Tag& t) {
  if (t.syntax == Syntax::hugo) return std::string("{{") + t.delim + " /" + t.name + " " + t.delim + "}}";
  return "{% end" + t.name + " %}";
}

size_t Expander::expand(const Tag& t) {
  switch (t.syntax) {
    case Syntax::hexo: return expand_hexo(t);
    case Syntax::hugo: return expand_hugo(t);
    default: return expand_braces(t);
  }
}

size_t Expander::expand_hexo(const Tag& t) {
  const std::string& name = t.name;
  const std::vector<std::string> args = split_args(t.args);
  auto arg = [&](size_t i) { return i < args.size() ? args[i] : std::string(); };
  if (name == "raw") return literal(t, Body::verbatim);
  if (name == "comment") return literal(t, Body::dropped);
  if (name == "codeblock" || name == "code") {
    CodeInfo info = codeblock_info(args);
    return literal(t, Body::code, info.lang, info.caption);
  }
  if (name == "highlight") return literal(t, Body::code, jekyll_highlight_info(t.args));
  if (name == "katex" || name == "mathjax") return literal(t, Body::code, "math");
  // Diagrams (NexT's mermaid and wavedrom, hexo-filter-plantuml's plantuml) stay their source, as code.
  if (name == "mermaid" || name == "plantuml" || name == "wavedrom") return literal(t, Body::code, name);
  if (name == "linkgrid" || name == "lg") return literal(t, Body::link_grid);
  if (name == "include") return include(t, arg(0), "");
  if (name == "include_code") return include_code(t, args);
  if (name == "post_link" || name == "post_path") return post_link(t, args);
  if (name == "note" && t.args.find(',') != std::string_view::npos && !find_end(t))
    return put(t, inline_note(t.args));  // Volantis's one-line note
  if (auto block = hexo_block(name, args, t.args)) return open_block(t, *block);
  if (auto block = theme_block(name, args, t.args)) return open_block(t, *block);
  if (name.size() > 3 && name.starts_with("end") && close_block(t, name.substr(3))) return pos_;
  if (auto text = render_hexo_tag(name, args, t.args)) return put(t, *text);
  if (auto text = render_theme_tag(name, args, t.args)) return put(t, *text);
  return unknown(t);
}

size_t Expander::expand_hugo(const Tag& t) {
  const std::string& name = t.name;
  if (name == "/*") {  // Hugo's way to show a shortcode: `{{</* x */>}}` is `{{< x >}}` as text
    std::string_view inner = t.args;
    size_t open = inner.find("/*"), close = inner.rfind("*/");
    return put(t, std::string("{{") + t.delim + std::string(inner.substr(0, open)) +
                      std::string(inner.substr(open + 2, close - open - 2)) + std::string(inner.substr(close + 2)) +
                      (t.delim == '<' ? ">" : "%") + "}}");
  }
  if (t.closing) {  // a shortcode rendered without its body (new-in) leaves the body as it is
    if (close_block(t, name)) return pos_;
    return render_shortcode(name, {}) ? put(t, "") : unknown(t);
  }
  const ShortcodeArgs args = parse_shortcode_args(t.args);
  if (name == "highlight" || name == "code-toggle") {
    if (t.self_closing) {
      warn_once("config:" + name, t.begin, "unknown tag",
                "Hugo shortcode `" + name + "` without a body shows the site's configuration: left out");
      return put(t, "");
    }
    return name == "highlight" ? literal(t, Body::code, hugo_highlight_info(args.get("", 0), args.get("", 1)))
                               : literal(t, Body::config);
  }
  if (name == "include") return include(t, args.get("", 0), "");
  // FixIt's and LoveIt's data shortcodes: a timeline's events are a list; a chart (ECharts) needs JavaScript to
  // be drawn, so its data is shown as code, as diagrams are.
  if (name == "timeline" && !t.self_closing) return literal(t, Body::timeline);
  if (name == "echarts" && !t.self_closing) {
    warn_once("echarts", t.begin, "unknown tag", "Hugo shortcode `echarts` draws a chart with JavaScript: its data is shown as code");
    return literal(t, Body::config);
  }
  if (name == "param") {
    std::string key = args.get("", 0);
    const auto& vars = post_.ctx.site_variables;
    auto it = vars.find(key);
    if (it == vars.end()) it = vars.find("params." + key);
    if (it == vars.end()) {  // Hugo's keys are case-insensitive: its config is read in lower case
      std::string lower = key;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      it = vars.find("params." + lower);
    }
    if (it != vars.end()) return put(t, it->second);
    warn_once("param:" + key, t.begin, "unknown variable", "unknown site parameter `" + key + "`: left empty");
    return put(t, "");
  }
  if (auto text = render_shortcode(name, args)) return put(t, *text);
  if (auto block = shortcode_block(name, args)) return open_block(t, *block);
  return unknown(t);
}

size_t Expander::expand_braces(const Tag& t) {
  if (t.syntax == Syntax::mdbook) {
    if (t.name == "title") return put(t, "");
    if (t.name != "include" && t.name != "rustdoc_include" && t.name != "playground") return unknown(t);
    std::string_view spec = t.args.substr(0, std::min(t.args.find_first_of(" \t"), t.args.size()));
    size_t colon = spec.find(':');
    return include(t, std::string(spec.substr(0, colon)), colon == npos ? "" : spec.substr(colon + 1));
  }
  std::string_view expr = trim_blank(t.args.substr(0, t.args.find('|')));
  if (expr.starts_with("site.")) {
    auto it = post_.ctx.site_variables.find(std::string(expr.substr(5)));
    if (it != post_.ctx.site_variables.end()) return put(t, it->second);
    warn_once("site:" + std::string(expr), t.begin, "unknown variable",
              "unknown site variable `" + std::string(expr) + "`: left empty");
    return put(t, "");
  }
  warn_once("liquid", t.begin, "unknown tag", "Liquid expression `{{ " + std::string(t.args) + " }}`: kept its text");
  return put(t, t.args);
}

// A tag whose body is taken as it stands up to its end tag: raw, comment, codeblock, highlight, katex, ...
size_t Expander::literal(const Tag& t, Body kind, const std::string& lang, const std::string& caption) {
  auto end = find_end(t);
  if (!end) warn(t.begin, "unclosed tag", without_end(t, "the rest of the post is its body"));
  const size_t body_end = end ? end->first : in_.size(), after = end ? end->second : in_.size();
  std::string_view body = in_.substr(t.end, body_end - t.end);
  copy_to(t.begin);
  pos_ = after;
  if (kind == Body::verbatim) out_ += body;
  if (kind == Body::dropped) out_.append(size_t(std::count(body.begin(), body.end(), '\n')), '\n');
  if (kind == Body::code) put_code(body, lang, caption, after);
  if (kind == Body::config) put_code(body, guess_config_language(body), caption, after);
  if (kind == Body::link_grid) out_ += link_grid(body);
  if (kind == Body::timeline) {
    if (auto events = timeline_events(body)) out_ += *events;
    else put_code(body, guess_config_language(body), caption, after);
  }
  return pos_;
}

// A code block in the lines of the tags around it: the fence takes the opening tag's line, the body keeps its lines
// and the closing fence takes the end tag's line and indentation. A body within one line is a code span.
void Expander::put_code(std::string_view body, const std::string& lang, const std::string& caption, size_t after) {
  if (body.find('\n') == npos) {
    out_ += tags::code_span(body);
    return;
  }
  if (size_t nl = body.find('\n'); is_blank(body.substr(0, nl))) body.remove_prefix(nl + 1);
  size_t last = body.rfind('\n');
  std::string_view tail = last == npos ? body : body.substr(last + 1);
  std::string indent;
  if (tail.find_first_not_of(" \t>") == npos) {
    indent = tail;
    body.remove_suffix(tail.size());
  }
  std::string code(body);
  if (!code.empty() && code.back() != '\n') code += '\n';
  const std::string fence = code_fence(code);
  if (!line_start_in_out()) out_ += '\n';
  if (!caption.empty()) {  // on the blank line before the tag if there is one, else on a line of its own
    size_t line = out_.rfind('\n');
    std::string line_indent = out_.substr(line == npos ? 0 : line + 1);
    if (line_indent.empty() && out_.ends_with("\n\n")) out_.pop_back();
    out_ += std::string(kHtmlLine) + caption + "\n" + line_indent;
  }
  out_ += fence + lang + "\n" + code + indent + fence;
  if (!line_end_after(after)) out_ += '\n';
}

// The end tag of a tag with a literal body: `{% endname %}` or `{{< /name >}}`.
std::optional<std::pair<size_t, size_t>> Expander::find_end(const Tag& t) {
  const bool hugo = t.syntax == Syntax::hugo;
  const std::string want = hugo ? t.name : "end" + t.name;
  for (size_t q = t.end; (q = in_.find(hugo ? "{{" : "{%", q)) != npos; q += 2) {
    size_t j = q + 2;
    if (hugo) {
      if (j >= in_.size() || (in_[j] != '<' && in_[j] != '%')) continue;
      j = in_.find_first_not_of(" \t", j + 1);
      if (j == npos || in_[j] != '/') continue;
      ++j;
    } else if (j < in_.size() && in_[j] == '-') {
      ++j;
    }
    j = in_.find_first_not_of(" \t", j);
    if (j == npos || in_.compare(j, want.size(), want) != 0) continue;
    j += want.size();
    if (j < in_.size() && is_name_char(in_[j]) && in_[j] != '-') continue;
    size_t close = in_.find(hugo ? "}}" : "%}", j);
    if (close == npos) return std::nullopt;
    return std::pair{q, close + 2};
  }
  return std::nullopt;
}

size_t Expander::open_block(const Tag& t, const Block& block) {
  if (t.self_closing) return put_line(t, block.open + block.close);
  if (blocks_.size() >= kMaxOpenBlocks) {
    warn_once("deep", t.begin, "unclosed tag", "block tags nested more than 64 deep: `" + opener_text(t) + "` dropped");
    return put(t, "");
  }
  blocks_.push_back({t, block.close, line_of(t.begin)});
  return put_line(t, block.open);
}

// Closes the innermost open block of that name, and any left open inside it; false when none is open.
bool Expander::close_block(const Tag& t, const std::string& name) {
  size_t k = blocks_.size();
  while (k > 0 && !(blocks_[k - 1].tag.syntax == t.syntax && blocks_[k - 1].tag.name == name)) --k;
  if (k == 0) return false;
  std::string html;
  for (size_t m = blocks_.size(); m-- > k - 1;) {
    if (m >= k)
      warn_once_at(std::string("unclosed:") + opener_text(blocks_[m].tag), blocks_[m].line, "unclosed tag",
                   without_end(blocks_[m].tag, "closed with `" + closer_text(blocks_[k - 1].tag) + "`"));
    html += blocks_[m].close;
  }
  blocks_.resize(k - 1);
  put_line(t, html);
  return true;
}

// `{% post_link slug [title] [escape] %}`, `{% post_path slug %}`: the slug's post through the context.
size_t Expander::post_link(const Tag& t, std::vector<std::string> args) {
  if (args.empty()) return unknown(t);
  bool escape = true;
  if (args.size() > 1 && (args.back() == "true" || args.back() == "false")) {
    escape = args.back() == "true";
    args.pop_back();
  }
  const std::string slug = args[0];
  std::optional<std::string> href;
  if (post_.ctx.post_href) href = post_.ctx.post_href(slug);
  if (size_t hash = slug.find('#'); !href && hash != npos && post_.ctx.post_href)
    if ((href = post_.ctx.post_href(slug.substr(0, hash)))) *href += slug.substr(hash);
  std::string title;
  for (size_t i = 1; i < args.size(); ++i) title += (i > 1 ? " " : "") + args[i];
  if (title.empty() && href && post_.ctx.post_title)
    if (auto found = post_.ctx.post_title(slug.substr(0, slug.find('#')))) title = *found;
  if (title.empty()) title = slug;
  const std::string text = escape ? md_text(title) : title;
  if (!href)
    warn(t.begin, "missing post",
         t.name + " `" + slug + "`: no such post, kept " + (t.name == "post_path" ? "the slug" : "its text"));
  if (t.name == "post_path") return put(t, href ? *href : slug);
  return put(t, href ? md_link(text, *href) : text);
}

// Jekyll's `{% include %}`, Hugo's `{{% include %}}` and mdBook's `{{#include}}` in prose: the file's text, itself
// expanded, one level deeper.
bool Expander::within_include_budget(const Tag& t, const std::string& path, size_t bytes) {
  if (post_.included_bytes + bytes <= kMaxIncludedBytes) {
    post_.included_bytes += bytes;
    return true;
  }
  post_.included_bytes = kMaxIncludedBytes + 1;  // the includes after this one are left out too
  warn_once("include budget", t.begin, "missing include",
            "include `" + path + "` would take the text included into this post past " +
                std::to_string(kMaxIncludedBytes >> 20) + " MB: left out, and any further include");
  return false;
}

size_t Expander::include(const Tag& t, const std::string& path, std::string_view selector) {
  if (depth_ >= kMaxIncludeDepth) {
    warn(t.begin, "missing include", "include `" + path + "` nested more than 8 deep: left out");
    return put(t, "");
  }
  std::optional<std::string> text = path.empty() ? std::nullopt : read(path);
  if (text && !selector.empty()) text = select_lines(*text, selector);
  if (!text) {
    warn_once("include:" + path, t.begin, "missing include", "include `" + path + "` not found: left out");
    return put(t, "");
  }
  if (!within_include_budget(t, path, text->size())) return put(t, "");
  Expander nested(without_front_matter(*text), post_, depth_ + 1, line_of(t.begin));
  std::string expanded = nested.run();
  while (!expanded.empty() && expanded.back() == '\n') expanded.pop_back();
  return put(t, expanded);
}

// `{% include_code [title] [lang:x] [from:n] [to:m] path %}`: the file under the site's code folder.
size_t Expander::include_code(const Tag& t, const std::vector<std::string>& args) {
  std::string lang, from, to, path;
  for (const auto& a : args) {
    if (a.starts_with("lang:")) lang = a.substr(5);
    else if (a.starts_with("from:")) from = a.substr(5);
    else if (a.starts_with("to:")) to = a.substr(3);
    else path = a;
  }
  std::optional<std::string> text = read(path);
  if (!text) text = read("../downloads/code/" + path);
  if (text && (!from.empty() || !to.empty())) text = select_lines(*text, from + ":" + to);
  if (!text) {
    warn_once("include:" + path, t.begin, "missing include", "include_code `" + path + "` not found: left out");
    text = "// (listing " + path + " not included)";
  }
  if (!within_include_budget(t, path, text->size())) return put(t, "");
  std::string code = *text + "\n";
  const std::string fence = code_fence(code);
  return put_line(t, fence + lang + "\n" + code + fence, false);
}

size_t Expander::unknown(const Tag& t) {
  static const char* const kind[] = {"Hexo tag", "Hugo shortcode", "mdBook directive", "Liquid expression"};
  const std::string prefix = std::to_string(int(t.syntax)) + ":";
  const bool end_twin = (t.syntax == Syntax::hexo && t.name.size() > 3 && t.name.starts_with("end") &&
                         post_.unknown_seen.count(prefix + t.name.substr(3))) ||
                        (t.closing && post_.unknown_seen.count(prefix + t.name));
  if (end_twin) return put(t, "");
  const std::string base = t.syntax == Syntax::hexo && t.name.starts_with("end") ? t.name.substr(3) : t.name;
  if ((t.syntax == Syntax::hexo && t.name.starts_with("end") &&
       (hexo_block(base, {}, "") || theme_block(base, {}, ""))) ||
      (t.closing && shortcode_block(t.name, {}))) {
    warn_once("stray:" + prefix + t.name, t.begin, "unclosed tag",
              "`" + (t.closing ? closer_text(t) : "{% " + t.name + " %}") + "` without its opening tag: dropped");
    return put(t, "");
  }
  post_.unknown_seen.insert(prefix + t.name);
  warn_once("unknown:" + prefix + t.name, t.begin, "unknown tag",
            std::string("unknown ") + kind[int(t.syntax)] + " `" + t.name + "`: kept its text");
  return put(t, "");
}

void Expander::finish() {
  if (!blocks_.empty()) {
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    std::string html;
    for (size_t m = blocks_.size(); m-- > 0;) {
      warn_once_at(std::string("unclosed:") + opener_text(blocks_[m].tag), blocks_[m].line, "unclosed tag",
                   without_end(blocks_[m].tag, "the rest of the post is its body"));
      html += blocks_[m].close;
    }
    out_ += std::string(kHtmlLine) + html + "\n";
    blocks_.clear();
  }
  if (depth_ == 0 && post_.missing_listings > 0) {
    const int more = post_.missing_listings - 1;
    std::string also = more > 0 ? " (and " + std::to_string(more) + " more)" : "";
    post_.diag.warn({post_.ctx.display, post_.first_missing_line, 0,
                     "listing `" + post_.first_missing_listing + "` not found" + also + ": left a placeholder",
                     "missing include"});
  }
}

}  // namespace mkepub::tags
