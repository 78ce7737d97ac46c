#!/usr/bin/env bash
# mkepub's set-up on Debian 12, as root: installs what is missing (apt-get, and from viewer/package-lock.json
# epub.js and JSZip for `mkepub serve`), builds, installs `mkepub` into /usr/local/bin.  `./setup.sh test` also installs the test tools (epubcheck; chromium, calibre and, from
# tests/reader/package-lock.json, epub.js, playwright-core and Ace by DAISY for the reader checks) and runs the
# whole test suite twice: as built, and built with ASan and UBSan (clang, in build-asan/) together with a short
# run of every libFuzzer target (tests/fuzz).  Both are idempotent: with everything in place they only rebuild
# what changed.
set -euo pipefail
cd "$(dirname "$0")"

build_packages=(g++ cmake make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libyaml-dev
  libtomlplusplus-dev libpugixml-dev libzip-dev libcli11-dev doctest-dev libgumbo-dev uuid-dev libpango1.0-dev
  libcairo2-dev libopencc-dev libfontconfig-dev libharfbuzz-dev nettle-dev libdeflate-dev libpng-dev libvips-dev libcurl4-openssl-dev fonts-noto-cjk
  fonts-lxgw-wenkai libkf5syntaxhighlighting-dev bash-completion man-db libcpp-httplib-dev nodejs)
# clang and its runtime libraries build the sanitized suite and the fuzz targets (libFuzzer, ASan, UBSan); python3
# serves the remote-image tests' images on 127.0.0.1 (tests/image_server.py); zsh and fish check the completions
# made for them (bash-completion and man-db are above: `mkepub <Tab>` and `man mkepub` work after set-up).
test_packages=(epubcheck util-linux chromium calibre clang-14 libclang-rt-14-dev python3 zsh fish parallel)

missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_missing() {
  local need
  need=$(missing "$@")
  [ -z "$need" ] && return 0
  echo "setup: installing $need" >&2
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
}

# The reader checks' npm packages (tests/reader_check.sh): `npm ci` from the committed lock file, skipped when
# node_modules was installed from this very lock file.  PUPPETEER_SKIP_DOWNLOAD: Ace drives Debian's chromium.
install_reader_packages() {
  local dir=tests/reader stamp=tests/reader/node_modules/.installed-from-lock sum
  command -v npm >/dev/null || install_missing npm
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && return 0
  echo "setup: installing the reader checks' npm packages (tests/reader)" >&2
  (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$sum" >"$stamp"
}

# `mkepub serve`'s viewer, epub.js and JSZip (viewer/package-lock.json): installed the same way, in every mode;
# `cmake --install` copies their scripts into share/mkepub/viewer.
install_viewer_packages() {
  local dir=viewer stamp=viewer/node_modules/.installed-from-lock sum
  command -v npm >/dev/null || install_missing npm
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && return 0
  echo "setup: installing the viewer's npm packages (viewer)" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$sum" >"$stamp"
}

mode=${1:-build}
install_missing "${build_packages[@]}"
install_viewer_packages
if [ "$mode" = test ]; then
  install_missing "${test_packages[@]}"
  install_reader_packages
fi

# The test suite (CI) builds with warnings as errors; a user's build only shows them.
werror=OFF
[ "$mode" = test ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMKEPUB_WERROR=$werror >/dev/null
# mkepub_docs: the man page and completions that `cmake --install` installs with mkepub.
if [ "$mode" = test ]; then
  cmake --build build -j"$(nproc)"
else
  cmake --build build -j"$(nproc)" --target mkepub mkepub_docs
fi
cmake --install build --prefix /usr/local >/dev/null
# fish reads /usr/local/share/fish/vendor_completions.d only when XDG_DATA_DIRS names /usr/local/share (a desktop
# session's does, a console's is unset); its system folder, /etc/fish/completions, is read always.
if command -v fish >/dev/null; then
  mkdir -p /etc/fish/completions
  ln -sf /usr/local/share/fish/vendor_completions.d/mkepub.fish /etc/fish/completions/mkepub.fish
fi

if [ "$mode" = test ]; then
  (cd build && ctest --output-on-failure -j"$(nproc)")
  # The same suite under the sanitizers, mkepub included (the tests run this build's binary), and 20 s of each
  # fuzz target from its seed corpus (ctest "fuzz: ...").
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMKEPUB_SANITIZE=ON -DMKEPUB_FUZZ=ON -DMKEPUB_WERROR=ON >/dev/null
  cmake --build build-asan -j"$(nproc)"
  (cd build-asan && ctest --output-on-failure -j"$(nproc)")
fi
