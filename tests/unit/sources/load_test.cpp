// Loading (load.h): decode_text and is_within; the file system is the golden tests' business.
#include <doctest/doctest.h>

#include "sources/load.h"

using namespace mkepub;

namespace {

std::string error_of(const std::string& bytes) {
  try {
    decode_text(bytes, "posts/x.md");
  } catch (const InputError& e) {
    return e.where.format("error");
  }
  return "no error";
}

}  // namespace

TEST_CASE("decode_text: plain UTF-8 passes unchanged") {
  CHECK(decode_text("abc\n中文\n", "x.md") == "abc\n中文\n");
  CHECK(decode_text("", "x.md") == "");
  CHECK(decode_text("😀 emoji\n", "x.md") == "😀 emoji\n");
}

TEST_CASE("decode_text: the BOM is stripped") {
  CHECK(decode_text("\xEF\xBB\xBF---\ntitle: x\n", "x.md") == "---\ntitle: x\n");
  CHECK(decode_text("\xEF\xBB\xBF", "x.md") == "");
  // Only a leading BOM is one; U+FEFF later in the text is a character.
  CHECK(decode_text("a\xEF\xBB\xBF", "x.md") == "a\xEF\xBB\xBF");
}

TEST_CASE("decode_text: CRLF and lone CR become LF") {
  CHECK(decode_text("a\r\nb\r\n", "x.md") == "a\nb\n");
  CHECK(decode_text("a\rb\r", "x.md") == "a\nb\n");
  CHECK(decode_text("a\r\n\r\nb", "x.md") == "a\n\nb");
  CHECK(decode_text("\xEF\xBB\xBF" "a\r\nb", "x.md") == "a\nb");
}

TEST_CASE("decode_text: invalid UTF-8 names the first bad byte's line and column") {
  CHECK(error_of("\xFF") == "posts/x.md:1:1: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  CHECK(error_of("line one\nab\xE9t\xE9\n") == "posts/x.md:2:3: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  // Columns count characters, not bytes: 中 is one column.
  CHECK(error_of("中\xC0\xAF") == "posts/x.md:1:2: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  // After a BOM the first character is still column 1.
  CHECK(error_of("\xEF\xBB\xBF\x80") == "posts/x.md:1:1: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  CHECK(error_of("a\r\nb\xFE") == "posts/x.md:2:2: error: invalid UTF-8 (the file must be UTF-8 encoded)");
}

TEST_CASE("decode_text: what RFC 3629 forbids") {
  const char* message = "posts/x.md:1:1: error: invalid UTF-8 (the file must be UTF-8 encoded)";
  CHECK(error_of("\xC0\x80") == message);          // overlong NUL
  CHECK(error_of("\xE0\x80\xAF") == message);      // overlong slash
  CHECK(error_of("\xED\xA0\x80") == message);      // a UTF-16 surrogate
  CHECK(error_of("\xF4\x90\x80\x80") == message);  // beyond U+10FFFF
  CHECK(error_of("\xF5\x80\x80\x80") == message);
  CHECK(error_of("\xE4\xB8") == message);          // truncated at the end
  CHECK(error_of("\xE4\xB8x") == message);         // truncated before an ASCII byte
  CHECK(decode_text("\xF4\x8F\xBF\xBF", "x.md") == "\xF4\x8F\xBF\xBF");  // U+10FFFF itself is fine
}

TEST_CASE("decode_text: a NUL byte is an error") {
  CHECK(error_of(std::string("ab\ncd\0e", 7)) == "posts/x.md:2:3: error: NUL byte in text file");
  CHECK(error_of(std::string("\0", 1)) == "posts/x.md:1:1: error: NUL byte in text file");
}

TEST_CASE("decode_text: the error carries the display name") {
  try {
    decode_text("\xFF", "blog/source/_posts/a.md");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where.path == "blog/source/_posts/a.md");
    CHECK(e.where.line == 1);
    CHECK(e.where.col == 1);
  }
}

TEST_CASE("is_within: a root holds itself and what is under it, component by component, and an empty one nothing") {
  CHECK(is_within({"/site"}, "/site"));
  CHECK(is_within({"/site"}, "/site/source/_posts/a.md"));
  CHECK(is_within({"/other", "/site"}, "/site/a.md"));
  CHECK_FALSE(is_within({"/site"}, "/site-secrets/a.md"));
  CHECK_FALSE(is_within({"/site"}, "/etc/passwd"));
  CHECK_FALSE(is_within({"/site/src"}, "/site"));
  CHECK_FALSE(is_within({""}, "/etc/passwd"));  // weakly_canonical's answer when it failed
  CHECK_FALSE(is_within({}, "/site/a.md"));
}
