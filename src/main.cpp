// The command line (CLI11 is used here only): turns arguments into Options and runs the build.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "base/suggest.h"
#include "cli/command_doc.h"
#include "cli/from_cli11.h"
#include "cli/validators.h"
#include "epub/highlight_css.h"
#include "epub/output.h"
#include "render/highlight.h"
#include "run/check_books.h"
#include "run/plan_books.h"
#include "run/run.h"
#include "run/serve.h"
#include "sources/image_store.h"

namespace {

// The arguments that shape the books: not how the run talks (-q, -v), how many threads it uses, or its cache.
std::vector<std::string> output_args(int argc, char** argv) {
  std::vector<std::string> out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-q" || a == "--quiet" || a == "-v" || a == "--verbose" || a == "--no-cache" ||
        a.rfind("--jobs=", 0) == 0 || a.rfind("--cache-dir=", 0) == 0 || (a.rfind("-j", 0) == 0 && a.size() > 2))
      continue;
    if (a == "-j" || a == "--jobs" || a == "--cache-dir") {
      ++i;
      continue;
    }
    out.push_back(a);
  }
  return out;
}

// --shard K/N, strictly: two decimal numbers and one slash, 1 <= K <= N <= 1,000,000 (more machines than books
// in any anthology mkepub can build), nothing else.
bool parse_shard(const std::string& text, int& k, int& n) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  auto number = [](std::string_view digits, int& out) {
    if (digits.empty() || digits.size() > 7) return false;
    out = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  std::string_view all(text);
  return number(all.substr(0, slash), k) && number(all.substr(slash + 1), n) && 1 <= k && k <= n && n <= 1000000;
}

// The first argument that names no option (`--ouput`, `--ouput=x`), with the option it was probably meant to be:
// CLI11 only says the argument was not expected. "" when every argument that looks like a long option is one.
std::string unknown_flag_message(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  for (const auto* opt : app.get_options())
    for (const auto& name : opt->get_lnames()) names.push_back("--" + name);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") break;
    if (!a.starts_with("--")) continue;
    a = a.substr(0, a.find('='));
    if (std::find(names.begin(), names.end(), a) != names.end()) continue;
    std::string close = mkepub::closest_match(a, names);
    return "mkepub: error: unknown option `" + a + "`" + (close.empty() ? "" : "; did you mean `" + close + "`?") +
           "\nRun with --help for more information.\n";
  }
  return "";
}

const char* const kExamples = R"(Examples:
  mkepub seeds/ -o book.epub                 a folder of posts (searched recursively)
  mkepub post.md other.md -o book.epub       single post files
  mkepub ~/blog -o blog.epub                 a Hexo, Jekyll or Hugo site, an mdBook: its root folder
  mkepub ~/blog -o blog.epub --title "My Blog" --author "Me"
  mkepub notes/ -o notes.epub --sort name --toc-depth 2 --language zh-CN

Exit codes: 0 written, 1 bad input (nothing written), 2 bad usage, 3 internal error.
Environment: MKEPUB_CACHE_DIR (as --cache-dir), SOURCE_DATE_EPOCH (the books' modification date),
  NO_COLOR (set and not empty: no colours on a terminal).
)";

}  // namespace

#ifdef MKEPUB_SANITIZE
// The sanitized mkepub run by hand, not only by ctest (which sets LSAN_OPTIONS from tests/lsan.supp, the same
// rule): pango keeps one font map per process, holding fontconfig's patterns until exit, by design. Only
// fontconfig's frames and libvips' start-up (its types, modules and threads, once) are suppressed, never
// mkepub's.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\nleak:vips_init\n"; }
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

namespace {

using mkepub::decimal;
using mkepub::one_of;

// What the command line holds beyond Options: raw text checked once parsing is done.
struct Cli {
  mkepub::Options options;
  std::string sort = "date", dump, shard, cache_dir;
  std::vector<std::string> metadata;
  mkepub::fs::path metadata_file;
  bool no_cache = false, offline = false, no_remote_images = false, force = false;
};

void declare_options(CLI::App& app, Cli& cli) {
  mkepub::Options& o = cli.options;
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("mkepub ") + MKEPUB_VERSION);
  app.add_option("INPUT", o.inputs, "Folders (searched recursively) or post files")->type_name("PATH");
  app.add_option("-o,--output", o.output, "The EPUB file to write")->type_name("FILE");
  app.add_option("--cover", o.cover, "Cover image (PNG, JPEG or GIF); default: one is made from the title")
      ->check(CLI::ExistingFile);
  app.add_option("--css", o.css, "A stylesheet added after the book's own (its rules win); repeatable")
      ->check(CLI::ExistingFile);
  app.add_option("--templates", o.templates, "Folder of templates overriding the defaults, file by file")
      ->check(CLI::ExistingDirectory);
  app.add_option("--font", o.fonts,
                 "Embed a font family (fontconfig name) or file, subset to the book; repeat for fallbacks; "
                 "`auto`: the configured family for the book's language");
  app.add_option("--mono-font", o.mono_font, "Embed this family or file for code, subset to the code");
  app.add_flag("--obfuscate-fonts", o.obfuscate_fonts, "Obfuscate embedded fonts (IDPF), for licences that ask");
  app.add_option("--dump-templates", cli.dump, "Write the default templates into this folder and exit")
      ->type_name("DIR");
  app.add_flag("--force", cli.force, "With --dump-templates: replace templates already in the folder")
      ->needs("--dump-templates");
  app.add_option("--title", o.title, "Book title (default: the single post's title, else the folder name)");
  app.add_option("--author", o.authors, "Author; repeat for several (default: the posts' authors)");
  app.add_option("--language", o.language, "BCP 47 language tag (default: front matter, else detected)");
  app.add_option("-M,--metadata", cli.metadata,
                 "KEY=VALUE: a book-config key (title, authors, series...; see the README), over any config file; "
                 "repeatable")
      ->allow_extra_args(false);
  app.add_option("--metadata-file", cli.metadata_file, "A YAML file of book-config keys, under -M's, over any config")
      ->check(CLI::ExistingFile);
  app.add_option("--identifier", o.identifier, "Book identifier (default: a UUID derived from the book)");
  app.add_option("--resource-path", o.resource_paths, "Another folder to find images in; repeatable")
      ->check(CLI::ExistingDirectory);
  app.add_option("--toc-depth", o.toc_depth, "Heading levels in the table of contents, 1-6")
      ->default_val(3)
      ->check(decimal(1, 6));
  app.add_option("--image-max", o.image_max, "Scale images down to N pixels on the long side; 0: never")
      ->default_val(2048)
      ->check(decimal(0, 65535));
  app.add_option("--sort", cli.sort, "Chapter order: date (then file name) or name")
      ->default_val("date")
      ->check(one_of({"date", "name"}));
  app.add_flag("--keep-going", o.keep_going, "Leave out posts with errors (a warning each) instead of failing");
  app.add_flag("!--no-highlight", o.highlight, "Leave code plain (default: code naming a language is highlighted)");
  app.add_option("--highlight-style", o.highlight_style, "Colours of highlighted code: a built-in theme")
      ->default_val("default")
      ->check(one_of(mkepub::highlight_style_names()));
  app.add_flag("--vertical", o.vertical, "Vertical writing (Japanese, Chinese): pages turned right to left");
  app.add_option("-j,--jobs", o.jobs, "Threads for posts and books (default: every core)")->check(decimal(1, 256));
  app.add_option("--split-by", o.split_by, "One book per year, category or tag, into the folder -o names")
      ->check(one_of({"year", "category", "tag"}));
  app.add_option("--shard", cli.shard, "K/N: build only the books at positions K, K+N, ... (1-based), to split a batch");
  app.add_option("--depfile", o.depfile, "Write make/ninja dependencies of the books written to this file")
      ->type_name("FILE");
  app.add_option("--cache-dir", cli.cache_dir,
                 "Skip the build when nothing changed since the run that wrote the outputs (also MKEPUB_CACHE_DIR)")
      ->type_name("DIR");
  app.add_flag("--no-cache", cli.no_cache, "Build even when the cache says nothing changed");
  app.add_flag("--offline", cli.offline, "Take remote images only from the image store; never use the network");
  app.add_flag("--no-remote-images", cli.no_remote_images, "Leave remote images as links to them; fetch nothing")
      ->excludes("--offline");
  app.add_option("--fetch-timeout", o.fetch_timeout, "Seconds one remote image may take to download (default 25)")
      ->check(decimal(0.1, 3600, true));
  app.add_option("--fetch-max-bytes", o.fetch_max_bytes,
                 "A remote image larger than this is not fetched (default 20 MB)")
      ->check(decimal(1, 1 << 30));
  app.add_flag("-q,--quiet", o.quiet, "Print errors only");
  app.add_flag("-v,--verbose", o.verbose, "List every warning (by default they are grouped by kind)");
}

// SOURCE_DATE_EPOCH into the options: dcterms:modified is CCYY-MM-DDThh:mm:ssZ, from 1970 (the variable's
// specification allows no negative value) to the end of year 9999. False when it is set to anything else.
bool read_source_date_epoch(mkepub::Options& o) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return true;
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || errno == ERANGE || value < 0 || value > 253402300799 || !std::isdigit(epoch[0])) return false;
  o.source_date_epoch = value;
  return true;
}

// The checks CLI11 cannot make; the usage error to print, or "" when the options are sound.
// `serving`: mkepub serve, which needs no -o (the book goes to a temporary folder).
std::string finish_options(const CLI::App& app, Cli& cli, bool serving = false) {
  const std::string more = "\nRun with --help for more information.\n";
  mkepub::Options& o = cli.options;
  if (o.inputs.empty()) return "INPUT is required" + more;
  for (const char* flag : {"--output", "--depfile"})  // `-o ""` would otherwise read as no -o at all
    if (app.count(flag) && app.get_option(flag)->as<std::string>().empty())
      return std::string(flag) + ": expected a path, not an empty string" + more;
  if (o.output.empty() && !serving && !mkepub::find_config(o.inputs)) return "--output is required" + more;
  o.sort = cli.sort == "name" ? mkepub::Options::Sort::name : mkepub::Options::Sort::date;
  o.sort_given = app.count("--sort") > 0;
  if (!cli.shard.empty() && !parse_shard(cli.shard, o.shard, o.shards))
    return "--shard: expected K/N with 1 <= K <= N, not `" + cli.shard + "`" + more;
  if (!read_source_date_epoch(o))
    return "mkepub: error: SOURCE_DATE_EPOCH must be a number of seconds from 0 to 253402300799 (1970 to the end "
           "of 9999), not `" + std::string(std::getenv("SOURCE_DATE_EPOCH")) + "`\n";
  if (cli.cache_dir.empty())
    if (const char* env = std::getenv("MKEPUB_CACHE_DIR")) cli.cache_dir = env;
  std::error_code ec;
  if (!cli.cache_dir.empty() && mkepub::fs::exists(cli.cache_dir, ec) && !mkepub::fs::is_directory(cli.cache_dir, ec))
    return std::string(app.count("--cache-dir") ? "--cache-dir" : "MKEPUB_CACHE_DIR") + ": `" + cli.cache_dir +
           "` is a file, not a folder" + more;
  o.cache_dir = cli.cache_dir;
  o.image_store = mkepub::image_store_dir(cli.cache_dir);
  o.remote_images = cli.no_remote_images ? mkepub::RemoteImageMode::link
                    : cli.offline        ? mkepub::RemoteImageMode::offline
                                         : mkepub::RemoteImageMode::fetch;
  return "";
}

}  // namespace

// `mkepub check BOOK.epub...`: the self-check on books already made (run/check_books.h).
void declare_check(CLI::App& app, std::vector<mkepub::fs::path>& books) {
  app.description("mkepub check: mkepub's own check of EPUB books (container, package, pages, links)");
  app.add_option("BOOK", books, "EPUB files to check")->required()->type_name("FILE");
}

int check_command(int argc, char** argv) {
  CLI::App app{"", "mkepub check"};
  std::vector<mkepub::fs::path> books;
  declare_check(app, books);
  try {
    app.parse(argc - 1, argv + 1);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::string err;
  int code = mkepub::check_books(books, err);
  std::cerr << err;
  return code;
}

// `mkepub --help-man` and `mkepub --completions bash|zsh|fish`, which the build runs to make the man page and the
// completions that `cmake --install` installs: made from the options declared above, they cannot disagree.
int print_docs(int argc, char** argv) {
  Cli cli;
  CLI::App app{"mkepub: compile Markdown posts with YAML front matter into an EPUB 3 book", "mkepub"};
  declare_options(app, cli);
  mkepub::CommandDoc doc = mkepub::command_doc(app, "mkepub");
  CLI::App check;
  std::vector<mkepub::fs::path> books;
  declare_check(check, books);
  doc.commands.push_back(mkepub::command_doc(check, "check"));
  std::string text = std::string_view(argv[1]) == "--help-man" ? mkepub::man_page(doc, MKEPUB_VERSION)
                     : argc > 2                                ? mkepub::completion_script(doc, argv[2])
                                                               : "";
  if (text.empty()) {
    std::cerr << "mkepub: error: --completions takes bash, zsh or fish\n";
    return 2;
  }
  std::cout << text;
  return 0;
}

// `mkepub serve INPUT... [--port N]`: a normal build's options, checked here as a build checks them, then passed
// on as given to the builds the server runs (run/serve.h).
int serve_command(int argc, char** argv) {
  Cli cli;
  CLI::App app{"mkepub serve: build the book, show it in the browser, rebuild on every save", "mkepub serve"};
  declare_options(app, cli);
  int port = 3000;
  app.add_option("--port", port, "Serve on 127.0.0.1:N (default 3000; 0: any free port)")->check(decimal(0, 65535));
  std::vector<std::string> build_args;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--port") ++i;
    else if (!a.starts_with("--port=")) build_args.push_back(a);
  }
  try {
    app.parse(argc - 1, argv + 1);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (std::string unknown = unknown_flag_message(app, argc - 1, argv + 1); !unknown.empty()) {
      std::cerr << unknown;
      return 2;
    }
    app.exit(e);
    return 2;
  }
  const mkepub::Options& o = cli.options;
  std::string usage = finish_options(app, cli, true);
  if (usage.empty() && (!cli.dump.empty() || !o.split_by.empty() || !cli.shard.empty() || o.output == "-" ||
                        std::count(o.inputs.begin(), o.inputs.end(), mkepub::fs::path("-"))))
    usage =
        "mkepub serve shows one book built from files: --dump-templates, --split-by, --shard, -o - and - "
        "(standard input) do not apply\n";
  if (!usage.empty()) {
    std::cerr << usage;
    return 2;
  }
  mkepub::ServeRequest request{build_args, o.output, !cli.cache_dir.empty(), o.inputs, port};
  // A book config given as INPUT names its sources relative to its folder: the folder is watched too.
  if (auto config = mkepub::find_config(o.inputs); config && *config == o.inputs.front())
    request.watched.push_back(config->parent_path().empty() ? "." : config->parent_path());
  for (const auto& extra : {cli.metadata_file, o.templates, o.cover})
    if (!extra.empty()) request.watched.push_back(extra);
  request.watched.insert(request.watched.end(), o.resource_paths.begin(), o.resource_paths.end());
  request.watched.insert(request.watched.end(), o.css.begin(), o.css.end());
  return mkepub::serve(request);
}

int main(int argc, char** argv) {
  mkepub::use_bundled_syntax_definitions_only();  // before any thread: the same book on every machine
  if (argc > 1 && std::string_view(argv[1]) == "check") return check_command(argc, argv);
  if (argc > 1 && (std::string_view(argv[1]) == "--help-man" || std::string_view(argv[1]) == "--completions"))
    return print_docs(argc, argv);
  if (argc > 1 && std::string_view(argv[1]) == "serve") return serve_command(argc, argv);
  Cli cli;
  CLI::App app{"mkepub: compile Markdown posts with YAML front matter into an EPUB 3 book", "mkepub"};
  declare_options(app, cli);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (std::string unknown = unknown_flag_message(app, argc, argv); !unknown.empty()) {
      std::cerr << unknown;
      return 2;
    }
    app.exit(e);
    return 2;
  }
  if (!cli.dump.empty()) {
    try {
      mkepub::dump_templates(cli.dump, cli.force);
    } catch (const std::exception& e) {
      std::cerr << "mkepub: error: " << e.what() << "\n";
      return 1;
    }
    return 0;
  }
  if (std::string usage = finish_options(app, cli); !usage.empty()) {
    std::cerr << usage;
    return 2;
  }
  // An EPUB under another name is what was asked for, but rarely what was meant (`-o book.pdf`).
  const auto& out = cli.options.output;
  if (!out.empty() && out != "-" && cli.options.split_by.empty() && !mkepub::find_config(cli.options.inputs) &&
      out.extension() != ".epub" && out.extension() != ".EPUB" && !cli.options.quiet)
    std::cerr << "mkepub: warning: `" << out.string() << "` does not end in .epub; an EPUB is written there all the same\n";
  std::set<std::string> given;  // the flags the user gave: they win over a book config
  for (const auto* opt : app.get_options())
    if (opt->count() > 0)
      for (const auto& name : opt->get_lnames()) given.insert(name);
  return mkepub::run({cli.options, given, output_args(argc, argv), !cli.no_cache, cli.metadata, cli.metadata_file});
}
