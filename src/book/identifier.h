// Book identifiers: `urn:uuid:` identifiers (RFC 4122) that stay the same from one build to the next.
#pragma once

#include <optional>
#include <string>

namespace mkepub {

// The lower-case form of `text` when it is a UUID.
std::optional<std::string> parse_uuid(const std::string& text);
// A name-based (version 5, SHA-1) UUID for `name` in the URL namespace: the same name gives the same UUID.
std::string uuid_v5(const std::string& name);

}  // namespace mkepub
