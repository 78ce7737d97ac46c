// Book identifiers (identifier.h): RFC 4122 UUIDs, name-based so that builds repeat.
#include <doctest/doctest.h>

#include "book/identifier.h"

using namespace mkepub;

TEST_CASE("parse_uuid: a UUID in any case comes back lower case") {
  CHECK(parse_uuid("89CF7422-55C7-583F-A434-4C7DA8A03E62") == "89cf7422-55c7-583f-a434-4c7da8a03e62");
  CHECK(parse_uuid("89cf7422-55c7-583f-a434-4c7da8a03e62") == "89cf7422-55c7-583f-a434-4c7da8a03e62");
}

TEST_CASE("parse_uuid: anything else is not one") {
  CHECK_FALSE(parse_uuid(""));
  CHECK_FALSE(parse_uuid("not-a-uuid"));
  CHECK_FALSE(parse_uuid("89cf742255c7583fa4344c7da8a03e62"));
  CHECK_FALSE(parse_uuid("urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62"));
  CHECK_FALSE(parse_uuid("89cf7422-55c7-583f-a434-4c7da8a03e6"));
  CHECK_FALSE(parse_uuid("89cf7422-55c7-583f-a434-4c7da8a03e62 "));
  CHECK_FALSE(parse_uuid("89cf7422-55c7-583f-a434-4c7da8a03g62"));
}

TEST_CASE("uuid_v5: RFC 4122 name-based UUIDs in the URL namespace") {
  // The same values as Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
  CHECK(uuid_v5("https://example.com/blog") == "89cf7422-55c7-583f-a434-4c7da8a03e62");
  CHECK(uuid_v5("") == "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
  CHECK(uuid_v5("中文") == "d484afe2-3c63-521e-a25b-6295b8295982");
  CHECK(uuid_v5("https://example.com/blog") == uuid_v5("https://example.com/blog"));
  CHECK(uuid_v5("a") != uuid_v5("b"));
}
