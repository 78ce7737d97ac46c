// "Did you mean" (suggest.h): typos find their word, unrelated words find none.
#include <doctest/doctest.h>

#include "base/suggest.h"

using namespace mkepub;

TEST_CASE("closest_match: a typo finds the word it was meant to be") {
  const std::vector<std::string> flags{"--output", "--offline", "--title", "--toc-depth", "--split-by", "--verbose"};
  CHECK(closest_match("--ouput", flags) == "--output");     // a letter left out
  CHECK(closest_match("--outptu", flags) == "--output");    // two swapped
  CHECK(closest_match("--tilte", flags) == "--title");
  CHECK(closest_match("--toc-dept", flags) == "--toc-depth");
  CHECK(closest_match("--splitby", flags) == "--split-by");
  CHECK(closest_match("--verbos", flags) == "--verbose");
}

TEST_CASE("closest_match: nothing for a word that is no typo of any") {
  const std::vector<std::string> keys{"title", "authors", "cover", "sources", "toc_depth"};
  CHECK(closest_match("colour", keys).empty());
  CHECK(closest_match("x", keys).empty());
  CHECK(closest_match("", keys).empty());
  CHECK(closest_match("titel", keys) == "title");
  CHECK(closest_match("year", {"year", "tag"}) == "year");
  CHECK(closest_match("yaer", {"year", "category", "tag"}) == "year");
  CHECK(closest_match("tga", {"year", "category", "tag"}) == "tag");
  CHECK(closest_match(std::string(100, 'a'), {std::string(100, 'a')}).empty());
}
