// URL schemes (RFC 3986, section 3.1): which links a book may carry, for posts' links and a site's url alike.
#pragma once

#include <string>
#include <string_view>

namespace mkepub {

// The scheme of `url`, lowercased ("https" of "HTTPS://x"), or "" when it has none (a relative or `//host` URL).
std::string url_scheme(std::string_view url);

// Whether reading systems open links of this (lowercase) scheme: the web's, mail's and a few more IANA-registered
// ones. Others are not links a book may carry: `javascript` and `data` run or hide content, `file` leads out of
// the book, and epubcheck warns on unregistered ones such as docs' `xref`.
bool is_web_scheme(std::string_view scheme);

// Whether `url` is an http or https URL: what a site's published address must be for links to point into it.
bool is_http_url(std::string_view url);

// `url` without the invisible characters (zero-width spaces and joiners, soft hyphens, byte order marks; raw or
// percent-encoded) that text copied from a web page leaves in a link's host: no host holds them.
std::string without_invisible_host_characters(std::string_view url);

// Whether the host of a `scheme://host/...` URL is one a URL parser reads (the WHATWG URL Standard's host parsing:
// no forbidden code point, also when percent-encoded; a bracketed IPv6 address; a numeric port). URLs without
// `//` have no host and pass. epubcheck warns of the others (RSC-023), and readers cannot open them.
bool has_parsable_host(std::string_view url);

// A URL as EPUB's URI checks and HTTP requests accept it: spaces, non-ASCII bytes, characters URIs exclude and any
// `#` after the first percent-encoded (links copied from browsers carry all of these).
std::string uri_escape(std::string_view url);

}  // namespace mkepub
