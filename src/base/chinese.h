// Simplified or Traditional Chinese, told apart by the characters that exist in only one of the two (OpenCC).
#pragma once

#include <map>
#include <string>

namespace mkepub {

// "zh-CN" when the text's Simplified-only characters outweigh its Traditional-only ones, else "zh-TW";
// `han` counts each Han character of the text. "zh" when there is nothing to tell them apart by.
std::string chinese_variant(const std::map<char32_t, long>& han);

}  // namespace mkepub
