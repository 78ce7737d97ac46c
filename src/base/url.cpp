// URL schemes (RFC 3986, section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before a colon).
#include "base/url.h"

#include <cctype>

namespace mkepub {

std::string url_scheme(std::string_view url) {
  size_t i = 0;
  while (i < url.size() &&
         (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' || url[i] == '.'))
    ++i;
  if (i == 0 || i >= url.size() || url[i] != ':' || !std::isalpha(static_cast<unsigned char>(url[0]))) return "";
  std::string scheme(url.substr(0, i));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

bool is_web_scheme(std::string_view scheme) {
  for (const char* known : {"http", "https", "mailto", "ftp", "ftps", "tel", "sms", "news", "nntp", "irc", "ircs",
                            "urn", "geo", "magnet", "git", "ssh", "xmpp"})
    if (scheme == known) return true;
  return false;
}

bool is_http_url(std::string_view url) {
  auto scheme = url_scheme(url);
  return scheme == "http" || scheme == "https";
}

}  // namespace mkepub
