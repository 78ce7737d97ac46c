// Work spread over threads (parallel.h).
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "base/parallel.h"

using namespace mkepub;

TEST_CASE("parallel_for does every item once, whatever the number of threads") {
  for (int jobs : {0, 1, 3, 64}) {
    std::vector<std::atomic<int>> done(1000);
    parallel_for(done.size(), jobs, [&](size_t i) { ++done[i]; });
    int once = 0;
    for (auto& d : done) once += d == 1;
    CHECK(once == 1000);
  }
  parallel_for(0, 4, [](size_t) { FAIL("no items, no calls"); });
}

TEST_CASE("parallel_for rethrows the first exception after every thread has stopped") {
  std::atomic<int> calls{0};
  CHECK_THROWS_AS(parallel_for(100, 4,
                               [&](size_t i) {
                                 ++calls;
                                 if (i == 10) throw std::runtime_error("item 10");
                               }),
                  std::runtime_error);
  CHECK(calls == 100);  // the other items still ran
}
