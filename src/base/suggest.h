// "Did you mean": the valid word a mistyped one was probably meant to be (flags, config keys, values).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

// The candidate closest to `word` by edit distance (a character inserted, deleted or replaced, or two
// neighbours swapped), when it is close enough to be a typo: one edit for words of up to 4 characters, two up
// to 8, three beyond. Ties go to the earlier candidate. "" when none is that close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mkepub
