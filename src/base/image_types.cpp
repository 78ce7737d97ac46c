// Image types and sizes from their first bytes, by each format's signature and header (PNG: ISO/IEC 15948
// IHDR; GIF89a: the logical screen; JPEG: ITU T.81 B.2 frame header; WebP: RFC 9649; HEIF/AVIF: ISO/IEC 23008-12
// and AV1 Image File Format §9.1 brands; BMP, TIFF 6.0, ICO: their file headers).
#include "base/image_types.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace mkepub {
namespace {

bool starts(const std::string& b, std::string_view sig, size_t at = 0) {
  return b.size() >= at + sig.size() && std::string_view(b).substr(at, sig.size()) == sig;
}

uint32_t le32(const std::string& b, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

uint32_t be32(const std::string& b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

// ISO BMFF (HEIF, AVIF): the `ftyp` box's major and compatible brands (ISO/IEC 23008-12, MIAF; AV1 Image File
// Format §9.1: brand "avif", "avis" for sequences).
std::string heif_type(const std::string& b) {
  if (!starts(b, "ftyp", 4)) return "";
  size_t end = std::min<size_t>(be32(b, 0), std::min<size_t>(b.size(), 256));
  bool heic = false;
  for (size_t at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) {  // major brand, minor version, compatible brands
    std::string_view brand = std::string_view(b).substr(at, 4);
    if (brand == "avif" || brand == "avis") return "image/avif";
    heic = heic || brand == "heic" || brand == "heix" || brand == "heim" || brand == "heis" || brand == "mif1";
  }
  return heic ? "image/heic" : "";
}

}  // namespace

std::string sniff_image_type(const std::string& b) {
  if (starts(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "image/gif";
  if (starts(b, "RIFF") && starts(b, "WEBP", 8)) return "image/webp";
  if (auto heif = heif_type(b); !heif.empty()) return heif;
  if (starts(b, "\xFF\x0A") || starts(b, std::string_view("\0\0\0\x0CJXL \r\n\x87\n", 12))) return "image/jxl";
  // BMP: "BM" and a known DIB header size (12: OS/2, 40-124: Windows), so that text starting "BM" is not one.
  static constexpr std::array<uint32_t, 7> dib_sizes{12, 40, 52, 56, 64, 108, 124};
  if (starts(b, "BM") && b.size() >= 18 && std::ranges::count(dib_sizes, le32(b, 14))) return "image/bmp";
  if (starts(b, std::string_view("II*\0", 4)) || starts(b, std::string_view("MM\0*", 4))) return "image/tiff";
  // ICO: reserved 0, type 1 (icon), at least one image.
  if (starts(b, std::string_view("\0\0\1\0", 4)) && b.size() >= 6 && (b[4] || b[5])) return "image/vnd.microsoft.icon";
  // SVG: an XML document whose root is <svg> (checked by the SVG cleaner), not an HTML page that holds one.
  std::string head = b.substr(0, 1024);
  if (head.find("<svg") != std::string::npos && head.find("<html") == std::string::npos &&
      head.find("<HTML") == std::string::npos)
    return "image/svg+xml";
  return "";
}

bool is_core_image_type(const std::string& t) {
  return t == "image/png" || t == "image/jpeg" || t == "image/gif" || t == "image/svg+xml";
}

// WebP (RFC 9649): the image chunk, in the simple or the extended format.
bool webp_is_lossy(const std::string& b) {
  for (size_t at = 12; at + 8 <= b.size();) {
    std::string_view fourcc = std::string_view(b).substr(at, 4);
    if (fourcc == "VP8 ") return true;
    if (fourcc == "VP8L") return false;
    at += 8 + ((static_cast<size_t>(le32(b, at + 4)) + 1) & ~size_t{1});
  }
  return false;
}

std::optional<ImageSize> core_image_size(const std::string& b, const std::string& type) {
  auto u16be = [&](size_t at) {
    return static_cast<unsigned char>(b[at]) << 8 | static_cast<unsigned char>(b[at + 1]);
  };
  auto u16le = [&](size_t at) {
    return static_cast<unsigned char>(b[at + 1]) << 8 | static_cast<unsigned char>(b[at]);
  };
  if (type == "image/png" && starts(b, "IHDR", 12) && b.size() >= 24)
    return ImageSize{static_cast<int>(be32(b, 16) & 0x7FFFFFFF), static_cast<int>(be32(b, 20) & 0x7FFFFFFF)};
  if (type == "image/gif" && b.size() >= 10) return ImageSize{u16le(6), u16le(8)};
  if (type != "image/jpeg") return std::nullopt;
  // Markers from SOI on; the first start-of-frame (SOF0-15 but DHT, JPG and DAC) holds height, then width.
  for (size_t at = 2; at + 9 <= b.size();) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return ImageSize{u16be(at + 7), u16be(at + 5)};
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    at += 2 + u16be(at + 2);
  }
  return std::nullopt;
}

}  // namespace mkepub
