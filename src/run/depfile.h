// --depfile: the books' dependencies in make's syntax, which ninja reads too.
#pragma once

#include "build.h"

namespace mkepub {

// `output: input input ...`, inputs sorted and unique, spaces, `#`, `:` and `$` escaped.
std::string make_dependencies(const fs::path& output, BookDeps deps);

}  // namespace mkepub
