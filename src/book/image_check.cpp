// The structure of the core raster formats, walked without decoding a pixel: PNG's chunks and their CRCs
// (ISO/IEC 15948 section 5.3-5.6), JPEG's marker segments up to the scan and its end marker (ITU T.81 B.1-B.2),
// GIF's blocks up to its trailer (GIF89a sections 17-27). Cheap next to decoding (a CRC per byte).
#include "book/image_check.h"

#include <libdeflate.h>

#include <cstdint>
#include <string_view>

namespace mkepub {
namespace {

uint32_t be32(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

unsigned byte(std::string_view b, size_t at) { return static_cast<unsigned char>(b[at]); }

std::string png_fault(std::string_view b) {
  bool header = false, data = false;
  for (size_t at = 8;;) {
    if (at + 12 > b.size()) return "the PNG is cut short";
    uint32_t length = be32(b, at);
    if (length > b.size() - at - 12) return "the PNG is cut short";
    std::string_view type = b.substr(at + 4, 4);
    uint32_t crc = libdeflate_crc32(0, b.data() + at + 4, length + 4);
    if (crc != be32(b, at + 8 + length)) return "the PNG's " + std::string(type) + " chunk is damaged (CRC)";
    if (!header && (type != "IHDR" || length != 13)) return "the PNG does not start with its header";
    header = true;
    data = data || type == "IDAT";
    if (type == "IEND") return data ? "" : "the PNG has no image data";
    at += 12 + length;
  }
}

std::string jpeg_fault(std::string_view b) {
  bool frame = false;
  for (size_t at = 2;;) {
    while (at < b.size() && byte(b, at) == 0xFF && at + 1 < b.size() && byte(b, at + 1) == 0xFF) ++at;  // fill
    if (at + 2 > b.size()) return "the JPEG is cut short";
    if (byte(b, at) != 0xFF) return "the JPEG's markers are damaged";
    unsigned marker = byte(b, at + 1);
    if (marker == 0xD9) return "the JPEG ends before its picture";
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // TEM, RSTn, SOI: markers without a length
      at += 2;
      continue;
    }
    if (at + 4 > b.size()) return "the JPEG is cut short";
    size_t length = byte(b, at + 2) << 8 | byte(b, at + 3);
    if (length < 2 || at + 2 + length > b.size()) return "the JPEG is cut short";
    // SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC): the frame header.
    frame = frame || (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC);
    if (marker == 0xDA) {
      if (!frame) return "the JPEG has no frame header";
      // Inside entropy-coded data a 0xFF byte is followed by 0 or a restart marker, so this is the end marker.
      return b.find("\xFF\xD9", at + 2 + length) == std::string_view::npos ? "the JPEG is cut short" : "";
    }
    at += 2 + length;
  }
}

// Data sub-blocks (a size byte, that many bytes) up to the zero-size terminator; npos when cut short.
size_t skip_sub_blocks(std::string_view b, size_t at) {
  while (at < b.size()) {
    unsigned size = byte(b, at);
    if (size == 0) return at + 1;
    at += 1 + size;
  }
  return std::string_view::npos;
}

std::string gif_fault(std::string_view b) {
  if (b.size() < 13) return "the GIF is cut short";
  size_t at = 13;
  if (byte(b, 10) & 0x80) at += 3u << ((byte(b, 10) & 7) + 1);  // global colour table
  if (at > b.size()) return "the GIF is cut short";
  bool image = false;
  while (at < b.size()) {
    unsigned block = byte(b, at);
    if (block == 0x3B) break;  // trailer
    if (block == 0x21) {
      at = at + 2 <= b.size() ? skip_sub_blocks(b, at + 2) : std::string_view::npos;
    } else if (block == 0x2C) {
      if (at + 10 > b.size()) return "the GIF is cut short";
      unsigned flags = byte(b, at + 9);
      at += 10;
      if (flags & 0x80) at += 3u << ((flags & 7) + 1);                               // local colour table
      at = at + 1 < b.size() ? skip_sub_blocks(b, at + 1) : std::string_view::npos;  // LZW code size, data
      image = image || at != std::string_view::npos;
    } else {
      return "the GIF's blocks are damaged";
    }
    if (at == std::string_view::npos || at > b.size()) return "the GIF is cut short";
  }
  // Browsers draw a GIF that lacks only its trailer; one with no whole image draws nothing.
  return image ? "" : "the GIF has no image";
}

}  // namespace

std::string core_image_fault(const std::string& bytes, const std::string& type) {
  if (type == "image/png") return png_fault(bytes);
  if (type == "image/jpeg") return jpeg_fault(bytes);
  if (type == "image/gif") return gif_fault(bytes);
  return "";
}

}  // namespace mkepub
