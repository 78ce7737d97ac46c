// Nothing lost: a failed build leaves the existing book byte for byte and no temporary file, the inputs are never
// touched, and an output that would overwrite an input, or cannot be written, is a clear error.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <map>
#include <vector>

#include <libdeflate.h>

#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

// Every file under `dir` with its bytes and modification time.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    auto time = e.last_write_time().time_since_epoch().count();
    files[e.path().string()] = slurp(e.path()) + "@" + std::to_string(time);
  }
  return files;
}

// A small blog with an image, written into `dir`.
void make_blog(const fs::path& dir) {
  spit(dir / "post.md", "---\ntitle: Post\n---\n![a picture](pic.png)\n");
  spit(dir / "pic.png", slurp(fs::path(MKEPUB_SOURCE_DIR) / "samples/hello-world/diagram.png"));
}

// Unmounts on scope exit what a test mounted.
struct Mount {
  fs::path dir;
  bool mounted = false;
  Mount(const fs::path& d, const std::string& size) : dir(d) {
    fs::create_directories(dir);
    mounted = mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~Mount() {
    if (mounted) umount(dir.c_str());
  }
};

}  // namespace

TEST_CASE("output: a failed build leaves the existing book byte for byte, and the inputs untouched") {
  TempDir tmp;
  make_blog(tmp / "in");
  auto before = snapshot(tmp / "in");
  REQUIRE(run_mkepub(quote(tmp / "in") + " -q -o " + quote(tmp / "book.epub")).code == 0);
  require_valid(tmp / "book.epub");
  const std::string book = slurp(tmp / "book.epub");
  CHECK(snapshot(tmp / "in") == before);

  spit(tmp / "bad/yaml.md", "---\ntags: [a\n---\n");
  spit(tmp / "deep/deep.md", std::string(500, '>') + " x\n");
  spit(tmp / "bomb/b.md", "---\na: &a [x, *a]\n---\n");
  for (const char* input : {"bad", "deep", "bomb", "missing"}) {
    auto r = run_mkepub(quote(tmp / input) + " -o " + quote(tmp / "book.epub"));
    CHECK_MESSAGE(r.code == 1, input);
    CHECK_MESSAGE(slurp(tmp / "book.epub") == book, input);
    CHECK(temporaries(tmp.path) == 0);
  }
  CHECK(snapshot(tmp / "in") == before);
}

TEST_CASE("output: an image the book embeds, or a post, may not be the output") {
  TempDir tmp;
  make_blog(tmp / "in");
  auto before = snapshot(tmp / "in");
  for (const char* file : {"pic.png", "post.md"}) {
    auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "in" / file));
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK(r.output.find((tmp / "in" / file).string() + ": error: the output is one of the inputs; nothing written") !=
          std::string::npos);
  }
  CHECK(snapshot(tmp / "in") == before);
  CHECK(temporaries(tmp / "in") == 0);
}

TEST_CASE("output: a missing output folder is an error, not created") {
  TempDir tmp;
  make_blog(tmp / "in");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "no/such/book.epub"));
  CHECK(r.code == 1);
  CHECK(r.output.find("no/such/book.epub: error: cannot write in " + (tmp / "no/such").string() +
                      ": No such file or directory") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "no"));
}

TEST_CASE("output: a read-only output folder is an error, and its book survives") {
  TempDir tmp;
  make_blog(tmp / "in");
  spit(tmp / "ro/book.epub", "OLD BOOK");
  fs::permissions(tmp / "ro", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  // root writes anywhere: the build runs as nobody.
  std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  auto r = run(as_user + quote(MKEPUB_BINARY) + " " + quote(tmp / "in") + " -o " + quote(tmp / "ro/book.epub"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("ro/book.epub: error: cannot write in " + (tmp / "ro").string() + ": Permission denied") !=
        std::string::npos);
  CHECK(slurp(tmp / "ro/book.epub") == "OLD BOOK");
  CHECK(temporaries(tmp / "ro") == 0);
  fs::permissions(tmp / "ro", fs::perms::all);
}

namespace {

// A valid width x height RGB PNG of pseudo-random pixels, stored uncompressed (PNG: ISO/IEC 15948).
std::string noise_png(uint32_t width, uint32_t height) {
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    std::string body = type + data;
    return be32(uint32_t(data.size())) + body + be32(uint32_t(libdeflate_crc32(0, body.data(), body.size())));
  };
  std::string raw;
  uint32_t x = 1;
  for (uint32_t row = 0; row < height; ++row) {
    raw += '\0';  // filter type None
    for (uint32_t i = 0; i < width * 3; ++i) raw += static_cast<char>((x = x * 1103515245 + 12345) >> 24);
  }
  libdeflate_compressor* c = libdeflate_alloc_compressor(0);
  std::string idat(libdeflate_zlib_compress_bound(c, raw.size()), '\0');
  idat.resize(libdeflate_zlib_compress(c, raw.data(), raw.size(), idat.data(), idat.size()));
  libdeflate_free_compressor(c);
  std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", "");
}

}  // namespace

TEST_CASE("output: a full disk is an error, and the old book and no temporary file are left") {
  TempDir tmp;
  make_blog(tmp / "in");
  // An image that does not compress makes the book bigger than the disk: a whole PNG of noise, its pixels
  // stored (deflate level 0), so that the image check lets it in.
  spit(tmp / "in/noise.png", noise_png(300, 300));
  spit(tmp / "in/big.md", "---\ntitle: Big\n---\n![noise](noise.png)\n");
  Mount disk(tmp / "disk", "64k");
  if (!disk.mounted) {
    MESSAGE("skipped: cannot mount a tmpfs here (needs root and the mount permission)");
    return;
  }
  spit(tmp / "disk/book.epub", "OLD BOOK");
  auto r = run_mkepub(quote(tmp / "in") + " -o " + quote(tmp / "disk/book.epub"));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("disk/book.epub: error: cannot write " + (tmp / "disk/book.epub").string() +
                      ": No space left on device") != std::string::npos);
  CHECK(slurp(tmp / "disk/book.epub") == "OLD BOOK");
  CHECK(temporaries(tmp / "disk") == 0);
}

TEST_CASE("output: no output replaces a book config, its templates or cover, a font, or a Jekyll include") {
  TempDir tmp;
  make_blog(tmp / "cfg/posts");
  spit(tmp / "cfg/mkepub.yaml", "title: C\nsources: [posts]\ntemplates: tpl\ncover: cover.png\n");
  spit(tmp / "cfg/tpl/book.css", "body { margin: 0 }\n");
  spit(tmp / "cfg/cover.png", slurp(tmp / "cfg/posts/pic.png"));
  auto font = run("fc-match -f '%{file}' 'LXGW WenKai'");
  REQUIRE(font.code == 0);
  fs::copy_file(font.output, tmp / "face.ttf");
  spit(tmp / "jekyll/_config.yml", "title: J\n");
  spit(tmp / "jekyll/_includes/note.html", "<p>Note</p>\n");
  spit(tmp / "jekyll/_posts/2020-01-02-a.md",
       "---\ntitle: A\n---\n{% include note.html %}\n\n{% include_relative part.md %}\n");
  spit(tmp / "jekyll/_posts/part.md", "Part.\n");
  struct Case {
    std::string args, output, flag = "-o";
  };
  const std::vector<Case> cases = {
      {"cfg", "cfg/mkepub.yaml"},
      {"cfg", "cfg/tpl/book.css"},
      {"cfg", "cfg/cover.png"},
      {"cfg", "cfg/mkepub.yaml", "--depfile"},
      {"cfg --font face.ttf", "face.ttf"},
      {"cfg --font face.ttf", "face.ttf", "--depfile"},
      {"jekyll", "jekyll/_includes/note.html"},
      {"jekyll", "jekyll/_posts/part.md"},
      {"jekyll", "jekyll/_posts/part.md", "--depfile"},
  };
  for (const auto& c : cases) {
    const std::string before = slurp(tmp / c.output);
    std::string book = c.flag == "-o" ? "" : " -o " + quote(tmp / "book.epub");
    auto r = run("cd " + quote(tmp.path) + " && " + quote(MKEPUB_BINARY) + " " + c.args + book + " " + c.flag + " " +
                 quote(c.output));
    INFO(c.args, " ", c.flag, " ", c.output, "\n", r.output);
    CHECK(r.code == 1);
    CHECK(r.output.find(c.output + ": error: the output is one of the inputs; nothing written") != std::string::npos);
    CHECK(slurp(tmp / c.output) == before);
    CHECK_FALSE(fs::exists(tmp / "book.epub"));
    CHECK(temporaries(tmp.path) + temporaries(tmp / "cfg") + temporaries(tmp / "jekyll/_posts") == 0);
  }
}
