// -M's pairs as the YAML map they stand for (command_line_keys.h).
#include <doctest/doctest.h>

#include "run/command_line_keys.h"

using namespace mkepub;

TEST_CASE("yaml_of_pairs: values stay text, a key given twice is a list, a key alone is true") {
  CHECK(yaml_of_pairs({"title=A: b # c", "vertical", "author=Ann", "author=Bo \"B\"", "series=[x]"}) ==
        "\"title\": \"A: b # c\"\n\"vertical\": \"true\"\n\"author\": [\"Ann\", \"Bo \\\"B\\\"\"]\n"
        "\"series\": \"[x]\"\n");
  CHECK(yaml_of_pairs({"title=a\\b\nc"}) == "\"title\": \"a\\\\b\\nc\"\n");
  CHECK(yaml_of_pairs({}).empty());
}

TEST_CASE("apply_command_line_keys: -M over the file, a flag over both, each key recorded as given") {
  Options o;
  o.title = "From Flag";
  std::set<std::string> given{"title"};
  Diagnostics diag;
  REQUIRE(apply_command_line_keys({"title=From M", "series=M Series", "toc_depth=2"}, "", o, given, diag));
  CHECK(o.title == "From Flag");
  CHECK(o.series == "M Series");
  CHECK(o.toc_depth == 2);
  CHECK(given.count("key:series") == 1);
  CHECK(given.count("key:toc_depth") == 1);
  CHECK(diag.errors().empty());
}
