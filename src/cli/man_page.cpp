// The man page (command_doc.h), in man(7) macros, which man-db's groff and mandoc both render.
#include <string_view>

#include "cli/command_doc.h"

namespace mkepub {
namespace {

// Text safe in roff: a backslash is an escape, '-' a hyphen (\- is the minus an option is typed with), and a
// line starting with '.' or '\'' would be read as a request.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string option_heading(const OptionDoc& o) {
  std::string out;
  for (const auto& name : o.names) out += (out.empty() ? "" : ", ") + ("\\fB" + roff(name) + "\\fR");
  bool positional = !o.names.front().starts_with("-");  // INPUT: its name is its value
  if (!o.value.empty() && !positional) out += " \\fI" + roff(o.value) + "\\fR";
  if (o.repeatable && !o.value.empty()) out += positional ? "..." : " ...";
  return out;
}

void options(const std::vector<OptionDoc>& list, std::string& out) {
  for (const auto& o : list) out += ".TP\n" + option_heading(o) + "\n" + roff(o.help) + "\n";
}

std::string synopsis(const CommandDoc& c, const std::string& prefix) {
  std::string out = ".B " + roff(prefix) + "\n[\\fIOPTIONS\\fR]";
  for (const auto& p : c.positionals) out += " \\fI" + roff(p.names.front()) + "\\fR" + (p.repeatable ? "..." : "");
  return out + "\n";
}

}  // namespace

std::string man_page(const CommandDoc& doc, const std::string& version) {
  std::string upper;
  for (char c : doc.name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  // No date: the page is the same for the same mkepub, whenever it is built.
  std::string out = ".TH " + upper + " 1 \"\" \"" + roff(doc.name + " " + version) + "\" \"User Commands\"\n";
  std::string summary = doc.summary;
  if (auto colon = summary.find(": "); colon != std::string::npos) summary = summary.substr(colon + 2);
  out += ".SH NAME\n" + roff(doc.name) + " \\- " + roff(summary) + "\n";
  out += ".SH SYNOPSIS\n" + synopsis(doc, doc.name);
  for (const auto& c : doc.commands) out += ".br\n" + synopsis(c, doc.name + " " + c.name);
  out += ".SH DESCRIPTION\n" + roff(doc.summary) + "\n";
  if (!doc.positionals.empty()) {
    out += ".SH ARGUMENTS\n";
    options(doc.positionals, out);
  }
  out += ".SH OPTIONS\n";
  options(doc.options, out);
  if (!doc.commands.empty()) out += ".SH COMMANDS\n";
  for (const auto& c : doc.commands) {
    out += ".SS \"" + roff(doc.name + " " + c.name) + "\"\n" + roff(c.summary) + "\n";
    options(c.positionals, out);
    options(c.options, out);
  }
  if (!doc.footer.empty())
    out += ".SH NOTES\n.nf\n" + roff(doc.footer) + (doc.footer.back() == '\n' ? "" : "\n") + ".fi\n";
  return out;
}

}  // namespace mkepub
