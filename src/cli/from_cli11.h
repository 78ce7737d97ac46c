// main.cpp's CLI11 apps turned into a CommandDoc (cli/command_doc.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_doc.h"

namespace mkepub {

// The visible options and positionals of `app` (hidden ones, in the group "", are left out), with `name`.
// Choices come from a validator named "choices" whose description is "{a,b,c}" (main.cpp's one_of); what a value
// completes to, from its type name: FILE or PATH files, DIR folders.
CommandDoc command_doc(const CLI::App& app, const std::string& name);

}  // namespace mkepub
