// Digests: SHA-1 for font obfuscation (the IDPF algorithm names it), SHA-256 for the build cache's keys.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/options.h"
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

// A cache key: fields hashed length-prefixed, so that no two different sequences of fields hash alike.
struct KeyHash {
  Sha256 h;
  KeyHash& str(std::string_view s) {
    h.add(std::to_string(s.size())).add(":").add(s);
    return *this;
  }
  KeyHash& num(long long n) { return str(std::to_string(n)); }
  KeyHash& list(const std::vector<std::string>& items) {
    num(static_cast<long long>(items.size()));
    for (const auto& s : items) str(s);
    return *this;
  }
  KeyHash& date(const std::optional<Date>& d) {
    if (!d) return str("-");
    num(d->year).num(d->month).num(d->day).num(d->hour).num(d->minute).num(d->second).num(d->has_time);
    return d->zone_minutes ? num(*d->zone_minutes) : str("-");
  }
};

}  // namespace mkepub
