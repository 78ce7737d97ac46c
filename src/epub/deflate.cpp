// Raw DEFLATE (RFC 1951), as ZIP stores entries; also how parked pages wait in memory. zlib is used here only.
#include "epub/deflate.h"

#include "base/parallel.h"

#include <zlib.h>

#include <stdexcept>

namespace mkepub {

std::string deflate_raw(std::string_view data, int level) {
  z_stream z{};
  // windowBits -15: a raw stream, as ZIP stores it (no zlib header).
  if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflate: init");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate: stream did not end");
  out.shrink_to_fit();
  return out;
}

std::string inflate_raw(std::string_view data, size_t size) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) throw std::runtime_error("inflate: init");
  std::string out(size, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  if (rc != Z_STREAM_END || z.total_out != size) throw std::runtime_error("inflate: not the stream that was written");
  return out;
}

void deflate_entry(Entry& e) {
  if (e.stored || e.deflated) return;
  // Level 6 is zip's and zlib's default.
  std::string out = deflate_raw(e.bytes, 6);
  e.size = e.bytes.size();
  e.crc = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(e.bytes.data()), static_cast<uInt>(e.bytes.size()));
  e.bytes = std::move(out);
  e.deflated = true;
}

std::string inflate_entry(const Entry& e) { return e.deflated ? inflate_raw(e.bytes, e.size) : e.bytes; }

void deflate_entries(std::vector<Entry>& entries, int jobs) {
  parallel_for(entries.size(), jobs, [&](size_t i) { deflate_entry(entries[i]); });
}

}  // namespace mkepub
