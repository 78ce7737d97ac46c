// Posts (posts.h): drafts left out, ordering, and template tags expanded with post_link finding posts.
#include <doctest/doctest.h>

#include "sources/posts.h"

using namespace mkepub;

namespace {

SourceFile source(const std::string& path, const std::string& text) { return {path, path, "blog", text}; }

}  // namespace

TEST_CASE("posts: drafts are left out with a note and the rest ordered by date, then name") {
  Diagnostics diag;
  auto posts = parse_posts({source("blog/c.md", "---\ntitle: C\ndate: 2024-01-02\n---\nc\n"),
                            source("blog/a.md", "---\ntitle: A\n---\na\n"),
                            source("blog/b.md", "---\ntitle: B\ndate: 2024-01-01\n---\nb\n"),
                            source("blog/d.md", "---\ntitle: D\ndraft: true\n---\nd\n")},
                           false, diag);
  sort_posts(posts, Options::Sort::date);
  REQUIRE(posts.size() == 3);
  CHECK(posts[0].title == "B");
  CHECK(posts[1].title == "C");
  CHECK(posts[2].title == "A");  // no date: last
  REQUIRE(diag.notes().size() == 1);
  CHECK(diag.notes()[0].format("note") == "blog/d.md: note: draft left out");
}

TEST_CASE("posts: post_link finds a post by file name, by name without its date, or by title") {
  Diagnostics diag;
  auto posts = parse_posts({source("blog/2024-01-01-first-post.md", "---\ntitle: First Post\n---\nx\n"),
                            source("blog/sub/second.md",
                                   "---\ntitle: Second\n---\n{% post_link 2024-01-01-first-post %} "
                                   "{% post_link first-post 'the first' %} {% post_link 'First Post' %}\n")},
                           false, diag);
  auto read = [](const fs::path&) -> std::optional<std::string> { return std::nullopt; };
  expand_post_tags(posts, std::nullopt, read, diag);
  CHECK(posts[1].body ==
        "[First Post](../2024-01-01-first-post.md) [the first](../2024-01-01-first-post.md) "
        "[First Post](../2024-01-01-first-post.md)\n");
  CHECK(diag.warnings().empty());
}

TEST_CASE("posts: a post two books share is parsed once (its warnings said once), each book naming it its way") {
  PostMemo memo;
  Diagnostics diag;
  // A date that is not one is ignored with a warning: a second warning would mean a second parse.
  auto text = "---\ntitle: T\ndate: someday\n---\nbody\n";
  auto first = parse_posts({source("blog/a.md", text)}, false, diag, false, &memo);
  size_t warnings = diag.warnings().size() + diag.notes().size();
  REQUIRE(warnings == 1);
  SourceFile other{"blog/a.md", "../blog/a.md", "blog", text};
  auto second = parse_posts({other, source("blog/b.md", "---\ntitle: B\n---\nb\n")}, false, diag, false, &memo);
  CHECK(memo.reused == 1);
  CHECK(memo.parsed.size() == 2);
  CHECK(diag.warnings().size() + diag.notes().size() == warnings);
  REQUIRE(second.size() == 2);
  CHECK(second[0].title == "T");
  CHECK(second[0].body == first[0].body);
  CHECK(second[0].display == "../blog/a.md");
}
