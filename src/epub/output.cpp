// Writing outputs: a temporary file, then rename(2) over the target, or a copy into a stream (POSIX semantics).
#include "epub/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "epub/templates.h"
#include "epub/temporaries.h"

namespace mkepub {
namespace {

std::runtime_error error(const std::string& what, const fs::path& file, int err) {
  return std::runtime_error(what + " " + file.string() + ": " + std::strerror(err));
}

bool is_stream(const fs::path& file) {
  struct stat st;
  return stat(file.c_str(), &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode));
}

void write_all(int fd, const char* data, size_t size, uint64_t offset, bool positioned) {
  for (size_t done = 0; done < size;) {
    ssize_t n = positioned ? pwrite(fd, data + done, size - done, static_cast<off_t>(offset + done))
                           : write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(std::strerror(n < 0 ? errno : ENOSPC));
    done += static_cast<size_t>(n);
  }
}

// Copies the temporary file into a stream from its start.
void copy_into(const std::string& from, int to) {
  int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw std::runtime_error(std::strerror(errno));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      close(in);
      throw std::runtime_error(std::strerror(e));
    }
    if (n == 0) break;
    try {
      write_all(to, buf, static_cast<size_t>(n), 0, false);
    } catch (...) {
      close(in);
      throw;
    }
  }
  close(in);
}

}  // namespace

fs::path resolve_output(const fs::path& out) {
  fs::path p = out;
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
    fs::path link = fs::read_symlink(p, ec);
    if (ec) break;
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  return p;
}

StagedOutput::StagedOutput(const fs::path& out, const std::function<void(const Sink&)>& produce) : out_(out) {
  std::error_code ec;
  in_place_ = out == "-" || is_stream(out);
  target_ = out == "-" ? fs::path() : resolve_output(out);
  if (!in_place_ && fs::is_directory(target_, ec)) throw std::runtime_error("is a folder; give the .epub file to write");
  fs::path dir = in_place_ ? fs::temp_directory_path(ec) : target_.parent_path();
  if (dir.empty()) dir = ".";
  std::string name = in_place_ ? "mkepub-output" : target_.filename().string();
  int fd = create_temporary(dir, "." + name + ".tmp-", temp_);
  try {
    produce([&](std::string_view bytes, uint64_t offset) {
      write_all(fd, bytes.data(), bytes.size(), offset, true);
      size_ = std::max<uint64_t>(size_, offset + bytes.size());
    });
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) throw std::runtime_error(std::strerror(errno));
  } catch (const std::exception& e) {
    close(fd);
    drop();
    std::string what = e.what();
    throw std::runtime_error(what.rfind("cannot", 0) == 0 ? what : "cannot write " + out.string() + ": " + what);
  }
  if (close(fd) != 0) {
    int e = errno;
    drop();
    throw error("cannot write", out, e);
  }
}

StagedOutput::StagedOutput(StagedOutput&& o) noexcept
    : out_(std::move(o.out_)), target_(std::move(o.target_)), temp_(std::move(o.temp_)), in_place_(o.in_place_),
      size_(o.size_) {
  o.temp_.clear();
}

StagedOutput& StagedOutput::operator=(StagedOutput&& o) noexcept {
  if (this != &o) {
    drop();
    out_ = std::move(o.out_);
    target_ = std::move(o.target_);
    temp_ = std::move(o.temp_);
    in_place_ = o.in_place_;
    size_ = o.size_;
    o.temp_.clear();
  }
  return *this;
}

StagedOutput::~StagedOutput() { drop(); }

void StagedOutput::drop() {
  if (temp_.empty()) return;
  unlink(temp_.c_str());
  forget_temporary(temp_);
  temp_.clear();
}

void StagedOutput::commit() {
  if (temp_.empty()) throw std::runtime_error("internal: output committed twice");
  if (!in_place_) {
    if (rename(temp_.c_str(), target_.c_str()) != 0) {
      int e = errno;
      drop();
      throw error("cannot write", out_, e);
    }
    forget_temporary(temp_);
    temp_.clear();
    return;
  }
  int fd = out_ == "-" ? STDOUT_FILENO : open(out_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    drop();
    throw error("cannot write", out_, e);
  }
  try {
    copy_into(temp_, fd);
  } catch (const std::exception& e) {
    if (fd != STDOUT_FILENO) close(fd);
    drop();
    throw std::runtime_error("cannot write " + out_.string() + ": " + e.what());
  }
  if (fd != STDOUT_FILENO) close(fd);
  drop();
}

void write_atomically(const fs::path& out, const std::function<void(const Sink&)>& produce) {
  StagedOutput(out, produce).commit();
}

void write_atomically(const fs::path& out, const std::string& bytes) {
  write_atomically(out, [&](const Sink& write) { write(bytes, 0); });
}

void dump_templates(const fs::path& dir, bool force) {
  std::error_code ec;
  if (!force)
    for (const auto& name : template_names())
      if (fs::exists(fs::symlink_status(dir / name, ec)))
        throw std::runtime_error((dir / name).string() +
                                 " exists (an edited template, perhaps); nothing written. Give --force to replace the "
                                 "templates with the defaults");
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& name : template_names()) write_atomically(dir / name, template_text(name));
}

}  // namespace mkepub
