// Dialects, Jekyll: Liquid rendered over a post as Jekyll does before its Markdown (liquid.h). Liquid runs over the
// whole text, code included, which is why authors wrap literal tags in `{% raw %}`: inside a code fence the raw
// markers go here; outside code the shared expander takes the raw block as it takes Hexo's.
#include "dialects/jekyll/liquid.h"

#include <algorithm>
#include <set>
#include <vector>

#include "base/input_limits.h"
#include "base/text.h"

namespace mkepub {
namespace {

constexpr int kMaxIncludeDepth = 8;

struct Token {
  enum Kind { text, output, tag } kind = text;
  std::string_view source;  // the token as written
  std::string name;         // tags
  std::string_view args;    // tags: after the name; output: the expression
  size_t at = 0;            // offset in the text, for the line in messages
  bool trim_before = false, trim_after = false;
};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Where code fences are open, by the fence lines CommonMark reads (a run of 3+ backticks or tildes after at most
// the indentation and quote markers of a line).
std::vector<std::pair<size_t, size_t>> fenced_ranges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  char fence = 0;
  size_t length = 0, open = 0;
  for (size_t from = 0; from < text.size();) {
    size_t nl = std::min(text.find('\n', from), text.size());
    std::string_view line = text.substr(from, nl - from);
    size_t i = line.find_first_not_of(" \t>");
    if (i != std::string_view::npos && (line[i] == '`' || line[i] == '~')) {
      size_t j = std::min(line.find_first_not_of(line[i], i), line.size());
      if (!fence && j - i >= 3) {
        fence = line[i], length = j - i, open = from;
      } else if (fence == line[i] && j - i >= length && trim(line.substr(j)).empty()) {
        out.emplace_back(open, nl);
        fence = 0;
      }
    }
    from = nl + 1;
  }
  if (fence) out.emplace_back(open, text.size());
  return out;
}

class Renderer {
 public:
  Renderer(std::string_view text, const LiquidContext& ctx, Diagnostics& diag, std::set<std::string>& warned,
           size_t& included, std::map<std::string, std::string> vars, int depth, int include_line)
      : text_(text),
        ctx_(ctx),
        diag_(diag),
        warned_(warned),
        included_(included),
        vars_(std::move(vars)),
        depth_(depth),
        include_line_(include_line) {
    tokenize();
  }

  std::string run() {
    std::string out;
    render(0, out, true, {});
    return out;
  }

 private:
  std::string_view text_;
  const LiquidContext& ctx_;
  Diagnostics& diag_;
  std::set<std::string>& warned_;
  size_t& included_;  // bytes the includes of this post added, up to kMaxIncludedBytes
  std::map<std::string, std::string> vars_;
  int depth_, include_line_;
  std::vector<Token> tokens_;

  int line_of(size_t at) const {
    if (include_line_ > 0) return include_line_;
    return ctx_.first_line + int(std::count(text_.begin(), text_.begin() + long(at), '\n'));
  }
  void warn_once(const std::string& key, size_t at, const std::string& kind, const std::string& message) {
    if (warned_.insert(key).second) diag_.warn({ctx_.display, line_of(at), 0, message, kind});
  }

  // The end tag of a block whose body is not Liquid (raw, comment): where it starts and ends.
  std::optional<std::pair<size_t, size_t>> end_tag(size_t from, std::string_view name) {
    for (size_t q = from; (q = text_.find("{%", q)) != std::string_view::npos; q += 2) {
      size_t j = text_.find_first_not_of(" \t-", q + 2);
      if (j == std::string_view::npos || text_.compare(j, name.size(), name) != 0) continue;
      const size_t k = j + name.size();
      if (k < text_.size() && is_name_char(text_[k])) continue;
      size_t close = text_.find("%}", k);
      if (close == std::string_view::npos) return std::nullopt;
      return std::pair{q, close + 2};
    }
    return std::nullopt;
  }

  void tokenize() {
    const auto fences = fenced_ranges(text_);
    auto in_fence = [&](size_t at) {
      return std::any_of(fences.begin(), fences.end(), [&](auto r) { return at > r.first && at < r.second; });
    };
    size_t done = 0;
    auto text_to = [&](size_t p) {
      if (p > done) tokens_.push_back({Token::text, text_.substr(done, p - done), "", {}, done});
      done = std::max(done, p);
    };
    for (size_t i = 0; (i = text_.find('{', i)) != std::string_view::npos;) {
      if (i + 1 >= text_.size() || (text_[i + 1] != '{' && text_[i + 1] != '%')) {
        ++i;
        continue;
      }
      const bool is_tag = text_[i + 1] == '%';
      size_t close = text_.find(is_tag ? "%}" : "}}", i + 2);
      if (close == std::string_view::npos) break;
      Token t;
      t.kind = is_tag ? Token::tag : Token::output;
      t.at = i;
      t.source = text_.substr(i, close + 2 - i);
      std::string_view inner = text_.substr(i + 2, close - i - 2);
      if (inner.starts_with('-')) t.trim_before = true, inner.remove_prefix(1);
      if (inner.ends_with('-')) t.trim_after = true, inner.remove_suffix(1);
      inner = trim(inner);
      if (is_tag) {
        size_t n = 0;
        while (n < inner.size() && is_name_char(inner[n])) ++n;
        t.name = std::string(inner.substr(0, n));
        t.args = trim(inner.substr(n));
        if (t.name.empty()) {
          i += 2;
          continue;
        }
      } else {
        t.args = inner;
      }
      text_to(i);
      if (t.name == "raw" || t.name == "comment") {
        auto end = end_tag(close + 2, t.name == "raw" ? "endraw" : "endcomment");
        size_t after = end ? end->second : text_.size();
        if (t.name == "raw" && in_fence(i))  // the markers go, the body stays as written
          tokens_.push_back({Token::text, text_.substr(close + 2, (end ? end->first : after) - close - 2), "", {}, i});
        else if (t.name == "raw")  // the shared expander's, as Hexo's raw
          tokens_.push_back({Token::text, text_.substr(i, after - i), "", {}, i});
        done = i = after;
        continue;
      }
      tokens_.push_back(t);
      done = i = close + 2;
    }
    text_to(text_.size());
  }

  // Renders tokens from `i` until a tag named in `stops` (returned, not consumed), or the end. `emit`: whether
  // this part is shown (a branch not taken is read only for its structure).
  size_t render(size_t i, std::string& out, bool emit, const std::set<std::string_view>& stops) {
    while (i < tokens_.size()) {
      const Token& t = tokens_[i];
      if (emit && t.trim_before)
        while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
      if (t.kind == Token::tag && stops.count(t.name)) return i;
      if (t.kind == Token::text) {
        std::string_view s = t.source;
        if (i > 0 && tokens_[i - 1].trim_after) s = s.substr(std::min(s.find_first_not_of(" \t\r\n"), s.size()));
        if (emit) out += s;
        ++i;
      } else if (t.kind == Token::output) {
        if (emit) out += output(t);
        ++i;
      } else {
        i = tag(i, out, emit);
      }
    }
    return i;
  }

  std::string output(const Token& t) {
    LiquidValue v = evaluate_liquid(t.args, vars_, [&](const std::string& f) {
      warn_once("filter:" + f, t.at, "unknown tag", "Liquid filter `" + f + "` is not known: value kept as it was");
    });
    if (!v.known) {
      std::string name(trim(t.args.substr(0, t.args.find('|'))));
      warn_once("var:" + name, t.at, "unknown variable",
                "`" + name + "` is known only to the published site: left empty");
    }
    return v.text;
  }

  size_t tag(size_t i, std::string& out, bool emit) {
    const Token& t = tokens_[i];
    if (t.name == "if" || t.name == "unless") return conditional(i, out, emit);
    if (t.name == "for") return loop(i, out, emit);
    if (t.name == "capture") {
      std::string captured;
      size_t end = render(i + 1, captured, emit, {"endcapture"});
      if (emit) vars_[std::string(trim(t.args))] = captured;
      return end + 1;
    }
    if (!emit) return i + 1;
    if (t.name == "assign") {
      size_t eq = t.args.find('=');
      if (eq != std::string_view::npos) assign(std::string(trim(t.args.substr(0, eq))), t.args.substr(eq + 1));
    } else if (t.name == "link") {
      out += "/" + std::string(trim(t.args));  // a site path to the file, resolved to its chapter by the links stage
    } else if (t.name == "post_url") {
      out += post_url(t);
    } else if (t.name == "include" || t.name == "include_relative" || t.name == "include_cached") {
      out += include(t);
    } else if (t.name == "break" || t.name == "continue" || t.name == "increment" || t.name == "decrement" ||
               t.name == "endif" || t.name == "endunless" || t.name == "endfor" || t.name == "else" ||
               t.name == "elsif" || t.name == "endcapture") {
      // stray ends and loop control outside what is rendered: nothing to show
    } else {
      out += t.source;  // a plugin's tag: the shared expander's
    }
    return i + 1;
  }

  // `assign x = value | filters`: a list or a map is copied under the new name, item by item.
  void assign(const std::string& name, std::string_view expression) {
    std::string_view e = trim(expression);
    std::string from(e);
    std::replace(from.begin(), from.end(), '[', '.');
    from.erase(std::remove_if(from.begin(), from.end(), [](char c) { return c == ']' || c == '"'; }), from.end());
    bool copied = false;
    if (e.find('|') == std::string_view::npos)
      for (auto it = vars_.lower_bound(from + "."); it != vars_.end() && it->first.starts_with(from + "."); ++it)
        vars_[name + it->first.substr(from.size())] = it->second, copied = true;
    if (!copied) vars_[name] = evaluate_liquid(e, vars_, [](const std::string&) {}).text;
  }

  size_t conditional(size_t i, std::string& out, bool emit) {
    const Token& open = tokens_[i];
    std::optional<bool> cond = liquid_condition(open.args, vars_);
    if (cond && open.name == "unless") cond = !*cond;
    if (!cond && emit)
      warn_once("cond:" + std::string(open.args), open.at, "unknown variable",
                "`{% " + open.name + " " + std::string(open.args) +
                    " %}` depends on what only the published site knows: its first branch is shown");
    const bool decided = cond.has_value();
    bool take = cond.value_or(true), taken = false;
    const std::string end = "end" + open.name;
    for (size_t j = i + 1;; ++j) {
      j = render(j, out, emit && take, {"elsif", "else", end});
      if (j >= tokens_.size()) return j;
      taken = taken || take;
      const Token& at = tokens_[j];
      if (at.name == end) return j + 1;
      take = decided && !taken && (at.name == "else" || liquid_condition(at.args, vars_).value_or(false));
    }
  }

  // `for x in list [limit:n] [offset:n] [reversed]`: over a list the book knows (a config list, a range); a list
  // only the published site has (site.posts, site.tags) is left out with a warning.
  size_t loop(size_t i, std::string& out, bool emit) {
    const Token& open = tokens_[i];
    std::string_view a = open.args;
    size_t in = a.find(" in ");
    std::string var(trim(a.substr(0, in)));
    std::string_view rest = in == std::string_view::npos ? "" : trim(a.substr(in + 4));
    std::string_view source = rest.substr(0, std::min(rest.find(' '), rest.size()));
    std::string_view options = rest.substr(source.size());
    std::vector<std::string> items;  // each item's dotted name, or its value for ranges
    bool known = true, range = false;
    if (source.starts_with('(') && source.find("..") != std::string_view::npos) {
      range = true;
      auto dots = source.find("..");
      auto bound = [&](std::string_view s) {
        return std::atoi(evaluate_liquid(s, vars_, [](const std::string&) {}).text.c_str());
      };
      int from = bound(source.substr(1, dots - 1)), to = bound(source.substr(dots + 2, source.size() - dots - 3));
      for (int n = from; n <= to && items.size() < 10000; ++n) items.push_back(std::to_string(n));
    } else {
      std::string list(source);
      std::replace(list.begin(), list.end(), '[', '.');
      for (size_t n = 0;; ++n) {
        std::string item = list + "." + std::to_string(n);
        auto it = vars_.lower_bound(item);
        if (it == vars_.end() || !(it->first == item || it->first.starts_with(item + "."))) break;
        items.push_back(item);
      }
      if (items.empty() && (list.starts_with("site.") || list.starts_with("page."))) known = false;
    }
    if (options.find("reversed") != std::string_view::npos) std::reverse(items.begin(), items.end());
    auto option = [&](std::string_view key) -> size_t {
      size_t at = options.find(key);
      return at == std::string_view::npos ? std::string_view::npos
                                          : size_t(std::atoi(options.data() + at + key.size()));
    };
    if (size_t offset = option("offset:"); offset != std::string_view::npos)
      items.erase(items.begin(), items.begin() + long(std::min(offset, items.size())));
    if (size_t limit = option("limit:"); limit != std::string_view::npos && limit < items.size()) items.resize(limit);
    if (!known && emit)
      warn_once("for:" + std::string(source), open.at, "unknown variable",
                "`{% for " + std::string(a) + " %}` runs over what only the published site has: left out");
    size_t body = i + 1, end = render(body, out, false, {"else", "endfor"});
    for (size_t n = 0; emit && known && n < items.size(); ++n) {
      for (auto it = vars_.lower_bound(var); it != vars_.end() && it->first.starts_with(var);)
        it = it->first == var || it->first[var.size()] == '.' ? vars_.erase(it) : std::next(it);
      if (range) vars_[var] = items[n];
      else assign(var, items[n]);
      vars_["forloop.index"] = std::to_string(n + 1);
      vars_["forloop.index0"] = std::to_string(n);
      vars_["forloop.first"] = n == 0 ? "true" : "false";
      vars_["forloop.last"] = n + 1 == items.size() ? "true" : "false";
      render(body, out, true, {"else", "endfor"});
    }
    if (end < tokens_.size() && tokens_[end].name == "else")
      end = render(end + 1, out, emit && known && items.empty(), {"endfor"});
    return end + 1;
  }

  // `{% post_url 2010-07-21-name %}` (also in a folder of _posts: `/folder/2010-07-21-name`).
  std::string post_url(const Token& t) {
    std::string name(trim(t.args));
    std::string stem = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (ctx_.post_href)
      if (auto href = ctx_.post_href(stem)) return *href;
    warn_once("post_url:" + name, t.at, "missing post", "post_url `" + name + "`: no such post, left empty");
    return "";
  }

  // `{% include file.html key=value key="value" %}`: the file from _includes (include_relative: beside the post),
  // rendered with its parameters as `include.key`.
  std::string include(const Token& t) {
    std::string_view a = t.args;
    size_t name_end = std::min(a.find_first_of(" \t"), a.size());
    std::string file(a.substr(0, name_end));
    if (file.starts_with("{{") && file.ends_with("}}"))
      file = evaluate_liquid(file.substr(2, file.size() - 4), vars_, [](const std::string&) {}).text;
    std::map<std::string, std::string> vars = vars_;
    for (auto it = vars.lower_bound("include."); it != vars.end() && it->first.starts_with("include.");)
      it = vars.erase(it);
    std::string_view params = a.substr(name_end);
    for (size_t p = 0; p < params.size();) {
      size_t eq = params.find('=', p);
      if (eq == std::string_view::npos) break;
      std::string key(trim(params.substr(p, eq - p)));
      size_t v = params.find_first_not_of(" \t", eq + 1), v_end;
      if (v == std::string_view::npos) break;
      if (params[v] == '"' || params[v] == '\'') v_end = std::min(params.find(params[v], v + 1), params.size()) + 1;
      else v_end = std::min(params.find_first_of(" \t", v), params.size());
      v_end = std::min(v_end, params.size());
      vars["include." + key] = evaluate_liquid(params.substr(v, v_end - v), vars_, [](const std::string&) {}).text;
      p = v_end;
    }
    const bool relative = t.name == "include_relative";
    std::optional<std::string> text;
    if (depth_ < kMaxIncludeDepth && ctx_.read_include && !file.empty())
      text = ctx_.read_include(relative ? file : "/_includes/" + file);
    if (!text) {
      warn_once("include:" + file, t.at, "missing include",
                t.name + " `" + file + "` not found" + (relative ? "" : " in _includes") + ": left out");
      return "";
    }
    if (included_ + text->size() > kMaxIncludedBytes) {
      included_ = kMaxIncludedBytes + 1;  // the includes after this one are left out too
      warn_once("include budget", t.at, "missing include",
                t.name + " `" + file + "` would take the text included into this post past " +
                    std::to_string(kMaxIncludedBytes >> 20) + " MB: left out, and any further include");
      return "";
    }
    included_ += text->size();
    std::string result =
        Renderer(*text, ctx_, diag_, warned_, included_, std::move(vars), depth_ + 1, line_of(t.at)).run();
    while (!result.empty() && result.back() == '\n') result.pop_back();
    return result;
  }
};

}  // namespace

std::string render_liquid(std::string_view text, const LiquidContext& context, Diagnostics& diag) {
  if (text.find("{{") == std::string_view::npos && text.find("{%") == std::string_view::npos) return std::string(text);
  std::set<std::string> warned;
  size_t included = 0;
  return Renderer(text, context, diag, warned, included, context.variables, 0, 0).run();
}

}  // namespace mkepub
