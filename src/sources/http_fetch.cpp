// Remote downloads (libcurl multi interface, https://curl.se/libcurl/c/libcurl-multi.html): mkepub schedules the
// transfers itself, so that a host that cannot be reached is given up after a few tries instead of costing a
// timeout for each of its URLs.
#include "sources/http_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace mkepub {
namespace {

// "https://User@Img.Example.com:8080/a.png" -> "img.example.com:8080": what a connection is made to.
std::string host_key(const std::string& url) {
  size_t start = url.find("//");
  start = start == std::string::npos ? 0 : start + 2;
  size_t end = std::min(url.find_first_of("/?#", start), url.size());
  std::string host = url.substr(start, end - start);
  if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  return host;
}

struct Transfer {
  size_t index = 0;
  std::string host;
  std::string body;
  size_t max_bytes = 0;
  bool too_big = false;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy{nullptr, curl_easy_cleanup};
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body.append(data, n);
  return n;
}

void configure(Transfer& t, const std::string& url, const FetchLimits& limits) {
  CURL* e = t.easy.get();
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(limits.max_redirects));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, limits.total_ms);
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes (gzip, deflate...)
  curl_easy_setopt(e, CURLOPT_USERAGENT, "mkepub/" MKEPUB_VERSION);
}

// Whether the failure says the host itself is out of reach (no name, no route, refused, no answer).
bool host_failed(CURLcode code) {
  return code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_PROXY;
}

Fetched result_of(Transfer& t, CURLcode code, bool connected) {
  if (t.too_big || code == CURLE_FILESIZE_EXCEEDED) return {Fetched::Status::too_big, {}, "larger than the limit"};
  if (code == CURLE_OPERATION_TIMEDOUT)
    return {connected ? Fetched::Status::timeout : Fetched::Status::unreachable, {}, curl_easy_strerror(code)};
  if (host_failed(code)) return {Fetched::Status::unreachable, {}, curl_easy_strerror(code)};
  if (code == CURLE_TOO_MANY_REDIRECTS) return {Fetched::Status::too_many_redirects, {}, curl_easy_strerror(code)};
  if (code != CURLE_OK) return {Fetched::Status::failed, {}, curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) return {Fetched::Status::http_error, {}, "HTTP " + std::to_string(status)};
  return {Fetched::Status::ok, std::move(t.body), {}};
}

}  // namespace

std::vector<Fetched> fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits) {
  std::vector<Fetched> out(urls.size(), Fetched{Fetched::Status::skipped, {}, {}});
  if (urls.empty()) return out;
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(), curl_multi_cleanup);
  std::deque<size_t> waiting;
  for (size_t i = 0; i < urls.size(); ++i) waiting.push_back(i);
  std::map<std::string, int> busy, failures;
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  // No network at all (a laptop on a train, CI): once `kHostsBeforeNoNetwork` hosts are given up on and no
  // transfer has reached any host, the rest are not tried either, so that each host's name lookup does not cost
  // its timeout.
  constexpr int kHostsBeforeNoNetwork = 3;
  int hosts_given_up = 0;
  bool reached_any = false;

  // Starts what the limits allow, in the order of `urls`; a URL whose host is given up is `skipped` at once.
  auto start_more = [&] {
    for (auto it = waiting.begin(); it != waiting.end() && running.size() < size_t(limits.connections);) {
      std::string host = host_key(urls[*it]);
      if (failures[host] >= limits.host_failures || (!reached_any && hosts_given_up >= kHostsBeforeNoNetwork)) {
        out[*it] = {Fetched::Status::skipped, {}, "the host could not be reached"};
        it = waiting.erase(it);
        continue;
      }
      if (busy[host] >= limits.per_host) {
        ++it;
        continue;
      }
      auto t = std::make_unique<Transfer>();
      t->index = *it;
      t->host = host;
      t->max_bytes = limits.max_bytes;
      t->easy.reset(curl_easy_init());
      configure(*t, urls[*it], limits);
      curl_multi_add_handle(multi.get(), t->easy.get());
      ++busy[host];
      running.emplace(t->easy.get(), std::move(t));
      it = waiting.erase(it);
    }
  };

  start_more();
  while (!running.empty()) {
    int still = 0;
    curl_multi_perform(multi.get(), &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto node = running.extract(msg->easy_handle);
      Transfer& t = *node.mapped();
      curl_off_t connect_us = 0;
      curl_easy_getinfo(t.easy.get(), CURLINFO_CONNECT_TIME_T, &connect_us);
      CURLcode code = msg->data.result;
      out[t.index] = result_of(t, code, connect_us > 0);
      if (out[t.index].status != Fetched::Status::unreachable) reached_any = true;
      else if (++failures[t.host] == limits.host_failures) ++hosts_given_up;
      --busy[t.host];
      curl_multi_remove_handle(multi.get(), t.easy.get());
    }
    start_more();
    if (!running.empty()) curl_multi_poll(multi.get(), nullptr, 0, 200, nullptr);
  }
  return out;
}

}  // namespace mkepub
