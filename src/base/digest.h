// Digests: SHA-1 for font obfuscation (the IDPF algorithm names it), SHA-256 for the build cache's keys.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace mkepub {

// The 20 raw bytes of the SHA-1 of `data`.
std::string sha1(std::string_view data);

// A running SHA-256: feed it pieces, read the hex digest.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256& add(std::string_view data);
  std::string hex();  // ends the digest

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace mkepub
