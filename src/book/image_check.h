// Whether a PNG, JPEG or GIF is whole, from its structure alone: the images that go into the book byte for byte
// are not decoded, and one cut short or damaged would show as a broken picture (and epubcheck refuses one whose
// header is unreadable, PKG-021).
#pragma once

#include <string>

namespace mkepub {

// What is wrong with the PNG, JPEG or GIF `bytes` of the sniffed `media_type`, or "" when its structure is
// sound (and for any other type).
std::string core_image_fault(const std::string& bytes, const std::string& media_type);

}  // namespace mkepub
