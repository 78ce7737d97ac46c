// Shell completion scripts (command_doc.h), for bash (with or without the bash-completion package), zsh's
// _arguments and fish's `complete`. An option's value completes to its choices, to files or folders, or to
// nothing (a title, a number); an argument that is no option's value completes to files, or to a command first.
#include "cli/command_doc.h"

namespace mkepub {
namespace {

// `s` in single quotes, for any of the three shells: a quote inside is ended, escaped and reopened.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string joined(const std::vector<std::string>& list, const char* sep) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> option_names(const CommandDoc& c) {
  std::vector<std::string> names;
  for (const auto& o : c.options)
    for (const auto& n : o.names) names.push_back(n);
  return names;
}

// One command's completion inside _mkepub: the word before the cursor names an option taking a value, or not.
std::string bash_command(const CommandDoc& c, bool top) {
  std::string out = "  case $prev in\n";
  for (const auto& o : c.options) {
    if (o.value.empty()) continue;
    out += "    " + joined(o.names, "|") + ")\n";
    if (!o.choices.empty())
      out += "      COMPREPLY=($(compgen -W " + quoted(joined(o.choices, " ")) + " -- \"$cur\"))\n";
    else if (o.completes == OptionDoc::Completes::files)
      out += "      compopt -o filenames 2>/dev/null\n      COMPREPLY=($(compgen -f -- \"$cur\"))\n";
    else if (o.completes == OptionDoc::Completes::folders)
      out += "      compopt -o filenames 2>/dev/null\n      COMPREPLY=($(compgen -d -- \"$cur\"))\n";
    out += "      return ;;\n";
  }
  out += "  esac\n";
  out += "  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W " + quoted(joined(option_names(c), " ")) +
         " -- \"$cur\"))\n    return\n  fi\n";
  std::vector<std::string> commands;
  for (const auto& sub : c.commands) commands.push_back(sub.name);
  out += "  compopt -o filenames 2>/dev/null\n  COMPREPLY=($(compgen -f -- \"$cur\"))\n";
  if (top && !commands.empty())
    out += "  ((COMP_CWORD == 1)) && COMPREPLY+=($(compgen -W " + quoted(joined(commands, " ")) + " -- \"$cur\"))\n";
  return out;
}

std::string bash(const CommandDoc& doc) {
  std::string f = "_" + doc.name;
  std::string out = "# bash completion for " + doc.name + ", made by `" + doc.name + " --completions bash`\n" + f +
                    "() {\n  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  for (const auto& c : doc.commands)
    out += "  if ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[1]} == " + c.name + " ]]; then\n" + bash_command(c, false) +
           "    return\n  fi\n";
  out += bash_command(doc, true) + "}\ncomplete -F " + f + " " + doc.name + "\n";
  return out;
}

// zsh's _arguments takes `[help]:message:action`; '[', ']' and ':' in the help end its parts unless escaped.
std::string zsh_help(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const OptionDoc& o) {
  if (!o.choices.empty()) return "(" + joined(o.choices, " ") + ")";
  if (o.completes == OptionDoc::Completes::files) return "_files";
  if (o.completes == OptionDoc::Completes::folders) return "_files -/";
  return " ";
}

std::string zsh_specs(const CommandDoc& c) {
  std::string out;
  for (const auto& o : c.options) {
    std::string spec = "[" + zsh_help(o.help) + "]";
    if (!o.value.empty()) spec += ":" + zsh_help(o.value) + ":" + zsh_action(o);
    std::string names = o.names.size() == 1 ? o.names[0] : "{" + joined(o.names, ",") + "}";
    std::string exclusive = o.repeatable ? "'*'" : o.names.size() > 1 ? quoted("(" + joined(o.names, " ") + ")") : "";
    out += "    " + exclusive + names + quoted(spec) + " \\\n";
  }
  for (const auto& p : c.positionals)
    out += "    " + quoted((p.repeatable ? "*:" : ":") + zsh_help(p.names[0]) + ":_files") + " \\\n";
  return out;
}

std::string zsh(const CommandDoc& doc) {
  std::string out = "#compdef " + doc.name + "\n# zsh completion for " + doc.name + ", made by `" + doc.name +
                    " --completions zsh`\n";
  for (const auto& c : doc.commands)
    out += "if (( CURRENT > 2 )) && [[ $words[2] == " + c.name + " ]]; then\n  shift words\n  (( CURRENT-- ))\n" +
           "  _arguments -s \\\n" + zsh_specs(c) + "    && return 0\n  return 1\nfi\n";
  std::string commands;
  for (const auto& c : doc.commands) commands += " " + quoted(c.name + ":" + zsh_help(c.summary));
  if (!commands.empty())
    out += "if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then\n  local -a commands=(" + commands.substr(1) +
           ")\n  _describe command commands\nfi\n";
  out += "_arguments -s \\\n" + zsh_specs(doc) + "  && return 0\n";
  return out;
}

std::string fish_lines(const CommandDoc& c, const std::string& program, const std::string& condition) {
  std::string out;
  for (const auto& o : c.options) {
    std::string line = "complete -c " + program + " -n " + quoted(condition);
    for (const auto& n : o.names) line += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
    if (!o.value.empty()) {
      if (!o.choices.empty()) line += " -x -a " + quoted(joined(o.choices, " "));
      else if (o.completes == OptionDoc::Completes::files) line += " -r -F";
      else if (o.completes == OptionDoc::Completes::folders) line += " -x -a '(__fish_complete_directories)'";
      else line += " -x";
    }
    out += line + " -d " + quoted(o.help) + "\n";
  }
  return out;
}

std::string fish(const CommandDoc& doc) {
  std::string out = "# fish completion for " + doc.name + ", made by `" + doc.name + " --completions fish`\n";
  std::vector<std::string> names;
  for (const auto& c : doc.commands) names.push_back(c.name);
  std::string top = names.empty() ? "true" : "not __fish_seen_subcommand_from " + joined(names, " ");
  for (const auto& c : doc.commands)
    out += "complete -c " + doc.name + " -n '__fish_use_subcommand' -a " + c.name + " -d " + quoted(c.summary) + "\n" +
           fish_lines(c, doc.name, "__fish_seen_subcommand_from " + c.name);
  return out + fish_lines(doc, doc.name, top);
}

}  // namespace

std::string completion_script(const CommandDoc& doc, const std::string& shell) {
  if (shell == "bash") return bash(doc);
  if (shell == "zsh") return zsh(doc);
  if (shell == "fish") return fish(doc);
  return "";
}

}  // namespace mkepub
