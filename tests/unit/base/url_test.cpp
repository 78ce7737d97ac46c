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

TEST_CASE("has_parsable_host: hosts a URL parser reads, and the ones epubcheck cannot (RSC-023)") {
  for (const char* ok : {"https://example.com/a", "http://user:pw@example.com:8080/x?y#z", "https://例子.测试/",
                         "http://[::1]:80/", "mailto:a@b.c", "urn:isbn:123", "https://a.b?q=[x]", "file:///tmp/x",
                         "http://%E4%BE%8B.com/"})
    CHECK_MESSAGE(has_parsable_host(ok), ok);
  for (const char* bad : {"https://mademistakes.com%5B_work/x.md%5D(_work/x.md)", "http://\xE2\x80\x8Bsktchy.com/p",
                          "http://%E2%80%8Bsktchy.com/p", "https://a b.com/", "https://a<b.com", "http:///path",
                          "https://x.com:80a/", "http://[::1/", "https://a%2.com", "https://a%25b.com"})
    CHECK_MESSAGE(!has_parsable_host(bad), bad);
}

TEST_CASE("without_invisible_host_characters: copy-paste's zero-width characters leave the host, nothing else") {
  CHECK(without_invisible_host_characters("http://%E2%80%8Bsktchy.com/p6juFc") == "http://sktchy.com/p6juFc");
  CHECK(without_invisible_host_characters("http://\xE2\x80\x8Bsktchy.com\xC2\xAD/") == "http://sktchy.com/");
  // In the path they are the page's business.
  CHECK(without_invisible_host_characters("http://a.com/%E2%80%8B") == "http://a.com/%E2%80%8B");
  CHECK(without_invisible_host_characters("docs/%E2%80%8B") == "docs/%E2%80%8B");
}
