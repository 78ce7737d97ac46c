// Simplified or Traditional Chinese (BCP 47 zh-CN / zh-TW). OpenCC's character tables say which characters
// have another form in the other script; libopencc is used here and nowhere else.
#include "base/chinese.h"

#include <opencc/opencc.h>

#include <mutex>
#include <vector>

#include "base/text.h"

namespace mkepub {
namespace {

// Each line of `lines` converted with OpenCC's `config`; empty when OpenCC or its data is missing.
std::vector<std::string> convert_lines(const char* config, const std::string& lines) {
  static std::mutex mu;  // an opencc_t is not documented as thread-safe
  std::lock_guard lock(mu);
  // Opening loads OpenCC's dictionaries (tens of milliseconds): once per process, kept until exit, and closed
  // then, so that the sanitized build's leak check sees nothing of ours.
  struct Converter {
    opencc_t cc = reinterpret_cast<opencc_t>(-1);
    ~Converter() {
      if (cc != reinterpret_cast<opencc_t>(-1)) opencc_close(cc);
    }
  };
  static std::map<std::string, Converter> open;
  auto [it, added] = open.try_emplace(config);
  if (added) it->second.cc = opencc_open(config);
  opencc_t cc = it->second.cc;
  if (cc == reinterpret_cast<opencc_t>(-1)) return {};
  char* out = opencc_convert_utf8(cc, lines.data(), lines.size());
  std::vector<std::string> result;
  if (out) {
    std::string all = out;
    opencc_convert_utf8_free(out);
    size_t start = 0;
    for (size_t nl; (nl = all.find('\n', start)) != std::string::npos; start = nl + 1)
      result.push_back(all.substr(start, nl - start));
  }
  return result;
}

}  // namespace

std::string chinese_variant(const std::map<char32_t, long>& han) {
  if (han.empty()) return "zh";
  std::string lines;  // one character a line, so that OpenCC's phrase tables cannot join neighbours
  for (const auto& [c, n] : han) lines += utf8_of(c) + "\n";
  auto to_traditional = convert_lines("s2t.json", lines);
  auto to_simplified = convert_lines("t2s.json", lines);
  if (to_traditional.size() != han.size() || to_simplified.size() != han.size()) return "zh";
  long simplified_only = 0, traditional_only = 0;
  size_t i = 0;
  for (const auto& [c, n] : han) {
    std::string s = utf8_of(c);
    if (to_traditional[i] != s) simplified_only += n;  // it has a Traditional form: a Simplified character
    if (to_simplified[i] != s) traditional_only += n;
    ++i;
  }
  if (simplified_only == 0 && traditional_only == 0) return "zh";
  return traditional_only > simplified_only ? "zh-TW" : "zh-CN";
}

}  // namespace mkepub
