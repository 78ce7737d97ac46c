// Downloads over HTTP(S) with libcurl's multi interface: several at once, bounded, each with its limits.
#pragma once

#include <string>
#include <vector>

namespace mkepub {

struct FetchLimits {
  int connections = 8;    // transfers at once, in all
  int per_host = 2;       // transfers at once to one host (what browsers and pandoc's peers keep to)
  int host_failures = 2;  // connection failures after which a host's other URLs are not tried
  int max_redirects = 5;
  long connect_ms = 5000;       // name lookup and connection
  long total_ms = 25000;        // the whole transfer
  size_t max_bytes = 20 << 20;  // the body, decoded; the transfer stops as soon as it passes
};

struct Fetched {
  enum class Status { ok, http_error, timeout, too_big, unreachable, skipped, too_many_redirects, failed } status;
  std::string bytes;   // the body, when ok
  std::string detail;  // what went wrong, for the warning ("HTTP 404", curl's message)
};

// Fetches every URL (http:// or https:// only, redirects too), each once; the results in the order of `urls`,
// whatever order the transfers end in. A host that failed to connect `host_failures` times is not tried again:
// its remaining URLs are `skipped`; so are all remaining URLs once three hosts are given up on and none was reached.
std::vector<Fetched> fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits);

}  // namespace mkepub
