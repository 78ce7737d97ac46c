// URL schemes (url.h): strings in, schemes out.
#include <doctest/doctest.h>

#include "base/url.h"

using namespace mkepub;

TEST_CASE("url_scheme: the scheme lowercased, or nothing for relative and scheme-relative URLs") {
  CHECK(url_scheme("https://hexo.io") == "https");
  CHECK(url_scheme("JavaScript:alert(1)") == "javascript");
  CHECK(url_scheme("svn+ssh://host/x") == "svn+ssh");
  CHECK(url_scheme("mailto:a@b.c") == "mailto");
  CHECK(url_scheme("file:///etc/passwd") == "file");
  CHECK(url_scheme("") == "");
  CHECK(url_scheme("//hexo.io") == "");
  CHECK(url_scheme("docs/a.md") == "");
  CHECK(url_scheme("/a:b") == "");
  CHECK(url_scheme("1http://x") == "");      // a scheme starts with a letter
  CHECK(url_scheme(" javascript:x") == "");  // a space before it: a relative path, not a scheme
  CHECK(url_scheme("http") == "");
}

TEST_CASE("is_http_url and is_web_scheme: what a site's url and posts' links may be") {
  CHECK(is_http_url("https://hexo.io"));
  CHECK(is_http_url("HTTP://example.com"));
  CHECK_FALSE(is_http_url("javascript:alert(1)"));
  CHECK_FALSE(is_http_url("mailto:a@b.c"));
  CHECK_FALSE(is_http_url("example.com"));
  CHECK(is_web_scheme("mailto"));
  CHECK(is_web_scheme("https"));
  CHECK_FALSE(is_web_scheme("javascript"));
  CHECK_FALSE(is_web_scheme("data"));
  CHECK_FALSE(is_web_scheme("file"));
  CHECK_FALSE(is_web_scheme("xref"));
}
