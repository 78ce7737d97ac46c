// Dates as posts write them (dates.h): Hexo's `2025-07-20 02:20:08`, ISO 8601 / RFC 3339, file name prefixes.
#include <doctest/doctest.h>

#include "base/dates.h"

using namespace mkepub;

namespace {

// A date as one comparable string: "2025-07-20 02:20:08 +480", "2025-07-20 02:20:08", "2025-07-20".
std::string show(const std::optional<Date>& d) {
  if (!d) return "none";
  char buf[64];
  std::string s = format_day(*d);
  if (d->has_time) {
    std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", d->hour, d->minute, d->second);
    s += buf;
  }
  if (d->zone_minutes) s += " " + std::string(*d->zone_minutes >= 0 ? "+" : "") + std::to_string(*d->zone_minutes);
  return s;
}

}  // namespace

TEST_CASE("parse_date: Hexo's date and time without zone") {
  auto d = parse_date("2025-07-20 02:20:08");
  REQUIRE(d);
  CHECK(d->year == 2025);
  CHECK(d->month == 7);
  CHECK(d->day == 20);
  CHECK(d->hour == 2);
  CHECK(d->minute == 20);
  CHECK(d->second == 8);
  CHECK(d->has_time);
  CHECK_FALSE(d->zone_minutes.has_value());
}

TEST_CASE("parse_date: ISO 8601 forms") {
  CHECK(show(parse_date("2025-07-20T02:20:08")) == "2025-07-20 02:20:08");
  CHECK(show(parse_date("2025-07-20T02:20:08Z")) == "2025-07-20 02:20:08 +0");
  CHECK(show(parse_date("2025-07-20t02:20:08z")) == "2025-07-20 02:20:08 +0");
  CHECK(show(parse_date("2025-07-20T02:20:08+08:00")) == "2025-07-20 02:20:08 +480");
  CHECK(show(parse_date("2025-07-20T02:20:08-05:30")) == "2025-07-20 02:20:08 -330");
  CHECK(show(parse_date("2025-07-20T02:20:08+0800")) == "2025-07-20 02:20:08 +480");
  CHECK(show(parse_date("2025-07-20T02:20:08+08")) == "2025-07-20 02:20:08 +480");
  CHECK(show(parse_date("2025-07-20 02:20:08 +08:00")) == "2025-07-20 02:20:08 +480");
  CHECK(show(parse_date("2025-07-20T02:20:08.123Z")) == "2025-07-20 02:20:08 +0");
  CHECK(show(parse_date("2025-07-20 02:20")) == "2025-07-20 02:20:00");
}

TEST_CASE("parse_date: date only") {
  auto d = parse_date("2024-02-29");
  REQUIRE(d);
  CHECK(show(d) == "2024-02-29");
  CHECK_FALSE(d->has_time);
  CHECK_FALSE(d->zone_minutes.has_value());
  CHECK(show(parse_date("  2024-01-02\t")) == "2024-01-02");
}

TEST_CASE("parse_date: invalid calendar dates") {
  CHECK(show(parse_date("2023-02-29")) == "none");  // 2023 is not a leap year
  CHECK(show(parse_date("2025-13-01")) == "none");
  CHECK(show(parse_date("2025-00-10")) == "none");
  CHECK(show(parse_date("2025-04-31")) == "none");
  CHECK(show(parse_date("2025-07-00")) == "none");
  CHECK(show(parse_date("2025-07-20 24:00:00")) == "none");
  CHECK(show(parse_date("2025-07-20 12:60")) == "none");
  CHECK(show(parse_date("2025-07-20T02:20:08+25:00")) == "none");
}

TEST_CASE("parse_date: garbage") {
  CHECK(show(parse_date("")) == "none");
  CHECK(show(parse_date("   ")) == "none");
  CHECK(show(parse_date("yesterday")) == "none");
  CHECK(show(parse_date("2025/07/20")) == "none");
  CHECK(show(parse_date("20-07-2025")) == "none");
  CHECK(show(parse_date("2025-7-20")) == "none");
  CHECK(show(parse_date("2025-07-20 noon")) == "none");
  CHECK(show(parse_date("2025-07-20T02:20:08 CEST")) == "none");
  CHECK(show(parse_date("2025-07-20T02:20:08+08:0")) == "none");
  CHECK(show(parse_date("2025-07-20Z")) == "none");
}

TEST_CASE("date_from_file_name: Jekyll/Hexo prefix") {
  CHECK(show(date_from_file_name("2024-01-02-hello")) == "2024-01-02");
  CHECK(show(date_from_file_name("2024-01-02-")) == "2024-01-02");
  CHECK(show(date_from_file_name("hello")) == "none");
  CHECK(show(date_from_file_name("2024-01-02")) == "none");  // the date is the whole name: no prefix
  CHECK(show(date_from_file_name("2024-01-02_hello")) == "none");
  CHECK(show(date_from_file_name("2023-02-29-hello")) == "none");
}

TEST_CASE("to_epoch: UTC, zones, and no zone taken as UTC") {
  CHECK(to_epoch(*parse_date("1970-01-01")) == 0);
  CHECK(to_epoch(*parse_date("2025-07-20T02:20:08Z")) == 1752978008);
  CHECK(to_epoch(*parse_date("2025-07-20 02:20:08")) == 1752978008);
  // 02:20:08 at UTC+8 is 18:20:08 the day before in UTC.
  CHECK(to_epoch(*parse_date("2025-07-20T02:20:08+08:00")) == 1752978008 - 8 * 3600);
  CHECK(to_epoch(*parse_date("2025-07-20T02:20:08-05:30")) == 1752978008 + 5 * 3600 + 30 * 60);
  CHECK(to_epoch(*parse_date("1969-12-31T23:59:59Z")) == -1);
}

TEST_CASE("format_utc_timestamp and format_day") {
  CHECK(format_utc_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(format_utc_timestamp(1752978008) == "2025-07-20T02:20:08Z");
  CHECK(format_utc_timestamp(to_epoch(*parse_date("2025-07-20T02:20:08+08:00"))) == "2025-07-19T18:20:08Z");
  CHECK(format_utc_timestamp(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_utc_timestamp(951782400) == "2000-02-29T00:00:00Z");
  CHECK(format_day(*parse_date("2025-07-20 02:20:08")) == "2025-07-20");
}

TEST_CASE("date_less compares instants, zones included") {
  CHECK(date_less(*parse_date("2025-07-19"), *parse_date("2025-07-20")));
  CHECK_FALSE(date_less(*parse_date("2025-07-20"), *parse_date("2025-07-20")));
  // 09:00 in Shanghai is 01:00 UTC: earlier than 02:00 UTC.
  CHECK(date_less(*parse_date("2025-07-20T09:00:00+08:00"), *parse_date("2025-07-20T02:00:00Z")));
}

TEST_CASE("a YAML timestamp with a one-digit zone hour (YAML 1.1 example)") {
  auto d = parse_date("2001-12-14 21:59:43.10 -5");
  REQUIRE(d.has_value());
  CHECK(d->zone_minutes == -300);
  CHECK(format_utc_timestamp(to_epoch(*d)) == "2001-12-15T02:59:43Z");
}
