// The man page (command_doc.h): roff made from the command's options, escaped.
#include <doctest/doctest.h>

#include "cli/command_doc.h"

using namespace mkepub;

namespace {

CommandDoc sample() {
  CommandDoc doc{"tool", "tool: make things", {}, {}, "Examples:\n  tool a -o b\n.dot at a line start\n", {}};
  doc.options.push_back({{"-o", "--output"}, "FILE", "The file to write", {}, OptionDoc::Completes::files});
  doc.options.push_back({{"--sort"}, "TEXT:{date,name}", "Order\\by", {"date", "name"}});
  doc.options.push_back({{"--keep-going"}, "", "Go on"});
  doc.positionals.push_back({{"INPUT"}, "PATH", "Folders", {}, OptionDoc::Completes::files, true});
  CommandDoc check{"check", "tool check: look at things"};
  check.positionals.push_back({{"BOOK"}, "FILE", "Books to check", {}, OptionDoc::Completes::files, true});
  doc.commands.push_back(check);
  return doc;
}

}  // namespace

TEST_CASE("man_page: title, name, synopsis with each command, options with their values") {
  std::string page = man_page(sample(), "1.2");
  CHECK(page.starts_with(".TH TOOL 1 \"\" \"tool 1.2\" \"User Commands\"\n"));
  CHECK(page.find(".SH NAME\ntool \\- make things\n") != std::string::npos);
  CHECK(page.find(".B tool\n[\\fIOPTIONS\\fR] \\fIINPUT\\fR...\n.br\n.B tool check\n") != std::string::npos);
  CHECK(page.find(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\nThe file to write\n") != std::string::npos);
  CHECK(page.find(".TP\n\\fB\\-\\-keep\\-going\\fR\nGo on\n") != std::string::npos);
  CHECK(page.find(".SS \"tool check\"\ntool check: look at things\n.TP\n\\fBBOOK\\fR") != std::string::npos);
}

TEST_CASE("man_page: backslashes, hyphens and a line starting with a dot are escaped") {
  std::string page = man_page(sample(), "1.2");
  CHECK(page.find("Order\\eby") != std::string::npos);
  CHECK(page.find(".SH NOTES\n.nf\nExamples:\n  tool a \\-o b\n\\&.dot at a line start\n.fi\n") != std::string::npos);
}
