// The HTTP side of `mkepub serve` (cpp-httplib): the viewer page, epub.js and JSZip, the latest good book, and the
// build's status, on 127.0.0.1 only.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "base/book.h"

namespace mkepub {

// What the page sees, shared by the builder (which writes it) and the server (which reads it).
class ServedBook {
 public:
  void building();
  // A build that wrote `epub`: a new build number when its bytes differ from the book served so far.
  void built(std::string epub);
  // A build that failed: the last good book stays, `log` (the build's report) is shown over it.
  void failed(std::string log);
  std::shared_ptr<const std::string> epub() const;
  // {"build":N,"building":B,"ok":B,"log":"..."}: N counts the distinct books served, 0 before the first.
  std::string status_json() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const std::string> epub_;
  int build_ = 0;
  bool building_ = false, ok_ = true;
  std::string log_;
};

class PreviewServer {
 public:
  // `viewer_dir` holds epub.min.js and jszip.min.js.
  PreviewServer(ServedBook& book, fs::path viewer_dir);
  ~PreviewServer();
  // Binds 127.0.0.1:port (0: any free port); the port bound, or -1 when it is taken or cannot be bound.
  int bind(int port);
  void listen();  // serves until stop()
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mkepub
