// URL schemes (RFC 3986, section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before a colon).
#include "base/url.h"

#include <cctype>
#include <cstdio>
#include <string>

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

namespace {

// Where the host of `url` lies: after `scheme://` and any `user@`, up to the path, query, fragment or port.
struct HostSpan {
  size_t begin = 0, end = 0;  // end: before `:port` if any
  size_t authority_end = 0;
  bool found = false;
};

HostSpan host_span(std::string_view url) {
  HostSpan h;
  auto scheme = url_scheme(url);
  if (scheme.empty() || url.substr(scheme.size() + 1, 2) != "//") return h;
  size_t start = scheme.size() + 3;
  size_t end = url.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = url.size();
  size_t at = url.substr(start, end - start).rfind('@');
  if (at != std::string_view::npos) start += at + 1;
  h.begin = start;
  h.authority_end = h.end = end;
  if (start < end && url[start] == '[') {
    size_t close = url.find(']', start);
    h.end = close == std::string_view::npos || close > end ? end : close + 1;
  } else if (size_t colon = url.substr(start, end - start).find(':'); colon != std::string_view::npos) {
    h.end = start + colon;
  }
  h.found = true;
  return h;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// The bytes of a host with its percent escapes decoded; false when an escape is malformed.
bool decode(std::string_view in, std::string& out) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size() || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) return false;
    out += static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
    i += 2;
  }
  return true;
}

// The UTF-8 encodings of the invisible characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, WORD JOINER, BOM, SOFT HYPHEN.
const char* const kInvisible[] = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x80\x8E",
                                  "\xE2\x80\x8F", "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xC2\xAD"};

}  // namespace

std::string without_invisible_host_characters(std::string_view url) {
  HostSpan h = host_span(url);
  if (!h.found) return std::string(url);
  std::string host;
  if (!decode(url.substr(h.begin, h.end - h.begin), host)) return std::string(url);
  bool changed = false;
  for (const char* bytes : kInvisible)
    for (size_t at; (at = host.find(bytes)) != std::string::npos; changed = true) host.erase(at, std::string(bytes).size());
  if (!changed) return std::string(url);
  return std::string(url.substr(0, h.begin)) + host + std::string(url.substr(h.end));
}

bool has_parsable_host(std::string_view url) {
  HostSpan h = host_span(url);
  if (!h.found) return true;
  std::string_view raw = url.substr(h.begin, h.end - h.begin);
  std::string_view port = url.substr(h.end, h.authority_end - h.end);
  if (!port.empty()) {
    if (port[0] != ':') return false;
    for (char c : port.substr(1))
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  if (!raw.empty() && raw[0] == '[') {
    if (raw.size() < 3 || raw.back() != ']') return false;
    for (char c : raw.substr(1, raw.size() - 2))
      if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
    return true;
  }
  std::string host;
  if (!decode(raw, host)) return false;
  auto scheme = url_scheme(url);
  if (host.empty()) return scheme != "http" && scheme != "https" && scheme != "ftp" && scheme != "ftps";
  for (unsigned char c : host)
    if (c <= 0x20 || c == 0x7F || std::string_view("#%/:<>?@[\\]^|").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  for (const char* bytes : kInvisible)
    if (host.find(bytes) != std::string::npos) return false;
  return true;
}

std::string uri_escape(std::string_view url) {
  static const std::string excluded = " \"<>\\^`{|}";
  std::string out;
  bool fragment = false;
  for (unsigned char c : url) {
    bool escape = c < 0x21 || c >= 0x7F || excluded.find(static_cast<char>(c)) != std::string::npos || (c == '#' && fragment);
    if (c == '#') fragment = true;
    if (!escape) {
      out += static_cast<char>(c);
      continue;
    }
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    out += buf;
  }
  return out;
}

}  // namespace mkepub
