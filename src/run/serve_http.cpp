// Every response says no-store: the page, the scripts and the book change under the same URL as the user edits.
#include "run/serve_http.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cstdio>
#include <map>
#include <string_view>

#include "sources/load.h"

namespace mkepub {

const std::map<std::string, std::string_view>& embedded_viewer();  // viewer/page/*, cmake/embed.cmake

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

void ServedBook::building() {
  std::lock_guard lock(mutex_);
  building_ = true;
}

void ServedBook::built(std::string epub) {
  std::lock_guard lock(mutex_);
  building_ = false;
  ok_ = true;
  log_.clear();
  if (epub_ && *epub_ == epub) return;
  epub_ = std::make_shared<const std::string>(std::move(epub));
  ++build_;
}

void ServedBook::failed(std::string log) {
  std::lock_guard lock(mutex_);
  building_ = false;
  ok_ = false;
  log_ = std::move(log);
}

std::shared_ptr<const std::string> ServedBook::epub() const {
  std::lock_guard lock(mutex_);
  return epub_;
}

std::string ServedBook::status_json() const {
  std::lock_guard lock(mutex_);
  return "{\"build\":" + std::to_string(build_) + ",\"building\":" + (building_ ? "true" : "false") +
         ",\"ok\":" + (ok_ ? "true" : "false") + ",\"log\":" + json_string(log_) + "}";
}

struct PreviewServer::Impl {
  httplib::Server http;
};

PreviewServer::PreviewServer(ServedBook& book, fs::path viewer_dir) : impl_(std::make_unique<Impl>()) {
  auto& http = impl_->http;
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server would share a port in use.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_default_headers({{"Cache-Control", "no-store"}});
  auto page = [](const char* name, const char* type) {
    return [name, type](const httplib::Request&, httplib::Response& res) {
      auto it = embedded_viewer().find(name);
      if (it != embedded_viewer().end()) res.set_content(std::string(it->second), type);
    };
  };
  http.Get("/", page("index.html", "text/html; charset=utf-8"));
  http.Get("/viewer.js", page("viewer.js", "text/javascript; charset=utf-8"));
  http.Get("/viewer.css", page("viewer.css", "text/css; charset=utf-8"));
  for (const char* script : {"epub.min.js", "jszip.min.js"})
    http.Get(std::string("/") + script, [viewer_dir, script](const httplib::Request&, httplib::Response& res) {
      if (auto bytes = read_file(viewer_dir / script, 64 << 20))
        res.set_content(std::move(*bytes), "text/javascript; charset=utf-8");
      else res.status = 404;
    });
  http.Get("/book.epub", [&book](const httplib::Request&, httplib::Response& res) {
    auto epub = book.epub();
    if (epub) res.set_content(*epub, "application/epub+zip");
    else res.status = 404;  // no build has succeeded yet
  });
  http.Get("/status", [&book](const httplib::Request&, httplib::Response& res) {
    res.set_content(book.status_json(), "application/json");
  });
}

PreviewServer::~PreviewServer() = default;

int PreviewServer::bind(int port) {
  if (port == 0) return impl_->http.bind_to_any_port("127.0.0.1");
  return impl_->http.bind_to_port("127.0.0.1", port) ? port : -1;
}

void PreviewServer::listen() { impl_->http.listen_after_bind(); }

void PreviewServer::stop() { impl_->http.stop(); }

}  // namespace mkepub
