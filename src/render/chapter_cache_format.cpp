// The chapter cache's entry file: a versioned header, length-prefixed fields, and the SHA-256 of what precedes it,
// so that a truncated or damaged entry reads as a miss rather than as a wrong book.
#include <cstdint>

#include "render/chapter_cache.h"
#include "base/digest.h"

namespace mkepub {
namespace {

// Bump when RenderedPost or this layout changes: entries of other versions are misses.
constexpr std::string_view kMagic = "mkepub chapter cache 4\n";
constexpr size_t kHashSize = 64;  // hex SHA-256

struct Writer {
  std::string out;
  void num(int64_t v) {
    auto u = static_cast<uint64_t>(v);
    for (int i = 0; i < 8; ++i) out += static_cast<char>((u >> (8 * i)) & 0xff);
  }
  void str(std::string_view s) {
    num(static_cast<int64_t>(s.size()));
    out += s;
  }
  void diagnostics(const std::vector<Diagnostic>& list) {
    num(static_cast<int64_t>(list.size()));
    for (const auto& d : list) {
      str(d.path), num(d.line), num(d.col), str(d.message), str(d.kind);
    }
  }
  void parked(const Parked& p) { str(p.deflated), num(static_cast<int64_t>(p.size)); }
  void map(const std::map<std::string, std::string>& m) {
    num(static_cast<int64_t>(m.size()));
    for (const auto& [k, v] : m) str(k), str(v);
  }
};

// Every read checks what is left; past the end, `ok` turns false and everything reads as empty.
struct Reader {
  std::string_view in;
  bool ok = true;
  int64_t num() {
    if (in.size() < 8) return fail(), 0;
    uint64_t u = 0;
    for (int i = 0; i < 8; ++i) u |= static_cast<uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(8);
    return static_cast<int64_t>(u);
  }
  // A count of things that take at least one byte each: no more than the bytes left (no huge allocation).
  size_t count() {
    int64_t n = num();
    if (n < 0 || static_cast<uint64_t>(n) > in.size()) return fail(), 0;
    return static_cast<size_t>(n);
  }
  std::string str() {
    size_t n = count();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  std::vector<Diagnostic> diagnostics() {
    std::vector<Diagnostic> list(count());
    for (auto& d : list) {
      d.path = str(), d.line = static_cast<int>(num()), d.col = static_cast<int>(num());
      d.message = str(), d.kind = str();
    }
    return list;
  }
  Parked parked() {
    Parked p;
    p.deflated = str();
    p.size = static_cast<size_t>(num());
    return p;
  }
  std::map<std::string, std::string> map() {
    std::map<std::string, std::string> m;
    for (size_t n = count(); n > 0 && ok; --n) {
      auto k = str();
      m.emplace(std::move(k), str());
    }
    return m;
  }
  void fail() {
    ok = false;
    in = {};
  }
};

}  // namespace

std::string encode_rendered_post(const RenderedPost& post) {
  Writer w;
  w.out = kMagic;
  w.num(static_cast<int64_t>(post.includes.files.size()));
  for (const auto& [file, hash] : post.includes.files) w.str(file.string()), w.str(hash);
  const Chapter& ch = post.chapter;
  w.str(ch.href), w.str(ch.title), w.str(ch.language);
  w.num(static_cast<int64_t>(ch.headings.size()));
  for (const auto& h : ch.headings) w.num(h.level), w.str(h.id), w.str(h.text), w.str(h.number), w.str(h.slug);
  w.map(ch.anchors);
  w.map(ch.page_of_id);
  w.parked(ch.parked);
  w.num(static_cast<int64_t>(ch.continued.size()));
  for (const auto& page : ch.continued) w.str(page.href), w.parked(page.parked);
  w.num(static_cast<int64_t>(ch.images.size()));
  for (const auto& img : ch.images) w.str(img.src), w.num(img.line), w.num(img.has_alt);
  w.num(ch.highlighted);
  w.num(ch.code_lines);
  const ScriptCounts& c = post.counts;
  w.num(c.han), w.num(c.kana), w.num(c.hangul), w.num(c.latin);
  w.num(c.arabic), w.num(c.persian), w.num(c.urdu), w.num(c.hebrew);
  w.num(static_cast<int64_t>(c.han_chars.size()));
  for (const auto& [ch32, n] : c.han_chars) w.num(ch32), w.num(n);
  w.diagnostics(post.warnings);
  w.diagnostics(post.notes);
  return w.out + Sha256().add(w.out).hex();
}

std::optional<RenderedPost> decode_rendered_post(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + kHashSize || bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - kHashSize);
  if (Sha256().add(body).hex() != bytes.substr(body.size())) return std::nullopt;
  Reader r{body.substr(kMagic.size())};
  RenderedPost post;
  for (size_t n = r.count(); n > 0 && r.ok; --n) {
    fs::path file = r.str();
    post.includes.files.emplace_back(std::move(file), r.str());
  }
  Chapter& ch = post.chapter;
  ch.href = r.str(), ch.title = r.str(), ch.language = r.str();
  ch.headings.resize(r.count());
  for (auto& h : ch.headings) h.level = static_cast<int>(r.num()), h.id = r.str(), h.text = r.str(), h.number = r.str(), h.slug = r.str();
  ch.anchors = r.map();
  ch.page_of_id = r.map();
  ch.parked = r.parked();
  ch.continued.resize(r.count());
  for (auto& page : ch.continued) page.href = r.str(), page.parked = r.parked();
  ch.images.resize(r.count());
  for (auto& img : ch.images) img.src = r.str(), img.line = static_cast<int>(r.num()), img.has_alt = r.num() != 0;
  ch.highlighted = r.num() != 0;
  ch.code_lines = r.num() != 0;
  ScriptCounts& c = post.counts;
  c.han = r.num(), c.kana = r.num(), c.hangul = r.num(), c.latin = r.num();
  c.arabic = r.num(), c.persian = r.num(), c.urdu = r.num(), c.hebrew = r.num();
  for (size_t n = r.count(); n > 0 && r.ok; --n) {
    auto ch32 = static_cast<char32_t>(r.num());
    c.han_chars[ch32] = r.num();
  }
  post.warnings = r.diagnostics();
  post.notes = r.diagnostics();
  if (!r.ok || !r.in.empty()) return std::nullopt;
  return post;
}

}  // namespace mkepub
