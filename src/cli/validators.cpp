// The flags' validators (validators.h).
#include "cli/validators.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/suggest.h"

namespace mkepub {

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::Validator(
      [values](std::string& value) -> std::string {
        if (std::find(values.begin(), values.end(), value) != values.end()) return "";
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
        std::string close = closest_match(value, values);
        return "`" + value + "` is not one of " + list + (close.empty() ? "" : " (did you mean `" + close + "`?)");
      },
      "{" +
          [&] {
            std::string list;
            for (const auto& v : values) list += (list.empty() ? "" : ",") + v;
            return list;
          }() +
          "}",
      "choices");
}

CLI::Validator decimal(double min, double max, bool fraction) {
  auto shown = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  std::string expected =
      std::string(fraction ? "a number" : "a whole number") + " from " + shown(min) + " to " + shown(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        size_t digits = 0;
        while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
        size_t end = digits;
        if (fraction && digits > 0 && end < text.size() && text[end] == '.') {
          size_t point = end++;
          while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
          if (end == point + 1) end = point;  // `1.` is not a number here: the point left over makes it unsound
        }
        // A leading zero is refused too: CLI11 converts `010` as octal.
        bool sound = digits > 0 && digits <= 15 && end == text.size() && !(digits > 1 && text[0] == '0');
        double value = sound ? std::strtod(text.c_str(), nullptr) : 0;
        if (sound && min <= value && value <= max) return "";
        return "expected " + expected + ", not `" + text + "`";
      },
      expected);
}

}  // namespace mkepub
