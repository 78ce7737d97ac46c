// Book identifiers (RFC 4122 UUIDs). libuuid is used here and nowhere else.
#include "book/identifier.h"

#include <uuid/uuid.h>

namespace mkepub {

std::optional<std::string> parse_uuid(const std::string& text) {
  uuid_t u;
  if (text.size() != 36 || uuid_parse(text.c_str(), u) != 0) return std::nullopt;
  char out[37];
  uuid_unparse_lower(u, out);
  return std::string(out);
}

std::string uuid_v5(const std::string& name) {
  uuid_t u;
  uuid_generate_sha1(u, *uuid_get_template("url"), name.data(), name.size());
  char out[37];
  uuid_unparse_lower(u, out);
  return out;
}

}  // namespace mkepub
