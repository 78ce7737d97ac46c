// Links and images across the book (links.h): resolve_links with the files in a map, no disk.
#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>

#include "../strings.h"
#include "book/links.h"
#include "render/chapter.h"
#include "test_images.h"

using namespace mkepub;

namespace {


// A folder that does not exist: posts and images live only in the map.
const std::string kDir = "/nonexistent-mkepub-test/posts/";

// A 1 x 1 grey PNG and the frame of a 1 x 1 JPEG (SOI, SOF0, SOS, EOI): whole by their structure, as an image
// must be to go in (image_check.h).
const std::string kPng = std::string(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00"
    "\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x48\xaf"
    "\xa4\x71\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    67);
const std::string kJpeg = std::string(
    "\xFF\xD8\xFF\xC0\x00\x0B\x08\x00\x01\x00\x01\x01\x01\x11\x00\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00"
    "jpeg-bytes\xFF\xD9",
    37);
// A 1 x 1 GIF: its header's size is read to decide whether it is scaled.
const std::string kGif = std::string(
    "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
    "\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02"
    "D\x01\x00;",
    43);
const std::string kSvg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

struct TestBook {
  std::deque<Post> posts;
  std::vector<Chapter> chapters;
  std::map<std::string, std::string> files;  // path -> bytes
  Diagnostics diag;
  Strings reads;  // every path asked for, in order

  void add(const std::string& name, const std::string& body, int body_line = 1) {
    Post& post = posts.emplace_back();
    post.file = kDir + name;
    post.display = "posts/" + name;
    post.root = kDir;
    post.title = name;
    post.body = body;
    post.body_line = body_line;
  }

  LinkContext context;
  RemoteImages* remote = nullptr;  // what the fetch stage gave, when the test has one
  int jobs = 1;                    // threads the images are decoded on

  std::vector<Asset> resolve() {
    for (size_t i = 0; i < posts.size(); ++i)
      chapters.push_back(render_chapter(posts[i], "text/c000" + std::to_string(i + 1) + ".xhtml", diag));
    ReadAsset read = [this](const fs::path& file) -> std::optional<std::string> {
      auto path = file.lexically_normal().generic_string();
      reads.push_back(path);
      auto it = files.find(path);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
    return resolve_links(chapters, context, read, diag, remote, jobs);
  }

  // The content of chapter `i` (what follows its header), as XML.
  std::string content(size_t i) {
    auto section = chapters[i].doc->document_element().select_node("//section").node();
    std::ostringstream out;
    for (auto child = section.child("header").next_sibling(); child; child = child.next_sibling())
      child.print(out, "", pugi::format_raw);
    return out.str();
  }

  Strings warnings() const {
    Strings out;
    for (const auto& w : diag.warnings()) out.push_back(w.format("warning"));
    return out;
  }
};

}  // namespace

TEST_CASE("resolve_links: a link to another post points at its chapter") {
  TestBook t;
  t.add("a.md", "See [B](b.md), [B again](./b.md) and [B's section](b.md#details).\n");
  t.add("b.md", "## Details\n");
  CHECK(t.resolve().empty());
  CHECK(t.content(0) ==
        "<p>See <a href=\"c0002.xhtml\">B</a>, <a href=\"c0002.xhtml\">B again</a> and "
        "<a href=\"c0002.xhtml#details\">B's section</a>.</p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: fragments by slug, heading text or old id — links within the page") {
  TestBook t;
  t.add("a.md",
        "[1](#hello-world) [2](#Hello,%20World!) [3](b.md#安装) [4](#old) [5](a.md) [6](b.md#配置步骤)\n\n"
        "## Hello, World!\n\n<p id=\"old\">x</p>\n");
  t.add("b.md", "## 安装\n\n## 配置：步骤\n");
  t.resolve();
  CHECK(t.content(0) ==
        "<p><a href=\"#hello-world\">1</a> <a href=\"#hello-world\">2</a> <a href=\"c0002.xhtml#sec-1\">3</a> "
        "<a href=\"#old\">4</a> <a href=\"#top\">5</a> <a href=\"c0002.xhtml#sec-2\">6</a></p>"
        "\n<h2 id=\"hello-world\">Hello, World!</h2>\n<p id=\"old\">x</p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: percent-encoded file names") {
  TestBook t;
  t.add("a.md", "[x](my%20post.md) [y](<my post.md>)\n");
  t.add("my post.md", "");
  t.resolve();
  CHECK(t.content(0) == "<p><a href=\"c0002.xhtml\">x</a> <a href=\"c0002.xhtml\">y</a></p>\n");
}

TEST_CASE("resolve_links: external links stay — protocol-relative ones get https") {
  TestBook t;
  t.add("a.md", "[w](https://example.com/x#y) [m](mailto:a@example.com) [p](//example.com/z)\n");
  t.resolve();
  CHECK(t.content(0) ==
        "<p><a href=\"https://example.com/x#y\">w</a> <a href=\"mailto:a@example.com\">m</a> "
        "<a href=\"https://example.com/z\">p</a></p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: links that lead nowhere become text, with a warning on the post's line") {
  TestBook t;
  t.add("a.md", "Intro.\n\nA [missing](nope.md) link\nand a [bad fragment](b.md#nowhere).\n", 4);
  t.add("b.md", "## Somewhere\n");
  t.resolve();
  CHECK(t.content(0) == "<p>Intro.</p>\n<p>A missing link\nand a bad fragment.</p>\n");
  CHECK(t.warnings() == Strings{
                            "posts/a.md:6: warning: link to `nope.md` does not lead to a post; kept as plain text",
                            "posts/a.md:7: warning: link to `b.md#nowhere`: no such heading; kept as plain text",
                        });
}

TEST_CASE("resolve_links: images become assets, stored once each in order of first use") {
  TestBook t;
  t.files[kDir + "one.png"] = kPng;
  t.files[kDir + "img/two.jpg"] = kJpeg;
  t.files[kDir + "copy-of-one.png"] = kPng;
  t.files[kDir + "b/anim.gif"] = kGif;  // b.md's asset folder (Hexo's post_asset_folder)
  t.files[kDir + "draw.svg"] = kSvg;
  t.add("a.md", "![Two](img/two.jpg) ![One](./one.png)\n");
  t.add("b.md", "![One](one.png) ![Same bytes](copy-of-one.png) ![Anim](anim.gif) ![](draw.svg)\n");
  auto assets = t.resolve();
  REQUIRE(assets.size() == 4);
  CHECK(assets[0].href == "images/i0001.jpg");
  CHECK(assets[0].media_type == "image/jpeg");
  CHECK(assets[0].bytes == kJpeg);
  CHECK(assets[0].source == fs::path(kDir + "img/two.jpg"));
  CHECK(assets[1].href == "images/i0002.png");
  CHECK(assets[1].media_type == "image/png");
  CHECK(assets[1].bytes == kPng);
  CHECK(assets[2].href == "images/i0003.gif");
  CHECK(assets[2].media_type == "image/gif");
  CHECK(assets[2].source == fs::path(kDir + "b/anim.gif"));
  CHECK(assets[3].href == "images/i0004.svg");
  CHECK(assets[3].media_type == "image/svg+xml");
  CHECK(t.content(0) ==
        "<p><img src=\"../images/i0001.jpg\" alt=\"Two\"/> <img src=\"../images/i0002.png\" alt=\"One\"/></p>\n");
  CHECK(t.content(1) ==
        "<p><img src=\"../images/i0002.png\" alt=\"One\"/> <img src=\"../images/i0002.png\" alt=\"Same bytes\"/> "
        "<img src=\"../images/i0003.gif\" alt=\"Anim\"/> <img src=\"../images/i0004.svg\" alt=\"\"/></p>\n");
  CHECK(t.warnings() ==
        Strings{"posts/b.md:1: warning: image `draw.svg` has no alt text; readers who cannot see it get nothing"});
}

TEST_CASE("resolve_links: an image is looked for beside the post, then in its asset folder") {
  TestBook t;
  t.add("a.md", "![x](pic.png)\n");
  t.resolve();
  CHECK(t.reads == Strings{kDir + "pic.png", kDir + "a/pic.png"});
}

TEST_CASE("resolve_links: images decoded on two threads give what one gives, each file read once") {
  struct Built {
    std::unique_ptr<TestBook> book = std::make_unique<TestBook>();
    std::vector<Asset> assets;
  };
  auto build = [](int jobs) {
    Built b;
    TestBook& t = *b.book;
    t.jobs = jobs;
    t.context.image_max = 40;
    t.files[kDir + "a.webp"] = test::make_image(30, 20, 3, ".webp");
    t.files[kDir + "b.bmp"] = test::make_image(20, 30, 3, ".bmp");
    t.files[kDir + "big.png"] = test::make_image(90, 60, 4, ".png");
    t.files[kDir + "broken.webp"] = "RIFF....WEBPVP8 ";
    t.files[kDir + "small.png"] = kPng;
    t.add("a.md", "![A](a.webp) ![Big](big.png) ![Small](small.png)\n");
    t.add("b.md", "![Broken](broken.webp) ![B](b.bmp) ![A again](a.webp)\n");
    b.assets = t.resolve();
    return b;
  };
  Built one = build(1), two = build(2);
  REQUIRE(one.assets.size() == 4);
  REQUIRE(two.assets.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(one.assets[i].href == two.assets[i].href);
    CHECK(one.assets[i].media_type == two.assets[i].media_type);
    CHECK(one.assets[i].bytes == two.assets[i].bytes);
  }
  CHECK(test::read_back(one.assets[1].bytes).width == 40);  // big.png scaled down
  CHECK(one.book->warnings() == two.book->warnings());
  CHECK(one.book->content(1) == two.book->content(1));
  CHECK(one.book->content(0) ==
        "<p><img src=\"../images/i0001.jpg\" alt=\"A\"/> <img src=\"../images/i0002.png\" alt=\"Big\"/> "
        "<img src=\"../images/i0003.png\" alt=\"Small\"/></p>\n");
  // The broken image's own reason, as when images are decoded one after another.
  REQUIRE(two.book->warnings().size() == 1);
  CHECK(two.book->warnings()[0].starts_with("posts/b.md:1: warning: image `broken.webp` cannot be read (webp"));
  // Read once for both passes; a.webp, used twice, twice as before.
  const Strings& reads = two.book->reads;
  CHECK(std::count(reads.begin(), reads.end(), kDir + "big.png") == 1);
  CHECK(std::count(reads.begin(), reads.end(), kDir + "b.bmp") == 1);
  CHECK(std::count(reads.begin(), reads.end(), kDir + "a.webp") == 2);
}

TEST_CASE("resolve_links: images that cannot be used become their alt text, with a warning") {
  TestBook t;
  t.files[kDir + "notes.txt"] = "just text";
  t.files[kDir + "photo.webp"] = "RIFF....WEBPVP8 ";
  t.add("a.md", "![Missing](gone.png) and ![](gone-too.png)\n\n![Text](notes.txt) ![WebP](photo.webp)\n");
  CHECK(t.resolve().empty());
  CHECK(t.content(0) == "<p>Missing and </p>\n<p>Text WebP</p>\n");
  auto warnings = t.warnings();
  REQUIRE(warnings.size() == 4);
  CHECK(Strings(warnings.begin(), warnings.begin() + 3) ==
        Strings{
            "posts/a.md:1: warning: image `gone.png` not found; its alt text is shown instead",
            "posts/a.md:1: warning: image `gone-too.png` not found; its alt text is shown instead",
            "posts/a.md:3: warning: image `notes.txt` is not PNG, JPEG, GIF, SVG, WebP, AVIF, HEIC, JPEG XL, BMP, "
            "TIFF or ICO; left out",
        });
  // A WebP header with no picture after it: the decoder's reason, once.
  CHECK(warnings[3].starts_with("posts/a.md:3: warning: image `photo.webp` cannot be read ("));
  CHECK(warnings[3].ends_with("); its alt text is shown instead"));
}

TEST_CASE("resolve_links: remote images are linked, not fetched") {
  TestBook t;
  t.add("a.md", "![Logo](https://example.com/logo.png) ![](//cdn.example.com/x.png)\n");
  CHECK(t.resolve().empty());
  CHECK(t.reads.empty());
  CHECK(t.content(0) ==
        "<p><a class=\"remote-image\" href=\"https://example.com/logo.png\">Logo</a> "
        "<a class=\"remote-image\" href=\"https://cdn.example.com/x.png\">//cdn.example.com/x.png</a></p>\n");
  CHECK(t.warnings() ==
        Strings{"posts/a.md:1: warning: remote image `https://example.com/logo.png` not fetched; linked instead",
                "posts/a.md:1: warning: remote image `//cdn.example.com/x.png` not fetched; linked instead"});
}

TEST_CASE("resolve_links: fetched remote images go the way of local ones, and failed ones stay links") {
  TestBook t;
  RemoteImages remote;
  remote.by_src["https://example.com/a.png"] = RemoteImage{"/store/a", kPng};
  remote.by_src["//cdn.example.com/x.gif"] = RemoteImage{"/store/x", kGif};
  remote.by_src["https://example.com/gone.png"] = std::nullopt;  // the fetch stage warned
  remote.by_src["https://example.com/p.webp"] = RemoteImage{"/store/p", "RIFF....WEBPVP8 "};
  t.remote = &remote;
  t.files[kDir + "one.png"] = kPng;
  t.add("a.md",
        "![Gif](//cdn.example.com/x.gif) ![A](https://example.com/a.png) ![Local](one.png)\n\n"
        "![Gone](https://example.com/gone.png) ![Web](https://example.com/p.webp) ![](https://example.com/a.png)\n");
  auto assets = t.resolve();
  REQUIRE(assets.size() == 2);  // the local PNG has the remote one's bytes: stored once
  CHECK(assets[0].href == "images/i0001.gif");
  CHECK(assets[0].source == "/store/x");
  CHECK(assets[1].href == "images/i0002.png");
  CHECK(t.content(0) ==
        "<p><img src=\"../images/i0001.gif\" alt=\"Gif\"/> <img src=\"../images/i0002.png\" alt=\"A\"/> "
        "<img src=\"../images/i0002.png\" alt=\"Local\"/></p>\n"
        "<p><a class=\"remote-image\" href=\"https://example.com/gone.png\">Gone</a> "
        "<a class=\"remote-image\" href=\"https://example.com/p.webp\">Web</a> "
        "<img src=\"../images/i0002.png\" alt=\"\"/></p>\n");
  CHECK(
      t.warnings() ==
      Strings{"posts/a.md:3: warning: remote image `https://example.com/p.webp` cannot be read (webp: unable to "
              "parse image); linked instead",
              "posts/a.md:3: warning: image `https://example.com/a.png` has no alt text; readers who cannot see it get "
              "nothing"});
}

TEST_CASE("resolve_links: no line attributes are left behind") {
  TestBook t;
  t.files[kDir + "one.png"] = kPng;
  t.add("a.md", "<a href=\"b.md\">raw</a> [md](b.md) ![i](one.png) [gone](x.md)\n");
  t.add("b.md", "");
  t.resolve();
  for (const auto& ch : t.chapters) CHECK(ch.doc->select_nodes("//*[@data-mkepub-line]").empty());
}

TEST_CASE("resolve_links: external URLs are escaped as URIs and unknown schemes become text") {
  TestBook t;
  t.add("a.md", "<a href=\"https://d.org/#/ja/x#書名\">a</a> <a href=\"xref:System.String\">b</a>\n");
  t.resolve();
  CHECK(t.content(0) == "<p><a href=\"https://d.org/#/ja/x%23%E6%9B%B8%E5%90%8D\">a</a> b</p>\n");
  CHECK(t.warnings() ==
        Strings{"posts/a.md:1: warning: link `xref:System.String` has a scheme readers do not know; kept as plain text"});
}

TEST_CASE("resolve_links: posts found without extension, as .html, as folder index, from the site root, by permalink") {
  TestBook t;
  t.context.source_dir = kDir;
  t.context.posts_dir = kDir;
  t.context.permalink = "news/:year/:month/:day/:title/";
  t.add("a.md", "[1](b) [2](b.html) [3](sub/) [4](/b.md) [5](/news/2024/03/02/b/) [6](B.MD)\n");
  t.add("b.md", "b\n");
  t.posts.back().date = Date{2024, 3, 2};
  t.add("sub/index.md", "c\n");
  t.resolve();
  CHECK(t.content(0) ==
        "<p><a href=\"c0002.xhtml\">1</a> <a href=\"c0002.xhtml\">2</a> <a href=\"c0003.xhtml\">3</a> "
        "<a href=\"c0002.xhtml\">4</a> <a href=\"c0002.xhtml\">5</a> <a href=\"c0002.xhtml\">6</a></p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: a post's own permalink (Jekyll's front matter) finds it") {
  TestBook t;
  t.context.source_dir = kDir;
  t.add("a.md", "[about](/about-me/) [about](/about-me.html)\n");
  t.add("_pages/about.md", "b\n");
  t.posts.back().permalink = "/about-me/";
  t.context.base_path = "/blog";
  t.add("c.md", "[a](/blog/about-me/) [b](/blog/a.md)\n");
  t.resolve();
  CHECK(t.content(2) == "<p><a href=\"c0002.xhtml\">a</a> <a href=\"c0001.xhtml\">b</a></p>\n");
  CHECK(t.content(0) == "<p><a href=\"c0002.xhtml\">about</a> <a href=\"c0002.xhtml\">about</a></p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: a site-root link to a page not in the book goes to the site's url") {
  TestBook t;
  t.context.site_url = "https://hexo.io/";
  t.add("a.md", "[docs](/docs/themes.html#Publishing)\n");
  t.resolve();
  CHECK(t.content(0) == "<p><a href=\"https://hexo.io/docs/themes.html#Publishing\">docs</a></p>\n");
}

TEST_CASE("resolve_links: a site url that is not http or https is never a link's target") {
  for (const char* url : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "mailto:a@b.c"}) {
    TestBook t;
    t.context.site_url = url;
    t.add("a.md", "[docs](/docs/)\n");
    t.resolve();
    CHECK_MESSAGE(t.content(0) == "<p>docs</p>\n", url);
  }
}

TEST_CASE("resolve_links: a link by the site's own url to a page in the book is a chapter link") {
  TestBook t;
  t.context.source_dir = kDir;
  t.context.site_url = "https://mademistakes.com";
  t.add("a.md",
        "[b](https://mademistakes.com/_posts/b.md#x) [c](https://mademistakes.com/c/) "
        "[d](https://mademistakes.community/)\n");
  t.add("_posts/b.md", "## X\n");
  t.resolve();
  CHECK(t.content(0) ==
        "<p><a href=\"c0002.xhtml#x\">b</a> <a href=\"https://mademistakes.com/c/\">c</a> "
        "<a href=\"https://mademistakes.community/\">d</a></p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: a SUMMARY-style hash link (#docs/intro) points at that chapter") {
  TestBook t;
  t.context.source_dir = kDir;
  t.add("a.md", "[intro](#docs/intro)\n");
  t.add("docs/intro.md", "Intro.\n");
  t.resolve();
  CHECK(t.content(0) == "<p><a href=\"c0002.xhtml\">intro</a></p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: the site's own URLs, under its root, with index.html or encoded CJK, are chapter links") {
  TestBook t;
  t.context.source_dir = kDir;
  t.context.posts_dir = kDir;
  t.context.permalink = ":year/:month/:day/:title/";
  t.context.site_url = "https://example.com/blog";
  t.context.site_root = "/blog/";
  t.add("a.md",
        "[1](https://example.com/blog/2024/03/02/b/#Usage) [2](http://www.example.com/blog/2024/03/02/b/index.html) "
        "[3](/blog/2024/03/02/b) [4](/blog/2024/03/02/%E4%BD%A0%E5%A5%BD/) [5](/blog/about/) "
        "[6](https://example.com/blog/elsewhere/) [7](https://other.org/blog/2024/03/02/b/)\n");
  t.add("b.md", "## Usage\n");
  t.posts.back().date = Date{2024, 3, 2};
  t.add("你好.md", "c\n");
  t.posts.back().date = Date{2024, 3, 2};
  t.add("about.md", "d\n");
  t.posts.back().permalink = "/about/";
  t.resolve();
  CHECK(t.content(0) ==
        "<p><a href=\"c0002.xhtml#usage\">1</a> <a href=\"c0002.xhtml\">2</a> <a href=\"c0002.xhtml\">3</a> "
        "<a href=\"c0003.xhtml\">4</a> <a href=\"c0004.xhtml\">5</a> "
        "<a href=\"https://example.com/blog/elsewhere/\">6</a> <a href=\"https://other.org/blog/2024/03/02/b/\">7</a>"
        "</p>\n");
  CHECK(t.warnings() == Strings{});
}

TEST_CASE("resolve_links: a root-relative link not in the book goes to the site without doubling its root") {
  TestBook t;
  t.context.site_url = "https://example.com/blog";
  t.context.site_root = "/blog/";
  t.add("a.md", "[x](/blog/tags/c/)\n");
  t.resolve();
  CHECK(t.content(0) == "<p><a href=\"https://example.com/blog/tags/c/\">x</a></p>\n");
}
