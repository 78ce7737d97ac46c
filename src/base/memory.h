// Memory given back between stages: glibc keeps what a stage freed resident, in each thread's arena, for the next
// one; a stage that frees much hands it back to the system as it ends, so the peak is what one stage holds.
#pragma once

#include <malloc.h>

namespace mkepub {

struct GiveBackMemoryOnExit {
  GiveBackMemoryOnExit() = default;
  GiveBackMemoryOnExit(const GiveBackMemoryOnExit&) = delete;
  GiveBackMemoryOnExit& operator=(const GiveBackMemoryOnExit&) = delete;
  ~GiveBackMemoryOnExit() { malloc_trim(0); }
};

}  // namespace mkepub
