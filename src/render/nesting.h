// How deeply raw HTML nests, estimated from its tags alone: measured before gumbo sees the HTML, since gumbo's
// tree building slows down quadratically with depth and the converters that walk its tree recurse.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

// The error for a post nested deeper than kMaxNesting (input_limits.h).
std::string too_deep_message();

// The elements left open by the raw HTML read so far, as an HTML parser would nest them: an end tag closes up to
// the element it names; void elements, self-closing tags and elements whose end tag is optional (p, li, td...,
// which the next of their kind closes) are not counted. Never less deep than the parser's tree, for what
// matters here.
class HtmlNesting {
 public:
  // Reads `html`, and returns the most elements open at once while reading it, with the line (counted from 0
  // within `html`) where that maximum was first reached. Stops reading once more than `limit` are open.
  struct Peak {
    size_t depth = 0;
    int line = 0;
  };
  Peak feed(std::string_view html, size_t limit);
  size_t depth() const { return open_.size(); }

 private:
  std::vector<std::string> open_;
  std::string raw_text_end_;  // inside <script> or <style>: the end tag that closes it ("</script")
};

}  // namespace mkepub
