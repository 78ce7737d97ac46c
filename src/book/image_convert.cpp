// The image-fitting stage: every raster format a blog uses, as PNG or JPEG no larger than readers need (libvips;
// its docs: https://www.libvips.org/API/current/). Sniffing by the bytes follows each format's signature.
#include "book/image_convert.h"

#include <vips/vips.h>

#include "base/memory.h"
#include "book/image_check.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace mkepub {
namespace {

// Photos: the formats whose pictures are lossy, which JPEG keeps as well as they were.
bool is_lossy(const std::string& bytes, const std::string& type) {
  return type == "image/jpeg" || type == "image/avif" || type == "image/heic" ||
         (type == "image/webp" && webp_is_lossy(bytes));
}

// A PNG this large whose picture is opaque is tried as JPEG (a photo saved as PNG); a screenshot compresses
// well as PNG and stays one, by the half-the-size rule below.
constexpr size_t kPhotoPngBytes = 1 << 20;
// Quality 85: libjpeg's scale, where photos show no artefacts at reading size and files are about a third of
// quality 95's; the common choice of image CDNs and of libvips' own thumbnailing guides.
constexpr int kJpegQuality = 85;
// A JPEG scaled down at quality 85 can outweigh its source when that was saved lower: then it is saved at 75,
// and the lighter one kept.
constexpr int kLighterJpegQuality = 75;
// Decoding stops at this many pixels: larger images are decompression bombs, not pictures of a blog.
constexpr double kMaxPixels = 16384.0 * 16384.0;

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("mkepub")) throw std::runtime_error("cannot start libvips");
    // Images are read once each: the operation cache would only keep their pixels alive.
    vips_cache_set_max(0);
    // One worker per image: images are converted side by side, one on each core (book/links.cpp), while the
    // book's pages are held, and each worker holds buffers of its own (measured: 8 MB less at the peak of
    // powershell-docs-en).
    vips_concurrency_set(1);
    // Its loaders' remarks ("heifload: ignoring nclx profile") are not the user's business; a real failure
    // comes back as an error and becomes a warning naming the file.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
}

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

std::string take_error() {
  std::string message = vips_error_buffer();
  vips_error_clear();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (size_t nl = message.rfind('\n'); nl != std::string::npos) message.erase(0, nl + 1);  // the innermost reason
  return message.empty() ? "cannot be decoded" : message;
}

// One step of a pipeline: `out` replaces `image`, or false (the error left in vips' buffer).
template <typename F>
bool step(Image& image, F&& op) {
  VipsImage* out = nullptr;
  if (op(image.get(), &out)) return false;
  image.reset(out);
  return true;
}

// 8-bit sRGB (or grey), so that PNG and JPEG show the colours the source meant without its ICC profile, which
// saving strips (CMYK JPEGs, 16-bit TIFFs, wide-gamut photos).
bool to_srgb(Image& image) {
  if (vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME) && !step(image, [](VipsImage* in, VipsImage** out) {
        return vips_icc_transform(in, out, "srgb", "embedded", TRUE, "intent", VIPS_INTENT_PERCEPTUAL, nullptr);
      }))
    vips_error_clear();  // a broken profile: the pixels as they are
  VipsInterpretation grey = vips_image_get_interpretation(image.get());
  VipsInterpretation space = grey == VIPS_INTERPRETATION_B_W || grey == VIPS_INTERPRETATION_GREY16
                                 ? VIPS_INTERPRETATION_B_W
                                 : VIPS_INTERPRETATION_sRGB;
  if (!step(image, [&](VipsImage* in, VipsImage** out) { return vips_colourspace(in, out, space, nullptr); }))
    return false;
  if (vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR &&
      !step(image, [](VipsImage* in, VipsImage** out) { return vips_cast_uchar(in, out, nullptr); }))
    return false;
  return true;
}

// Drops an alpha band that is 255 everywhere; true when the image is then opaque.
bool drop_opaque_alpha(Image& image) {
  if (!vips_image_hasalpha(image.get())) return true;
  int bands = vips_image_get_bands(image.get());
  VipsImage* alpha = nullptr;
  double least = 0;
  if (vips_extract_band(image.get(), &alpha, bands - 1, nullptr)) return false;
  Image held(alpha);
  if (vips_min(alpha, &least, nullptr) || least < 255) return false;
  return step(image,
              [&](VipsImage* in, VipsImage** out) { return vips_extract_band(in, out, 0, "n", bands - 1, nullptr); });
}

// Metadata stripped and no interlacing, so that the same pixels always give the same bytes.
// PNG in full colour, also for palette sources: quantising a scaled diagram back to 256 colours (libimagequant)
// would keep it near its old bytes, but takes 80 MB for a 2048² image, more than the book's pages.
std::string save(VipsImage* image, bool jpeg, int quality = kJpegQuality) {
  void* buf = nullptr;
  size_t len = 0;
  int failed =
      jpeg ? vips_jpegsave_buffer(image, &buf, &len, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace",
                                  FALSE, nullptr)
           : vips_pngsave_buffer(image, &buf, &len, "strip", TRUE, "compression", 6, "interlace", FALSE, nullptr);
  if (failed) return "";
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return bytes;
}

FittedImage unreadable(std::string why) { return {FittedImage::Outcome::unreadable, "", "", std::move(why)}; }

}  // namespace

bool may_need_fitting(const std::string& bytes, const std::string& type, int max_side) {
  if (type != "image/png" && type != "image/jpeg" && type != "image/gif") return true;
  // Decided from the header alone, so that most images cost nothing; one whose header gives no size is left to
  // libvips to read (fit_image has already refused one whose structure is damaged).
  auto size = core_image_size(bytes, type);
  if (!size) return true;
  bool within = max_side == 0 || std::max(size->width, size->height) <= max_side;
  return !within || (type == "image/png" && bytes.size() > kPhotoPngBytes);
}

FittedImage fit_image(const std::string& bytes, const std::string& type, int max_side) {
  bool core = type == "image/png" || type == "image/jpeg" || type == "image/gif";
  // Checked from the structure alone, so that the images kept byte for byte cost no decoding: a damaged one stays
  // out of the book.
  if (core)
    if (auto fault = core_image_fault(bytes, type); !fault.empty()) return unreadable(fault);
  if (!may_need_fitting(bytes, type, max_side)) return {};
  // libvips decodes on worker threads, each with a glibc arena of its own that would keep every image's pixels
  // resident after they are freed (hexo-blog-zh-jackzheng, nine screenshots: 200 MB at the peak).
  GiveBackMemoryOnExit give_back;
  init_vips();
  Image header(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!header) return unreadable(take_error());
  int width = vips_image_get_width(header.get()), height = vips_image_get_height(header.get());
  if (static_cast<double>(width) * height > kMaxPixels) return unreadable("larger than 16384 x 16384 pixels");
  bool too_big = max_side > 0 && std::max(width, height) > max_side;
  if (type == "image/gif" && vips_image_get_n_pages(header.get()) > 1) return {};  // animated: as it is
  header.reset();

  // Decoded once, scaled on load where the format allows (JPEG, WebP, HEIF), turned upright by its EXIF
  // orientation (vips_thumbnail's autorotation) and held for the passes below: at most max_side² pixels.
  int target = too_big ? max_side : std::max(width, height);
  VipsImage* decoded = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &decoded, target, "height", target, "size",
                            VIPS_SIZE_DOWN, nullptr))
    return unreadable(take_error());
  Image image(decoded);
  if (!to_srgb(image) ||
      !step(image, [](VipsImage* in, VipsImage** out) { return (*out = vips_image_copy_memory(in)) ? 0 : -1; }))
    return unreadable(take_error());
  bool opaque = drop_opaque_alpha(image);
  vips_error_clear();

  FittedImage fitted{FittedImage::Outcome::converted, "", "image/png", ""};
  if (core && !too_big) {
    // A large PNG within the size: JPEG replaces it only when the picture is opaque and JPEG halves it.
    if (!opaque) return {};
    fitted.bytes = save(image.get(), true);
    if (fitted.bytes.empty() || fitted.bytes.size() * 2 >= bytes.size()) return {};
    fitted.media_type = "image/jpeg";
  } else if (opaque && is_lossy(bytes, type)) {
    fitted.bytes = save(image.get(), true);
    fitted.media_type = "image/jpeg";
    if (type == "image/jpeg" && fitted.bytes.size() > bytes.size())
      if (std::string lighter = save(image.get(), true, kLighterJpegQuality);
          !lighter.empty() && lighter.size() < fitted.bytes.size())
        fitted.bytes = std::move(lighter);
  } else {
    fitted.bytes = save(image.get(), false);
    if (opaque && fitted.bytes.size() > kPhotoPngBytes)
      if (std::string jpeg = save(image.get(), true); !jpeg.empty() && jpeg.size() * 2 < fitted.bytes.size()) {
        fitted.bytes = std::move(jpeg);
        fitted.media_type = "image/jpeg";
      }
  }
  if (fitted.bytes.empty()) return unreadable(take_error());
  return fitted;
}

}  // namespace mkepub
