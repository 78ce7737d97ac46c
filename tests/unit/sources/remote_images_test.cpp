// The remote-image stage's pure parts (remote_images.h) and the image store (image_store.h), without a network:
// which srcs are fetched and as what URL, what counts as image bytes, what the store gives back.
#include <doctest/doctest.h>

#include <fstream>

#include "../dialects/site_support.h"
#include "sources/image_store.h"
#include "sources/remote_images.h"

using namespace mkepub;
using mkepub::testing::TempDir;

TEST_CASE("remote_image_url: http and https only, scheme-relative as https, escaped for the request") {
  CHECK(remote_image_url("https://img.example.com/a.png") == "https://img.example.com/a.png");
  CHECK(remote_image_url("HTTP://img.example.com/a.png?w=2") == "HTTP://img.example.com/a.png?w=2");
  CHECK(remote_image_url("//cdn.example.com/x.gif") == "https://cdn.example.com/x.gif");
  CHECK(remote_image_url("https://x.cn/图 1.png#top") == "https://x.cn/%E5%9B%BE%201.png");
  CHECK(remote_image_url("ftp://example.com/a.png").empty());
  CHECK(remote_image_url("data:image/png;base64,iVBO").empty());
  CHECK(remote_image_url("images/a.png").empty());
  CHECK(remote_image_url("/images/a.png").empty());
}

TEST_CASE("ImageStore: what was put is got back by URL, and a damaged object is not") {
  TempDir dir;
  ImageStore store(dir.path);
  CHECK_FALSE(store.get("https://x/a.png"));
  auto file = store.put("https://x/a.png", "GIF89a-bytes");
  REQUIRE(file);
  CHECK(file->parent_path().parent_path() == dir.path / "objects");
  auto again = store.get("https://x/a.png");
  REQUIRE(again);
  CHECK(again->bytes == "GIF89a-bytes");
  CHECK(again->file == *file);
  CHECK_FALSE(store.get("https://x/b.png"));
  // Two URLs with the same bytes share one object.
  CHECK(store.put("https://y/same.gif", "GIF89a-bytes") == file);
  std::ofstream(*file, std::ios::binary) << "GIF89a-changed";
  CHECK_FALSE(store.get("https://x/a.png"));
  CHECK_FALSE(ImageStore(fs::path()).put("https://x/a.png", "GIF89a"));
}

TEST_CASE("image_store_dir: the cache folder first, then XDG_CACHE_HOME") {
  CHECK(image_store_dir("/c") == fs::path("/c/remote-images"));
  const char* old = std::getenv("XDG_CACHE_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  CHECK(image_store_dir("") == fs::path("/xdg/mkepub/remote-images"));
  if (old) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else unsetenv("XDG_CACHE_HOME");
}
