// One build of `mkepub serve`: mkepub itself, run as a child process on the user's arguments, its report kept
// for the page. A child rather than a call: a build's report goes to standard error, and a crash in a build
// must not take the server down.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace mkepub {

struct BuildOutcome {
  int exit_code = -1;  // mkepub's (0 written or up to date, 1 bad input, ...); 128+N when killed by signal N
  std::string log;     // its standard output and error together, as the terminal would show them
};

// Runs `argv` (argv[0] the program) with no signals blocked, stdin from /dev/null, and its output copied to our
// standard error as it comes. `started` is called with the child's process id as soon as it exists, and with 0
// once it has ended, so that a stop can end it.
BuildOutcome run_build(const std::vector<std::string>& argv, const std::function<void(pid_t)>& started);

}  // namespace mkepub
