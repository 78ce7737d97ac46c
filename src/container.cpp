// The OCF ZIP container (https://www.w3.org/TR/epub-33/#sec-zip-container-zipreqs). libzip is used here only.
#include "container.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <stdexcept>

namespace mkepub {
namespace {

// 1980-01-01 00:00, the earliest DOS time: no build depends on the clock.
constexpr zip_uint16_t kDosTime = 0, kDosDate = (0 << 9) | (1 << 5) | 1;

// A libzip source for an entry deflated beforehand: its stat says DEFLATE with the sizes and CRC, so zip_close
// copies the bytes as they are instead of compressing them again, one entry after another, on one core.
struct Reader {
  const Entry* entry;
  size_t offset;
};

zip_int64_t deflated_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* r = static_cast<Reader*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      r->offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      size_t n = std::min<size_t>(len, r->entry->bytes.size() - r->offset);
      std::memcpy(data, r->entry->bytes.data() + r->offset, n);
      r->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
      st->size = r->entry->size;
      st->comp_size = r->entry->bytes.size();
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = static_cast<zip_uint32_t>(r->entry->crc);
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(nullptr, data, len);
    case ZIP_SOURCE_FREE:
      delete r;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

zip_source_t* source_for(zip_t* za, const Entry& e) {
  if (!e.deflated) return zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
  auto* reader = new Reader{&e, 0};
  zip_source_t* src = zip_source_function(za, deflated_source, reader);
  if (!src) delete reader;
  return src;
}

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  std::string msg = std::string(what) + ": " + zip_error_strerror(err);
  throw std::runtime_error(msg);
}

}  // namespace

void write_zip(std::vector<Entry> entries, const std::function<void(std::string_view)>& sink) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer) fail("zip buffer", &err);
  zip_source_keep(buffer);  // read the bytes back after zip_close
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(buffer);
    fail("zip open", &err);
  }
  for (const auto& e : entries) {
    zip_source_t* src = source_for(za, e);
    zip_int64_t index = src ? zip_file_add(za, e.path.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      zip_discard(za);
      zip_source_free(buffer);
      throw std::runtime_error("zip add " + e.path);
    }
    if (!e.deflated) zip_set_file_compression(za, index, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.stored ? 0 : 6);
    zip_file_set_dostime(za, index, kDosTime, kDosDate, 0);
    zip_file_set_external_attributes(za, index, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  if (zip_close(za) != 0) {
    std::string msg = zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    throw std::runtime_error("zip close: " + msg);
  }
  std::vector<Entry>().swap(entries);  // the archive holds it all now
  // Handed on in pieces: the archive is not copied whole once more.
  bool ok = zip_source_open(buffer) == 0;
  std::string piece(1 << 20, '\0');
  for (zip_int64_t n; ok && (n = zip_source_read(buffer, piece.data(), piece.size())) != 0;) {
    if (n < 0) {
      ok = false;
      break;
    }
    try {
      sink(std::string_view(piece.data(), static_cast<size_t>(n)));
    } catch (...) {
      zip_source_close(buffer);
      zip_source_free(buffer);
      throw;
    }
  }
  if (ok) zip_source_close(buffer);
  zip_source_free(buffer);
  if (!ok) throw std::runtime_error("zip: cannot read the archive back");
}

std::string zip_entries(const std::vector<Entry>& entries) {
  std::string out;
  write_zip(entries, [&](std::string_view piece) { out += piece; });
  return out;
}

std::vector<Entry> unzip_entries(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) fail("zip buffer", &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) {
    zip_source_free(src);
    fail("zip open", &err);
  }
  std::vector<Entry> out;
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    Entry e{st.name, std::string(st.size, '\0'), st.comp_method == ZIP_CM_STORE};
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (f) {
      zip_fread(f, e.bytes.data(), st.size);
      zip_fclose(f);
    }
    out.push_back(std::move(e));
  }
  zip_close(za);
  return out;
}

}  // namespace mkepub
