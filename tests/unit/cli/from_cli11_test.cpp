// CLI11's apps read into a CommandDoc (from_cli11.h): names, values, choices, what values complete to.
#include <doctest/doctest.h>

#include "cli/from_cli11.h"
#include "cli/validators.h"

using namespace mkepub;

TEST_CASE("command_doc: flags, values, choices from one_of, files and folders from type names, hidden left out") {
  CLI::App app{"tool: make things", "tool"};
  app.footer("Examples: none");
  std::string out, sort, secret, title;
  std::vector<std::string> inputs, css;
  bool keep = false;
  app.add_option("INPUT", inputs, "Inputs")->type_name("PATH");
  app.add_option("-o,--output", out, "The file")->type_name("FILE");
  app.add_option("--sort", sort, "Order")->check(one_of({"date", "name"}));
  app.add_option("--css", css, "Stylesheets")->check(CLI::ExistingFile);
  app.add_option("--templates", title, "Templates")->check(CLI::ExistingDirectory);
  app.add_flag("--keep-going", keep, "Go on");
  app.add_option("--secret", secret, "Hidden")->group("");
  CommandDoc doc = command_doc(app, "tool");
  CHECK(doc.name == "tool");
  CHECK(doc.summary == "tool: make things");
  CHECK(doc.footer == "Examples: none");
  REQUIRE(doc.positionals.size() == 1);
  CHECK(doc.positionals[0].names == std::vector<std::string>{"INPUT"});
  CHECK(doc.positionals[0].repeatable);
  CHECK(doc.positionals[0].completes == OptionDoc::Completes::files);
  REQUIRE(doc.options.size() == 6);  // --help, -o, --sort, --css, --templates, --keep-going; not --secret
  CHECK(doc.options[0].names == std::vector<std::string>{"-h", "--help"});
  CHECK(doc.options[0].value.empty());
  CHECK(doc.options[1].names == std::vector<std::string>{"-o", "--output"});
  CHECK(doc.options[1].completes == OptionDoc::Completes::files);
  CHECK_FALSE(doc.options[1].repeatable);
  CHECK(doc.options[2].choices == std::vector<std::string>{"date", "name"});
  CHECK(doc.options[2].value == "TEXT:{date,name}");
  CHECK(doc.options[3].completes == OptionDoc::Completes::files);
  CHECK(doc.options[3].repeatable);
  CHECK(doc.options[4].completes == OptionDoc::Completes::folders);
  CHECK(doc.options[5].value.empty());
  CHECK(doc.options[5].help == "Go on");
}
