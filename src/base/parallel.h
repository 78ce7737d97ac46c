// Work spread over threads: posts of a book, books of an anthology.
#pragma once

#include <cstddef>
#include <functional>

namespace mkepub {

// Calls `work(i)` for every i in [0, n) on up to `jobs` threads (0: every core), the calling thread among them.
// Each i is done once; the first exception thrown is rethrown after all threads have stopped.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& work);

}  // namespace mkepub
