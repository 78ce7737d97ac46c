// Dates as posts write them: Hexo's `2025-07-20 02:20:08`, ISO 8601 (RFC 3339) with or without zone.
#include "base/dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace mkepub {
namespace {

bool digits(const std::string& s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

namespace chr = std::chrono;

long long days_from_civil(int y, int m, int d) {
  return chr::sys_days{chr::year{y} / m / d}.time_since_epoch().count();
}

// Parses "[T| ]hh:mm[:ss[.frac]]" at pos; returns the position after it or npos.
size_t parse_time(const std::string& s, size_t pos, Date& d) {
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::string::npos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == 'T' || s[pos] == 't')) ++pos;
  if (!digits(s, pos, 2, d.hour) || pos + 2 >= s.size() || s[pos + 2] != ':' ||
      !digits(s, pos + 3, 2, d.minute))
    return std::string::npos;
  pos += 5;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, d.second)) return std::string::npos;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  if (d.hour > 23 || d.minute > 59 || d.second > 60) return std::string::npos;
  d.has_time = true;
  return pos;
}

// Parses "Z", "+08:00", "+0800" or "+08" (optionally after spaces) at pos.
bool parse_zone(const std::string& s, size_t pos, Date& d) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos == s.size()) return true;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    d.zone_minutes = 0;
    return true;
  }
  if (s[pos] != '+' && s[pos] != '-') return false;
  int sign = s[pos] == '-' ? -1 : 1, h = 0, m = 0;
  // YAML timestamps allow one-digit hours ("-5"); ISO 8601 has two.
  size_t hour_digits = digits(s, pos + 1, 2, h) ? 2 : digits(s, pos + 1, 1, h) ? 1 : 0;
  if (hour_digits == 0) return false;
  size_t p = pos + 1 + hour_digits;
  if (p < s.size() && s[p] == ':') ++p;
  if (p < s.size() && !digits(s, p, 2, m)) return false;
  if (p < s.size()) p += 2;
  if (p != s.size() || h > 23 || m > 59) return false;
  d.zone_minutes = sign * (h * 60 + m);
  return true;
}

}  // namespace

std::optional<Date> parse_date(const std::string& raw) {
  auto begin = raw.find_first_not_of(" \t");
  auto end = raw.find_last_not_of(" \t");
  if (begin == std::string::npos) return std::nullopt;
  std::string s = raw.substr(begin, end - begin + 1);
  Date d;
  if (!digits(s, 0, 4, d.year) || s.size() < 10 || s[4] != '-' || s[7] != '-' || !digits(s, 5, 2, d.month) ||
      !digits(s, 8, 2, d.day))
    return std::nullopt;
  if (!(chr::year{d.year} / d.month / d.day).ok()) return std::nullopt;
  if (s.size() == 10) return d;
  size_t pos = parse_time(s, 10, d);
  if (pos == std::string::npos || !parse_zone(s, pos, d)) return std::nullopt;
  return d;
}

std::optional<Date> date_from_file_name(const std::string& stem) {
  if (stem.size() < 11 || stem[10] != '-') return std::nullopt;
  return parse_date(stem.substr(0, 10));
}

long long to_epoch(const Date& d) {
  long long secs = days_from_civil(d.year, d.month, d.day) * 86400LL + d.hour * 3600 + d.minute * 60 + d.second;
  return secs - d.zone_minutes.value_or(0) * 60LL;
}

std::string format_day(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_utc_timestamp(long long epoch) {
  long long days = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
  long long rem = epoch - days * 86400;
  chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  char buf[96];  // room for any int year and any remainder, as the compiler counts them
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", y, m, d, rem / 3600, rem % 3600 / 60,
                rem % 60);
  return buf;
}

bool date_less(const Date& a, const Date& b) { return to_epoch(a) < to_epoch(b); }

std::string date_range(const std::vector<Post>& posts) {
  std::optional<Date> first, last;
  for (const auto& p : posts) {
    if (!p.date) continue;
    if (!first || date_less(*p.date, *first)) first = p.date;
    if (!last || date_less(*last, *p.date)) last = p.date;
  }
  if (!first) return "";
  auto a = format_day(*first), b = format_day(*last);
  return a == b ? a : a + " \u2013 " + b;
}

}  // namespace mkepub
