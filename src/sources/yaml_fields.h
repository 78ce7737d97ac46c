// Sources: typed values out of a YAML map (https://yaml.org/spec/1.2.2/), the one reader behind front matter,
// site configs (_config.yml) and book configs (mkepub.yaml), with every problem reported at its file:line:col.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// How a reader reports a value it cannot use. Posts and site configs are written for another tool, so an odd
// value there is a warning and the value is ignored; a book config is written for mkepub, so it is an error.
struct YamlReporting {
  bool strict = false;  // errors, whose messages say what was found ("expected a string, not a list")
  std::string prefix;   // before the key in messages: "front matter " gives "front matter `title`: ..."
  std::string kind;     // the warnings' group in the run's summary
  int first_line = 1;   // the document's first line in its file (a post's front matter starts on line 2)
};

class YamlFields {
 public:
  YamlFields(std::string display, Diagnostics& diag, YamlReporting how);

  // "`key`: what" at `node`: a warning ending "; ignored", or a strict reader's error.
  void report(const YAML::Node& node, const std::string& key, const std::string& what);
  // Any message at `mark`, always an error (an unknown key, a file that does not exist).
  void error(const YAML::Mark& mark, const std::string& message);
  int errors() const { return errors_; }
  // Line and column in the file; 0, 0 for a null mark.
  std::pair<int, int> position(const YAML::Mark& mark) const;

  // A single value, as written (untrimmed); nothing for null or a list or map (reported).
  std::optional<std::string> scalar(const YAML::Node& node, const std::string& key);
  // A value or a list of them, appended to `out`; false when nothing was taken (null, or a strict reader's
  // error, which leaves `out` as it was). Lenient: nested lists are flattened in order (Hexo's category
  // hierarchies), empty and repeated values skipped, other items reported and skipped. Strict: exactly a string
  // or a list of strings.
  bool list(const YAML::Node& node, const std::string& key, std::vector<std::string>& out);
  // People: `Ann`, `{name: Ann, email: ...}` (Jekyll), or a list of either (Jekyll, Vivliostyle, pandoc);
  // trimmed, empty and repeated names skipped.
  void names(const YAML::Node& node, const std::string& key, std::vector<std::string>& out);
  // true/false (also yes/no, on/off); null is absent for a lenient reader, an error for a strict one.
  std::optional<bool> boolean(const YAML::Node& node, const std::string& key);
  // A whole number from `min` to `max`; null is as for boolean().
  std::optional<int> integer(const YAML::Node& node, const std::string& key, int min, int max);
  // A date as posts write them (base/dates.h); an empty or null value is absent.
  std::optional<Date> date(const YAML::Node& node, const std::string& key);

 private:
  void lenient_list(const YAML::Node& node, const std::string& key, std::vector<std::string>& out,
                    std::unordered_set<std::string>& seen);
  std::string display_;
  Diagnostics& diag_;
  YamlReporting how_;
  int errors_ = 0;
};

}  // namespace mkepub
