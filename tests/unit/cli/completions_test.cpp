// Shell completions (command_doc.h): each shell's script from the same options.
#include <doctest/doctest.h>

#include "cli/command_doc.h"

using namespace mkepub;

namespace {

CommandDoc sample() {
  CommandDoc doc{"tool", "tool: make things"};
  doc.options.push_back({{"-o", "--output"}, "FILE", "The file to write", {}, OptionDoc::Completes::files});
  doc.options.push_back({{"--sort"}, "TEXT:{date,name}", "Order: it's [date]", {"date", "name"}});
  doc.options.push_back({{"--templates"}, "TEXT:DIR", "Templates", {}, OptionDoc::Completes::folders});
  doc.options.push_back({{"--title"}, "TEXT", "Title"});
  doc.options.push_back({{"--css"}, "TEXT:FILE", "A stylesheet", {}, OptionDoc::Completes::files, true});
  doc.options.push_back({{"--keep-going"}, "", "Go on"});
  doc.positionals.push_back({{"INPUT"}, "PATH", "Folders", {}, OptionDoc::Completes::files, true});
  CommandDoc check{"check", "tool check: look at things"};
  check.positionals.push_back({{"BOOK"}, "FILE", "Books", {}, OptionDoc::Completes::files, true});
  doc.commands.push_back(check);
  return doc;
}

}  // namespace

TEST_CASE("completion_script bash: choices, files, folders, nothing for free text, then options or files") {
  std::string s = completion_script(sample(), "bash");
  CHECK(s.find("    --sort)\n      COMPREPLY=($(compgen -W 'date name' -- \"$cur\"))\n      return ;;\n") !=
        std::string::npos);
  CHECK(s.find("    -o|--output)\n      compopt -o filenames 2>/dev/null\n      COMPREPLY=($(compgen -f") !=
        std::string::npos);
  CHECK(s.find("    --templates)\n      compopt -o filenames 2>/dev/null\n      COMPREPLY=($(compgen -d") !=
        std::string::npos);
  CHECK(s.find("    --title)\n      return ;;\n") != std::string::npos);
  CHECK(s.find("compgen -W '-o --output --sort --templates --title --css --keep-going'") != std::string::npos);
  CHECK(s.find("[[ ${COMP_WORDS[1]} == check ]]") != std::string::npos);
  CHECK(s.find("compgen -W 'check'") != std::string::npos);
  CHECK(s.ends_with("complete -F _tool tool\n"));
}

TEST_CASE("completion_script zsh: _arguments specs, with help text escaped") {
  std::string s = completion_script(sample(), "zsh");
  CHECK(s.starts_with("#compdef tool\n"));
  CHECK(s.find("'(-o --output)'{-o,--output}'[The file to write]:FILE:_files'") != std::string::npos);
  CHECK(s.find("--sort'[Order\\: it'\\''s \\[date\\]]:TEXT\\:{date,name}:(date name)'") != std::string::npos);
  CHECK(s.find("--templates'[Templates]:TEXT\\:DIR:_files -/'") != std::string::npos);
  CHECK(s.find("'*'--css'[A stylesheet]:TEXT\\:FILE:_files'") != std::string::npos);
  CHECK(s.find("'*:INPUT:_files'") != std::string::npos);
  CHECK(s.find("local -a commands=('check:tool check\\: look at things')\n  _describe command commands") !=
        std::string::npos);
}

TEST_CASE("completion_script fish: one complete line an option, the command offered first") {
  std::string s = completion_script(sample(), "fish");
  CHECK(s.find("complete -c tool -n '__fish_use_subcommand' -a check -d 'tool check: look at things'\n") !=
        std::string::npos);
  CHECK(s.find("complete -c tool -n 'not __fish_seen_subcommand_from check' -s o -l output -r -F -d 'The file to "
               "write'\n") != std::string::npos);
  CHECK(s.find("-l sort -x -a 'date name' -d 'Order: it'\\''s [date]'\n") != std::string::npos);
  CHECK(s.find("-l templates -x -a '(__fish_complete_directories)'") != std::string::npos);
  CHECK(s.find("-l title -x -d 'Title'\n") != std::string::npos);
  CHECK(s.find("-l keep-going -d 'Go on'\n") != std::string::npos);
  CHECK(completion_script(sample(), "tcsh").empty());
}
