// The OCF ZIP container (https://www.w3.org/TR/epub-33/#sec-zip-container-zipreqs). libzip is used here only.
#include "epub/container.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <cstring>
#include <string>
#include <functional>
#include <memory>
#include <string_view>
#include <stdexcept>

namespace mkepub {
namespace {

// 1980-01-01 00:00, the earliest DOS time: no build depends on the clock.
constexpr zip_uint16_t kDosTime = 0, kDosDate = (0 << 9) | (1 << 5) | 1;

// A libzip source for one entry, read from the Entry as it is. For an entry deflated beforehand its stat says
// DEFLATE with the sizes and CRC, so zip_close copies the bytes as they are instead of compressing them again, one
// entry after another, on one core. Once read to the end, its bytes are released: the archive is written while
// it is made, so the entries behind it need not outlive it.
struct Reader {
  Entry* entry;
  size_t offset;
  bool released;
};

zip_int64_t entry_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* r = static_cast<Reader*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      r->offset = 0;
      return r->released ? -1 : 0;
    case ZIP_SOURCE_READ: {
      size_t n = std::min<size_t>(len, r->entry->bytes.size() - r->offset);
      std::memcpy(data, r->entry->bytes.data() + r->offset, n);
      r->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      if (r->offset == r->entry->bytes.size()) std::string().swap(r->entry->bytes), r->released = true;
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE;
      st->size = r->entry->deflated ? r->entry->size : r->entry->bytes.size();
      if (r->entry->deflated) {
        st->valid |= ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->comp_size = r->entry->bytes.size();
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = static_cast<zip_uint32_t>(r->entry->crc);
      }
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

zip_source_t* source_for(zip_t* za, Entry& e) {
  auto* reader = new Reader{&e, 0, false};
  zip_source_t* src = zip_source_function(za, entry_source, reader);
  if (!src) delete reader;
  return src;
}

// The archive itself, as libzip writes it: straight into the sink (the output file), never whole in memory.
// libzip writes a header, the data in 8 KB pieces, then goes back to complete the header: the pieces are gathered
// into a megabyte (a header rewritten within it is rewritten there) so the file gets a few dozen writes, not
// tens of thousands. C frames lie between here and write_zip: the sink's exception is kept and rethrown once
// zip_close has returned.
struct Writer {
  const Sink& sink;
  zip_uint64_t offset = 0, end = 0;
  std::string pending;  // bytes for the file at pending_at
  zip_uint64_t pending_at = 0;
  zip_error_t error;
  std::exception_ptr failure;

  bool flush() {
    try {
      if (!pending.empty()) sink(pending, pending_at);
    } catch (...) {
      failure = std::current_exception();
      zip_error_set(&error, ZIP_ER_WRITE, 0);
      return false;
    }
    pending.clear();
    return true;
  }

  bool write(std::string_view bytes) {
    const zip_uint64_t pending_end = pending_at + pending.size();
    if (offset >= pending_at && offset + bytes.size() <= pending_end) {
      pending.replace(offset - pending_at, bytes.size(), bytes);
    } else if (offset == pending_end && pending.size() + bytes.size() <= kPiece) {
      pending += bytes;
    } else {
      if (!flush()) return false;
      pending_at = offset;
      pending.assign(bytes);
    }
    offset += bytes.size();
    end = std::max(end, offset);
    return true;
  }

  static constexpr size_t kPiece = 1 << 20;
};

zip_int64_t archive_target(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* w = static_cast<Writer*>(state);
  switch (cmd) {
    case ZIP_SOURCE_STAT:  // there is no archive to read back: libzip asks this way whether the file exists
      zip_error_set(&w->error, ZIP_ER_READ, ENOENT);
      return -1;
    case ZIP_SOURCE_BEGIN_WRITE:
      w->offset = w->end = w->pending_at = 0;
      w->pending.clear();
      return 0;
    case ZIP_SOURCE_WRITE:
      return w->write(std::string_view(static_cast<const char*>(data), len)) ? static_cast<zip_int64_t>(len) : -1;
    case ZIP_SOURCE_SEEK_WRITE: {
      zip_int64_t to = zip_source_seek_compute_offset(w->offset, w->end, data, len, &w->error);
      if (to < 0) return -1;
      w->offset = static_cast<zip_uint64_t>(to);
      return 0;
    }
    case ZIP_SOURCE_TELL_WRITE:
      return static_cast<zip_int64_t>(w->offset);
    case ZIP_SOURCE_COMMIT_WRITE:
      return w->flush() ? 0 : -1;
    case ZIP_SOURCE_OPEN: case ZIP_SOURCE_CLOSE: case ZIP_SOURCE_ROLLBACK_WRITE: case ZIP_SOURCE_REMOVE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&w->error, data, len);
    case ZIP_SOURCE_SUPPORTS:
      return ZIP_SOURCE_SUPPORTS_WRITABLE;
    default:  // reading (READ, SEEK, TELL): never asked of a new archive
      zip_error_set(&w->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  std::string msg = std::string(what) + ": " + zip_error_strerror(err);
  throw std::runtime_error(msg);
}

}  // namespace

void write_zip(std::vector<Entry> entries, const Sink& sink) {
  Writer writer{sink};
  zip_error_init(&writer.error);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* target = zip_source_function_create(archive_target, &writer, &err);
  if (!target) fail("zip output", &err);
  zip_t* za = zip_open_from_source(target, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(target);
    fail("zip open", &err);
  }
  for (auto& e : entries) {
    zip_source_t* src = source_for(za, e);
    zip_int64_t index = src ? zip_file_add(za, e.path.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      zip_discard(za);
      throw std::runtime_error("zip add " + e.path);
    }
    if (!e.deflated) zip_set_file_compression(za, index, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.stored ? 0 : 6);
    zip_file_set_dostime(za, index, kDosTime, kDosDate, 0);
    zip_file_set_external_attributes(za, index, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  if (zip_close(za) != 0) {
    std::string msg = zip_strerror(za);
    zip_discard(za);
    if (writer.failure) std::rethrow_exception(writer.failure);
    throw std::runtime_error("zip close: " + msg);
  }
}

std::string zip_entries(const std::vector<Entry>& entries) {
  std::string out;
  write_zip(entries, [&](std::string_view piece, uint64_t offset) {
    if (out.size() < offset + piece.size()) out.resize(offset + piece.size());
    std::memcpy(out.data() + offset, piece.data(), piece.size());
  });
  return out;
}

std::vector<Entry> unzip_entries(const std::string& bytes, size_t max_bytes) {
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
  size_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    if (st.size > max_bytes || (total += st.size) > max_bytes) {
      zip_close(za);
      throw std::runtime_error("its files add up to more than " + std::to_string(max_bytes >> 20) + " MB unpacked");
    }
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
