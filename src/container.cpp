// The OCF ZIP container (https://www.w3.org/TR/epub-33/#sec-zip-container-zipreqs). libzip is used here only.
#include "container.h"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace mkepub {
namespace {

// 1980-01-01 00:00, the earliest DOS time: no build depends on the clock.
constexpr zip_uint16_t kDosTime = 0, kDosDate = (0 << 9) | (1 << 5) | 1;

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  std::string msg = std::string(what) + ": " + zip_error_strerror(err);
  throw std::runtime_error(msg);
}

}  // namespace

std::string zip_entries(const std::vector<Entry>& entries) {
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
    zip_source_t* src = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
    zip_int64_t index = src ? zip_file_add(za, e.path.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      zip_discard(za);
      zip_source_free(buffer);
      throw std::runtime_error("zip add " + e.path);
    }
    zip_set_file_compression(za, index, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.stored ? 0 : 9);
    zip_file_set_dostime(za, index, kDosTime, kDosDate, 0);
    zip_file_set_external_attributes(za, index, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  if (zip_close(za) != 0) {
    std::string msg = zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    throw std::runtime_error("zip close: " + msg);
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) out.clear();
  }
  zip_source_free(buffer);
  if (out.empty()) throw std::runtime_error("zip: cannot read the archive back");
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
