// Owning pointers for C libraries' objects: std::unique_ptr<T, Deleter<free_function>>.
#pragma once

namespace mkepub {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const { Free(p); }
};

}  // namespace mkepub
