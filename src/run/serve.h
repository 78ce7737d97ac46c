// `mkepub serve INPUT... [--port N]`: builds the book, shows it in the browser (epub.js) on 127.0.0.1, rebuilds
// on every save (with the cache) and reloads the page; a failed build's report is shown over the last good book.
#pragma once

#include <string>
#include <vector>

#include "base/book.h"

namespace mkepub {

struct ServeRequest {
  std::vector<std::string> build_args;  // a normal build's arguments (no `serve`, no --port), passed on as given
  fs::path output;                      // -o, or empty: the book goes to a temporary folder
  bool cache_given = false;             // --cache-dir or MKEPUB_CACHE_DIR: else a cache in the temporary folder
  std::vector<fs::path> watched;        // every file or folder a build reads
  int port = 3000;                      // 0: any free port
};

// Serves until SIGINT or SIGTERM, then removes its temporary folder. 0 on such a stop; 1 when the port is taken or
// the viewer (epub.js, JSZip) is not installed.
int serve(const ServeRequest& request);

// Where epub.min.js and jszip.min.js are: $MKEPUB_VIEWER_DIR, else <bin>/../share/mkepub/viewer (installed),
// else <bin>/viewer (a build tree). Empty when none holds both.
fs::path find_viewer_dir();

}  // namespace mkepub
