// The command line as data: every command's options, as main.cpp declares them to CLI11 (cli/from_cli11.h). The
// man page and the shell completions are made from it, so that they say what --help says and never disagree.
#pragma once

#include <string>
#include <vector>

namespace mkepub {

struct OptionDoc {
  std::vector<std::string> names;  // "-o", "--output"; a positional's name ("INPUT") alone
  std::string value;               // what --help shows after the names ("TEXT:FILE"); "" for a flag
  std::string help;
  std::vector<std::string> choices;  // the only values it takes, when there is such a list
  enum class Completes { nothing, files, folders } completes = Completes::nothing;
  bool repeatable = false;
};

struct CommandDoc {
  std::string name;     // "mkepub", "check"
  std::string summary;  // one line
  std::vector<OptionDoc> options, positionals;
  std::string footer;                // --help's closing text: examples, exit codes, environment
  std::vector<CommandDoc> commands;  // subcommands (`mkepub check`)
};

// The man page (roff, man(7) macros): name, synopsis, options, each command, then the footer.
std::string man_page(const CommandDoc& doc, const std::string& version);

// A completion script for `shell` ("bash", "zsh", "fish"), or "" for a shell it does not know.
std::string completion_script(const CommandDoc& doc, const std::string& shell);

}  // namespace mkepub
