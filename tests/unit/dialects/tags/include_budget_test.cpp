// Includes share one budget per post (kMaxIncludedBytes): one that fans out, or one huge file, stops at it with a
// warning instead of multiplying the post (tags.h, liquid.h).
#include <doctest/doctest.h>

#include <map>

#include "../../strings.h"
#include "base/input_limits.h"
#include "dialects/jekyll/liquid.h"
#include "dialects/tags/tags.h"

using namespace mkepub;

namespace {

using Files = std::map<std::string, std::string>;

std::function<std::optional<std::string>(const std::string&)> reader(Files files, std::string prefix = "") {
  return [files = std::move(files), prefix](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path.substr(prefix.size()));
    if (path.rfind(prefix, 0) != 0 || it == files.end()) return std::nullopt;
    return it->second;
  };
}

Strings warnings_of(const Diagnostics& diag) {
  Strings out;
  for (const auto& w : diag.warnings()) out.push_back(w.format("warning"));
  return out;
}

const std::string kMegabyte(1 << 20, 'x');

}  // namespace

TEST_CASE("include budget: an include that includes itself twice stops at 4 MB, not 2^8 copies") {
  TagContext ctx;
  ctx.display = "post.md";
  ctx.read_include = reader({{"self.md", kMegabyte + "\n{% include self.md %}\n{% include self.md %}\n"}});
  Diagnostics diag;
  std::string out = expand_tags("{% include self.md %}\n", ctx, diag);
  CHECK(out.size() <= kMaxIncludedBytes + 1000);
  CHECK(out.size() >= 3 * kMegabyte.size());
  CHECK(warnings_of(diag) == Strings{"post.md:1: warning: include `self.md` would take the text included into this "
                                     "post past 4 MB: left out, and any further include"});
}

TEST_CASE("include budget: a 5 MB include is left out, and the includes after it") {
  TagContext ctx;
  ctx.display = "post.md";
  ctx.read_include = reader({{"big.md", std::string(5 << 20, 'y')}, {"small.md", "small"}});
  Diagnostics diag;
  std::string out =
      expand_tags("{% include small.md %}\n\n{% include big.md %}\n\n{% include small.md %}\n", ctx, diag);
  CHECK(out == "small\n\n\n\n\n");
  CHECK(warnings_of(diag) == Strings{"post.md:3: warning: include `big.md` would take the text included into this "
                                     "post past 4 MB: left out, and any further include"});
}

TEST_CASE("include budget: Jekyll's Liquid includes share it too") {
  LiquidContext ctx;
  ctx.display = "post.md";
  ctx.read_include = reader({{"fan.html", kMegabyte + "{% include fan.html %}{% include fan.html %}"}}, "/_includes/");
  Diagnostics diag;
  std::string out = render_liquid("{% include fan.html %}", ctx, diag);
  CHECK(out.size() <= kMaxIncludedBytes);
  CHECK(out.size() >= 3 * kMegabyte.size());
  CHECK(warnings_of(diag) == Strings{"post.md:1: warning: include `fan.html` would take the text included into this "
                                     "post past 4 MB: left out, and any further include"});
}
