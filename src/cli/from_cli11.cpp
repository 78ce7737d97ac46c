// CLI11's option list read into a CommandDoc (from_cli11.h).
#include "cli/from_cli11.h"

namespace mkepub {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t end; (end = s.find(sep, start)) != std::string::npos; start = end + 1)
    parts.push_back(s.substr(start, end - start));
  parts.push_back(s.substr(start));
  return parts;
}

OptionDoc option_doc(const CLI::Option& opt) {
  OptionDoc doc;
  for (const auto& s : opt.get_snames()) doc.names.push_back("-" + s);
  for (const auto& l : opt.get_lnames()) doc.names.push_back("--" + l);
  if (doc.names.empty()) doc.names.push_back(opt.get_name());
  doc.help = opt.get_description();
  doc.repeatable = opt.get_expected_max() > 1 || opt.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  if (opt.get_type_size() == 0) return doc;  // a flag
  doc.value = opt.get_type_name();
  // The type name is the type and each validator's description, joined by ':' ("TEXT:FILE", "TEXT:{date,name}").
  for (const auto& part : split(doc.value, ':')) {
    if (part == "FILE" || part == "PATH") doc.completes = OptionDoc::Completes::files;
    if (part == "DIR") doc.completes = OptionDoc::Completes::folders;
    if (part.size() > 2 && part.front() == '{' && part.back() == '}')
      doc.choices = split(part.substr(1, part.size() - 2), ',');
  }
  return doc;
}

}  // namespace

CommandDoc command_doc(const CLI::App& app, const std::string& name) {
  CommandDoc doc;
  doc.name = name;
  doc.summary = app.get_description();
  doc.footer = app.get_footer();
  for (const auto* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    (opt->nonpositional() ? doc.options : doc.positionals).push_back(option_doc(*opt));
  }
  return doc;
}

}  // namespace mkepub
