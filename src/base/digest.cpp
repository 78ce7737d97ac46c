// Digests (FIPS 180-4). nettle is used here and nowhere else: a one-call digest with no library initialisation,
// no global state and no deprecated API (OpenSSL 3 deprecates SHA1_*), the smallest dependency of the three.
#include "base/digest.h"

#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include <cstdint>
#include <cstdio>

namespace mkepub {

std::string sha1(std::string_view data) {
  sha1_ctx ctx;
  sha1_init(&ctx);
  sha1_update(&ctx, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  uint8_t digest[SHA1_DIGEST_SIZE];
  sha1_digest(&ctx, sizeof digest, digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

struct Sha256::State {
  sha256_ctx ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { sha256_init(&state_->ctx); }
Sha256::~Sha256() = default;

Sha256& Sha256::add(std::string_view data) {
  sha256_update(&state_->ctx, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  return *this;
}

std::string Sha256::hex() {
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&state_->ctx, sizeof digest, digest);
  std::string out;
  char buf[3];
  for (uint8_t b : digest) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

}  // namespace mkepub
