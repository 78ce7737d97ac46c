// Shared by the unit tests: lists of strings (messages, headings, paths) that doctest prints when they differ.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using Strings = std::vector<std::string>;

// `s` `n` times over: the inputs of size and time tests, made in the test.
inline std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ",\n  \"" : "\n  \"") + v[i] + "\"";
    return (s + (v.empty() ? "}" : "\n}")).c_str();
  }
};
}  // namespace doctest
