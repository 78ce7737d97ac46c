// Dates as posts write them: Hexo's `2025-07-20 02:20:08`, ISO 8601 with or without zone, YAML timestamps.
#pragma once

#include <optional>
#include <string>

#include "base/book.h"

namespace mkepub {

std::optional<Date> parse_date(const std::string& text);
// A `YYYY-MM-DD-` prefix of a file name (Jekyll's and Hexo's new_post_name), when there is one.
std::optional<Date> date_from_file_name(const std::string& stem);
// Seconds since the epoch in UTC; a date without zone is taken as UTC so that builds do not depend on the machine.
long long to_epoch(const Date& d);
std::string format_day(const Date& d);                // 2025-07-20
std::string format_utc_timestamp(long long epoch);  // 2025-07-20T02:20:08Z
bool date_less(const Date& a, const Date& b);

// "2019-03-01 – 2024-05-18": the first and the last dated post's days, for the title page; "" when none is dated.
std::string date_range(const std::vector<Post>& posts);

}  // namespace mkepub
