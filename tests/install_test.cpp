// What `cmake --install` puts beside mkepub: the man page and the bash, zsh and fish completions, made from the
// options mkepub declares.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "support.h"

using namespace mkepub::test;

namespace {

const fs::path kBuild = fs::path(MKEPUB_BINARY).parent_path();

bool have(const std::string& tool) { return run("command -v " + tool + " >/dev/null").code == 0; }

// Every long option --help lists (the option lines, not the examples), for each command.
std::set<std::string> long_options(const std::string& help_args) {
  auto help = run_mkepub(help_args);
  std::set<std::string> out;
  std::regex option(R"(^  (?:-\w, )?(--[a-z][a-z-]+))");
  std::istringstream lines(help.output);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (line.rfind("Examples:", 0) == 0) break;
    if (std::regex_search(line, m, option)) out.insert(m[1]);
  }
  return out;
}

std::string script(const std::string& shell) {
  return slurp(kBuild / "share" /
               (shell == "bash"  ? "bash-completion/completions/mkepub"
                : shell == "zsh" ? "zsh/site-functions/_mkepub"
                                 : "fish/vendor_completions.d/mkepub.fish"));
}

}  // namespace

TEST_CASE("the built man page and completions are what mkepub prints now, and name every long option") {
  auto options = long_options("--help");
  REQUIRE(options.size() > 30);
  REQUIRE(options.count("--split-by"));
  CHECK(slurp(kBuild / "share/man/man1/mkepub.1") == run_mkepub("--help-man").output);
  for (std::string shell : {"bash", "zsh", "fish"}) {
    std::string text = script(shell);
    CHECK(text == run_mkepub("--completions " + shell).output);
    for (const auto& o : options) {
      INFO(shell << " " << o);
      // fish names a long option without its dashes: `-l split-by`.
      CHECK(text.find(shell == "fish" ? "-l " + o.substr(2) + " " : o) != std::string::npos);
    }
  }
  auto bad = run_mkepub("--completions tcsh");
  CHECK(bad.code == 2);
  CHECK(bad.output == "mkepub: error: --completions takes bash, zsh or fish\n");
}

TEST_CASE("man -l renders the page: every option, the check command, the examples") {
  if (!have("man")) {
    MESSAGE("man (man-db) is not installed; the page is not rendered");
    return;
  }
  auto page =
      run("MANWIDTH=200 LC_ALL=C.UTF-8 man -l " + quote((kBuild / "share/man/man1/mkepub.1").string()) + " | col -b");
  REQUIRE(page.code == 0);
  CHECK(page.output.find("mkepub - compile Markdown posts") != std::string::npos);
  CHECK(page.output.find("mkepub check [OPTIONS] BOOK...") != std::string::npos);
  CHECK(page.output.find("mkepub seeds/ -o book.epub") != std::string::npos);
  for (const auto& o : long_options("--help")) {
    INFO(o);
    CHECK(page.output.find(o) != std::string::npos);
  }
  CHECK(page.output.find("warning:") == std::string::npos);  // groff's complaints about the roff
}

TEST_CASE("bash completes choices, folders, options and the check command from the installed script") {
  std::string file = (kBuild / "share/bash-completion/completions/mkepub").string();
  REQUIRE(run("bash -n " + quote(file)).code == 0);
  auto complete = [&](const std::string& words, int cword) {
    return run("cd " + quote(MKEPUB_SOURCE_DIR) + " && bash -c " +
               quote("source " + quote(file) + "; COMP_WORDS=(" + words + "); COMP_CWORD=" + std::to_string(cword) +
                     "; _mkepub; for w in \"${COMPREPLY[@]}\"; do echo \"$w\"; done | sort"))
        .output;
  };
  CHECK(complete("mkepub --sort ''", 2) == "date\nname\n");
  CHECK(complete("mkepub --split-by t", 2) == "tag\n");
  CHECK(complete("mkepub --templates sam", 2) == "samples\n");
  CHECK(complete("mkepub --title ''", 2).empty());
  CHECK(complete("mkepub --keep-g", 1) == "--keep-going\n");
  CHECK(complete("mkepub chec", 1) == "check\n");
  CHECK(complete("mkepub check --", 2) == "--help\n");
}

TEST_CASE("zsh and fish read their scripts, and fish completes choices and commands") {
  if (have("zsh")) CHECK(run("zsh -n " + quote((kBuild / "share/zsh/site-functions/_mkepub").string())).code == 0);
  if (!have("fish")) {
    MESSAGE("fish is not installed");
    return;
  }
  std::string file = (kBuild / "share/fish/vendor_completions.d/mkepub.fish").string();
  REQUIRE(run("fish -n " + quote(file)).code == 0);
  auto complete = [&](const std::string& line) {
    return run("fish -c " + quote("source " + quote(file) + "; complete -C " + quote(line))).output;
  };
  CHECK(complete("mkepub --sort ").starts_with("date\t"));
  CHECK(complete("mkepub --sort ").find("\nname\t") != std::string::npos);
  CHECK(complete("mkepub --highlight-style ").find("\neink\t") != std::string::npos);
  CHECK(complete("mkepub ").find("check\t") != std::string::npos);
  CHECK(complete("mkepub --split").find("--split-by\t") != std::string::npos);
}

TEST_CASE("cmake --install puts the man page where man finds it and the completions where the shells look") {
  TempDir prefix;
  auto r = run("cmake --install " + quote(kBuild.string()) + " --prefix " + quote(prefix.path.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(fs::exists(prefix / "bin/mkepub"));
  for (const char* f : {"share/man/man1/mkepub.1", "share/bash-completion/completions/mkepub",
                        "share/zsh/site-functions/_mkepub", "share/fish/vendor_completions.d/mkepub.fish"})
    CHECK(slurp(prefix / f) == slurp(kBuild / "share" / fs::path(f).lexically_relative("share")));
  if (have("man"))
    CHECK(run("MANPATH=" + quote((prefix / "share/man").string()) + " man -w mkepub").output ==
          (prefix / "share/man/man1/mkepub.1").string() + "\n");
}
