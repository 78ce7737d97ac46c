// Writing the book: a temporary file beside the output, renamed into place (rename(2) is atomic).
#include "output.h"

#include "templates.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace mkepub {

void write_atomically(const fs::path& out, const std::string& bytes) {
  fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::string tmp = (dir / ("." + out.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0) throw std::runtime_error("cannot write in " + dir.string() + ": " + std::strerror(errno));
  auto fail = [&](const char* what) {
    int e = errno;
    close(fd);
    unlink(tmp.c_str());
    throw std::runtime_error(std::string(what) + " " + out.string() + ": " + std::strerror(e));
  };
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write");
    done += static_cast<size_t>(n);
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
