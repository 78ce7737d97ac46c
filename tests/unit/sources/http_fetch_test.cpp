// Downloads (http_fetch.h) against closed ports on loopback, which refuse at once: how hosts are given up on.
#include <doctest/doctest.h>

#include "sources/http_fetch.h"

using namespace mkepub;

namespace {

std::vector<std::string> statuses(const std::vector<Fetched>& results) {
  std::vector<std::string> out;
  for (const auto& r : results)
    out.push_back(r.status == Fetched::Status::unreachable ? "unreachable"
                  : r.status == Fetched::Status::skipped   ? "skipped"
                                                           : "other");
  return out;
}

}  // namespace

TEST_CASE("fetch_all: a host refusing twice is given up, and three such with none reached stop the rest") {
  std::vector<std::string> urls;
  for (int port : {1, 7, 9, 13})
    for (int i = 0; i < 3; ++i) urls.push_back("http://127.0.0.1:" + std::to_string(port) + "/" + std::to_string(i));
  FetchLimits one_at_a_time;
  one_at_a_time.connections = 1;  // so that which transfer ends first is fixed
  auto results = fetch_all(urls, one_at_a_time);
  CHECK(statuses(results) == std::vector<std::string>{"unreachable", "unreachable", "skipped",  // port 1
                                                      "unreachable", "unreachable", "skipped",  // port 7
                                                      "unreachable", "unreachable", "skipped",  // port 9
                                                      "skipped", "skipped", "skipped"});        // port 13
  CHECK(fetch_all({}, one_at_a_time).empty());
}

TEST_CASE("fetch_all: only http and https") {
  auto results = fetch_all({"file:///etc/hostname", "ftp://127.0.0.1:1/x"}, FetchLimits{});
  REQUIRE(results.size() == 2);
  CHECK(results[0].status == Fetched::Status::failed);
  CHECK(results[1].status == Fetched::Status::failed);
  CHECK(results[0].bytes.empty());
}
