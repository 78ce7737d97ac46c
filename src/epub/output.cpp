// Writing the book: a temporary file beside the output, renamed into place (rename(2) is atomic).
#include "epub/output.h"

#include "epub/templates.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

namespace mkepub {

namespace {

// The temporary file being written, for the signal handler: SIGINT or SIGTERM mid-write removes it, and the
// old book stays. Plain storage, as a handler may only touch async-signal-safe state.
char pending[4096];
volatile sig_atomic_t has_pending = 0;

extern "C" void remove_pending_and_die(int sig) {
  if (has_pending) unlink(pending);
  signal(sig, SIG_DFL);
  raise(sig);
}

struct Pending {
  explicit Pending(const std::string& path) {
    if (path.size() >= sizeof pending) return;
    std::memcpy(pending, path.c_str(), path.size() + 1);
    has_pending = 1;
    signal(SIGINT, remove_pending_and_die);
    signal(SIGTERM, remove_pending_and_die);
  }
  ~Pending() { has_pending = 0; }
};

}  // namespace

void write_atomically(const fs::path& out, const std::string& bytes) {
  write_atomically(out, [&](const Sink& write) { write(bytes, 0); });
}

void write_atomically(const fs::path& out, const std::function<void(const Sink&)>& produce) {
  std::error_code ec;
  if (fs::is_directory(out, ec)) throw std::runtime_error("is a folder; give the .epub file to write");
  fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::string tmp = (dir / ("." + out.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(tmp.data());
  Pending pending_file(tmp);
  if (fd < 0) throw std::runtime_error("cannot write in " + dir.string() + ": " + std::strerror(errno));
  auto fail = [&](const char* what) {
    int e = errno;
    close(fd);
    unlink(tmp.c_str());
    throw std::runtime_error(std::string(what) + " " + out.string() + ": " + std::strerror(e));
  };
  auto write_all = [&](std::string_view bytes, uint64_t offset) {
    for (size_t done = 0; done < bytes.size();) {
      ssize_t n = pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("cannot write");
      done += static_cast<size_t>(n);
    }
  };
  try {
    produce(write_all);
  } catch (...) {
    close(fd);
    unlink(tmp.c_str());
    throw;
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) fail("cannot write");
  if (close(fd) != 0) {
    unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + out.string() + ": " + std::strerror(errno));
  }
  if (rename(tmp.c_str(), out.c_str()) != 0) {
    int e = errno;
    unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + out.string() + ": " + std::strerror(e));
  }
}

void dump_templates(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& name : template_names()) write_atomically(dir / name, template_text(name));
}

}  // namespace mkepub
