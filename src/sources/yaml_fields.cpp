// Sources: typed values out of a YAML map, for front matter, site configs and book configs alike; yaml-cpp's
// nodes and marks in, values and file:line:col messages out.
#include "sources/yaml_fields.h"

#include <algorithm>
#include <unordered_set>

#include "base/dates.h"
#include "base/input_limits.h"
#include "base/text.h"

namespace mkepub {
namespace {

// A scalar's text without the characters XML forbids: YAML's escapes ("\0", "\x07") can put any of them in a
// title, and a NUL would cut the value wherever a C string is made of it.
std::string text_of(const YAML::Node& node) { return xml_text(node.Scalar()); }

}  // namespace

YamlFields::YamlFields(std::string display, Diagnostics& diag, YamlReporting how)
    : display_(std::move(display)), diag_(diag), how_(std::move(how)) {}

std::pair<int, int> YamlFields::position(const YAML::Mark& mark) const {
  if (mark.is_null()) return {0, 0};
  return {how_.first_line + mark.line, mark.column + 1};
}

void YamlFields::error(const YAML::Mark& mark, const std::string& message) {
  ++errors_;
  auto [line, col] = position(mark);
  diag_.error({display_, line, col, message, ""});
}

void YamlFields::report(const YAML::Node& node, const std::string& key, const std::string& what) {
  std::string message = how_.prefix + "`" + key + "`: " + what;
  if (how_.strict) return error(node.Mark(), message);
  auto [line, col] = position(node.Mark());
  diag_.warn({display_, line, col, message + "; ignored", how_.kind});
}

std::optional<std::string> YamlFields::scalar(const YAML::Node& node, const std::string& key) {
  if (node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    report(node, key,
           how_.strict ? std::string("expected a string, not ") + (node.IsSequence() ? "a list" : "a map")
                       : "expected a single value");
    return std::nullopt;
  }
  if (node.Scalar().size() > kMaxMetadataBytes) {
    report(node, key,
           "a value of " + std::to_string(node.Scalar().size() >> 10) + " KB; the limit is " +
               std::to_string(kMaxMetadataBytes >> 10) + " KB");
    return std::nullopt;
  }
  return text_of(node);
}

bool YamlFields::list(const YAML::Node& node, const std::string& key, std::vector<std::string>& out) {
  if (node.IsNull()) return false;
  if (how_.strict) {
    if (node.IsScalar()) {
      out.push_back(text_of(node));
      return true;
    }
    if (!node.IsSequence()) {
      report(node, key, "expected a string or a list of strings, not a map");
      return false;
    }
    std::vector<std::string> items;
    for (const auto& item : node) {
      auto s = scalar(item, key);
      if (!s) return false;
      items.push_back(*s);
    }
    out.insert(out.end(), items.begin(), items.end());
    return true;
  }
  std::unordered_set<std::string> seen(out.begin(), out.end());  // not a search of `out` per value: 100000 tags
  lenient_list(node, key, out, seen);
  return true;
}

void YamlFields::lenient_list(const YAML::Node& node, const std::string& key, std::vector<std::string>& out,
                              std::unordered_set<std::string>& seen) {
  if (node.IsScalar()) {
    if (node.Scalar().size() > kMaxMetadataBytes) scalar(node, key);  // reports it
    else if (std::string s = text_of(node); !s.empty() && seen.insert(s).second) out.push_back(std::move(s));
  } else if (node.IsSequence()) {
    for (const auto& item : node) lenient_list(item, key, out, seen);
  } else {
    report(node, key, "expected a value or a list");
  }
}

void YamlFields::names(const YAML::Node& node, const std::string& key, std::vector<std::string>& out) {
  if (node.IsNull()) return;
  if (node.IsScalar()) {
    std::string name(trim(text_of(node)));
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  } else if (node.IsMap() && node["name"]) {
    names(node["name"], key + ".name", out);
  } else if (node.IsSequence()) {
    for (const auto& item : node) names(item, key, out);
  } else {
    report(node, key, "expected a name, a map with `name`, or a list of them");
  }
}

std::optional<bool> YamlFields::boolean(const YAML::Node& node, const std::string& key) {
  // `toc:` with nothing after it is absent, as for the other fields (a null node's mark is the next line).
  if (node.IsNull() && !how_.strict) return std::nullopt;
  bool b = false;
  if (node.IsScalar() && YAML::convert<bool>::decode(node, b)) return b;
  report(node, key, "expected true or false");
  return std::nullopt;
}

std::optional<int> YamlFields::integer(const YAML::Node& node, const std::string& key, int min, int max) {
  if (node.IsNull() && !how_.strict) return std::nullopt;
  int n = 0;
  if (node.IsScalar() && YAML::convert<int>::decode(node, n) && n >= min && n <= max) return n;
  report(node, key, "expected a number from " + std::to_string(min) + " to " + std::to_string(max));
  return std::nullopt;
}

std::optional<Date> YamlFields::date(const YAML::Node& node, const std::string& key) {
  auto text = scalar(node, key);
  if (!text || (text->empty() && !how_.strict)) return std::nullopt;
  auto d = parse_date(*text);
  if (!d)
    report(node, key, "`" + *text + "` is not a date" + (how_.strict ? "" : " (expected e.g. 2025-07-20 02:20:08)"));
  return d;
}

}  // namespace mkepub
