// The temporaries' list and the signal handler. The handler may only touch lock-free atomics and plain memory, and
// it may run on any thread at any moment, so every step below is ordered for it:
// - the list only grows (nodes are reused, never freed); a node's path is written before it is marked live;
// - a thread creating a file blocks the signals and counts itself in `creating`; the handler first marks the run
//   as stopping, then waits for `creating` to drain, then removes every live file: a creation either finished
//   before (its file is removed) or sees the stop and never happens (seq_cst on both sides, as in Dekker's lock);
// - every section holding the list's mutex blocks the signals, so the handler never waits on a thread it stopped.
#include "epub/temporaries.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "base/terminal.h"

namespace mkepub {
namespace {

struct Node {
  char path[4096];
  std::atomic<bool> live{false};
  Node* next = nullptr;
};
std::atomic<Node*> head{nullptr};
std::mutex list_mutex;  // for claiming a node; the handler never takes it

enum Phase : int { kBuilding, kCommitting, kStopping };
std::atomic<int> phase{kBuilding};
std::atomic<int> creating{0};
std::atomic<int> deferred{0};  // the signal that arrived while committing

extern "C" void remove_temporaries_and_stop(int sig) {
  for (;;) {
    int expected = kBuilding;
    if (phase.compare_exchange_strong(expected, kStopping) || expected == kStopping) break;
    // Committing: the window's end raises the signal again, unless it closed before seeing it.
    deferred.store(sig);
    if (phase.load() == kCommitting) return;
  }
  while (creating.load() != 0) {
  }
  for (Node* n = head.load(); n; n = n->next)
    if (n->live.load()) unlink(n->path);
  erase_status_line_for_signal();  // the shell's prompt then starts on a clean line, not after a progress line
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

void install_stop_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, remove_temporaries_and_stop);
    // Past a file-size limit (ulimit -f), a write fails with EFBIG instead of killing the process: the build
    // then fails as on a full disk, with its message, exit 1 and its temporary file removed.
    signal(SIGXFSZ, SIG_IGN);
  });
}

namespace {

// The stopping signals blocked on this thread for the object's life.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_;
};

void add(const std::string& path) {
  SignalsBlocked blocked;
  std::lock_guard<std::mutex> lock(list_mutex);
  Node* n = head.load();
  while (n && n->live.load()) n = n->next;
  if (!n) {
    n = new Node;  // reachable from head until exit
    n->next = head.load();
    head.store(n);
  }
  std::memcpy(n->path, path.c_str(), path.size() + 1);
  n->live.store(true);
}

}  // namespace

int create_temporary(const fs::path& dir, const std::string& prefix, std::string& path) {
  install_stop_handler();
  static std::atomic<unsigned> counter{0};
  for (;;) {
    path = (dir / (prefix + std::to_string(getpid()) + "-" + std::to_string(counter++))).string();
    if (path.size() >= sizeof(Node::path))
      throw std::runtime_error("cannot write in " + dir.string() + ": path too long");
    int fd, err;
    {
      SignalsBlocked blocked;
      creating.fetch_add(1);
      if (phase.load() == kStopping) {
        creating.fetch_sub(1);
        break;  // the process is being stopped: create nothing more
      }
      add(path);
      fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      err = errno;
      creating.fetch_sub(1);
    }
    if (fd >= 0) return fd;
    forget_temporary(path);
    if (err == EEXIST) continue;
    path.clear();
    throw std::runtime_error("cannot write in " + dir.string() + ": " + std::strerror(err));
  }
  for (;;) pause();  // the handler, on another thread, ends the process
}

void forget_temporary(const std::string& path) {
  SignalsBlocked blocked;
  std::lock_guard<std::mutex> lock(list_mutex);
  for (Node* n = head.load(); n; n = n->next)
    if (n->live.load() && path == n->path) {
      n->live.store(false);
      return;
    }
}

CommitWindow::CommitWindow() {
  install_stop_handler();
  int expected = kBuilding;
  if (!phase.compare_exchange_strong(expected, kCommitting))
    for (;;) pause();  // stopping: the handler, on another thread, removes the temporaries and ends the process
}

CommitWindow::~CommitWindow() {
  phase.store(kBuilding);
  if (int sig = deferred.exchange(0)) raise(sig);
}

}  // namespace mkepub
