// The container (container.h): entries zipped as the OCF requires, byte-for-byte the same for the same entries.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "epub/container.h"
#include "../strings.h"

using namespace mkepub;

namespace {

std::vector<Entry> sample() {
  return {
      {"mimetype", "application/epub+zip", true},
      {"META-INF/container.xml", "<?xml version=\"1.0\"?>\n<container/>\n"},
      {"EPUB/text/c0001.xhtml", std::string(5000, 'x') + "中文"},
      {"EPUB/images/i0001.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)},
      {"EPUB/empty.css", ""},
  };
}

unsigned u16(const std::string& b, size_t at) {
  return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}

uint32_t u32(const std::string& b, size_t at) { return u16(b, at) | static_cast<uint32_t>(u16(b, at + 2)) << 16; }

// The local file headers in order (APPNOTE.TXT 4.3.7): name, method, time, date, extra length.
struct Local {
  std::string name;
  unsigned method, time, date, extra;
};

std::vector<Local> local_headers(const std::string& zip) {
  std::vector<Local> out;
  size_t at = 0;
  while (at + 30 <= zip.size() && u32(zip, at) == 0x04034b50) {
    unsigned flags = u16(zip, at + 6);
    REQUIRE((flags & 0x8) == 0);  // no data descriptors: sizes are in the header
    unsigned name_len = u16(zip, at + 26), extra = u16(zip, at + 28);
    out.push_back({zip.substr(at + 30, name_len), u16(zip, at + 8), u16(zip, at + 10), u16(zip, at + 12), extra});
    at += 30 + name_len + extra + u32(zip, at + 18);
  }
  return out;
}

}  // namespace

TEST_CASE("zip_entries/unzip_entries: a round trip keeps paths, bytes, order and storage") {
  auto entries = sample();
  auto back = unzip_entries(zip_entries(entries));
  REQUIRE(back.size() == entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(entries[i].path);
    CHECK(back[i].path == entries[i].path);
    CHECK(back[i].bytes == entries[i].bytes);
    CHECK(back[i].stored == entries[i].stored);
  }
}

TEST_CASE("zip_entries: mimetype first, stored, with no extra field (OCF 4.2.2)") {
  std::string zip = zip_entries(sample());
  CHECK(zip.substr(0, 4) == "PK\x03\x04");
  CHECK(u16(zip, 8) == 0);         // stored
  CHECK(u16(zip, 26) == 8);        // name length
  CHECK(u16(zip, 28) == 0);        // extra field length
  CHECK(zip.substr(30, 8) == "mimetype");
  CHECK(zip.substr(38, 20) == "application/epub+zip");
}

TEST_CASE("zip_entries: the rest deflated, fixed timestamps, no extra fields") {
  auto headers = local_headers(zip_entries(sample()));
  Strings names;
  for (const auto& h : headers) {
    CAPTURE(h.name);
    names.push_back(h.name);
    CHECK(h.method == (h.name == "mimetype" ? 0u : 8u));
    CHECK(h.time == 0);
    CHECK(h.date == ((0 << 9) | (1 << 5) | 1));  // 1980-01-01
    CHECK(h.extra == 0);
  }
  CHECK(names == Strings{"mimetype", "META-INF/container.xml", "EPUB/text/c0001.xhtml", "EPUB/images/i0001.png",
                         "EPUB/empty.css"});
}

TEST_CASE("zip_entries: the same entries give the same bytes") {
  CHECK(zip_entries(sample()) == zip_entries(sample()));
  auto other = sample();
  other[2].bytes += "!";
  CHECK(zip_entries(other) != zip_entries(sample()));
}

TEST_CASE("zip_entries: compression shrinks repetitive text") {
  std::string zip = zip_entries(sample());
  CHECK(zip.size() < 2000);
}

TEST_CASE("unzip_entries: bytes that are not a zip throw") {
  CHECK_THROWS_AS(unzip_entries("not a zip"), std::runtime_error);
}

TEST_CASE("write_zip: the pieces, each at its offset, make the archive, libzip's small writes are gathered") {
  std::string file;
  int writes = 0;
  write_zip(sample(), [&](std::string_view piece, uint64_t offset) {
    ++writes;
    if (file.size() < offset + piece.size()) file.resize(offset + piece.size());
    file.replace(offset, piece.size(), piece);
  });
  CHECK(file == zip_entries(sample()));
  CHECK(unzip_entries(file).size() == sample().size());
  CHECK(writes == 1);  // headers completed within the gathered megabyte
}

TEST_CASE("write_zip: an entry past the gathered megabyte has its header completed in the file") {
  auto entries = sample();
  std::string big(3 << 19, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 2654435761u >> 13);
  entries.push_back({"EPUB/images/big.png", big, true});
  std::string file;
  bool went_back = false;
  write_zip(entries, [&](std::string_view piece, uint64_t offset) {
    went_back = went_back || offset < file.size();
    if (file.size() < offset + piece.size()) file.resize(offset + piece.size());
    file.replace(offset, piece.size(), piece);
  });
  CHECK(went_back);
  auto back = unzip_entries(file);
  REQUIRE(back.size() == entries.size());
  CHECK(back.back().bytes == big);
}

TEST_CASE("write_zip: the sink's error comes out as it was thrown (a full disk keeps its message)") {
  auto full = [](std::string_view, uint64_t) { throw std::runtime_error("cannot write b.epub: No space left on device"); };
  CHECK_THROWS_WITH_AS(write_zip(sample(), full), "cannot write b.epub: No space left on device", std::runtime_error);
}
