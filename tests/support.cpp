// Test support: running the mkepub binary and epubcheck, temporary folders, reading files.
#include "support.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>

namespace mkepub::test {

Run run(const std::string& command) {
  Run r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.output.append(buf, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Run run_mkepub(const std::string& args) { return run(quote(MKEPUB_BINARY) + " " + args); }

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MKEPUB_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MKEPUB_ASAN 1
#endif

Run run_mkepub_bounded(const std::string& args, int seconds) {
  // 8 GB of address space: mkepub's threads reserve stacks and malloc arenas they never touch. Not under ASan,
  // whose shadow memory reserves terabytes of address space (and which catches runaway memory itself).
#ifdef MKEPUB_ASAN
  const std::string limit_memory;
#else
  const std::string limit_memory = "ulimit -v 8000000; ";
#endif
  return run(limit_memory + "timeout -k 5 " + std::to_string(seconds) + " " + quote(MKEPUB_BINARY) + " " + args);
}

Epubcheck epubcheck(const fs::path& epub) {
  Epubcheck e;
  auto r = run("java -jar /usr/share/java/epubcheck.jar " + quote(epub.string()));
  e.output = r.output;
  std::smatch m;
  static const std::regex counts(R"(Messages: (\d+) fatals / (\d+) errors / (\d+) warnings)");
  if (std::regex_search(r.output, m, counts)) {
    e.fatals = std::stoi(m[1]);
    e.errors = std::stoi(m[2]);
    e.warnings = std::stoi(m[3]);
  }
  return e;
}

void require_valid(const fs::path& epub) {
  auto check = epubcheck(epub);
  INFO(check.output);
  CHECK(check.fatals == 0);
  CHECK(check.errors == 0);
  CHECK(check.warnings == 0);
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "mkepub-test-XXXXXX").string();
  path = mkdtemp(tmpl.data());
  fs::permissions(path, fs::perms::all);  // tests that drop root must still write here
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

int temporaries(const fs::path& dir) {
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().find(".tmp-") != std::string::npos;
  return n;
}

}  // namespace mkepub::test
