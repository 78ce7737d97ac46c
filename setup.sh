#!/usr/bin/env bash
# mkepub's set-up on Debian 12, as root: installs what is missing (apt-get), builds, installs `mkepub` into
# /usr/local/bin.  `./setup.sh test` also installs the test tools (epubcheck) and runs the whole test suite.
# Both are idempotent: with everything in place they only rebuild what changed.
set -euo pipefail
cd "$(dirname "$0")"

build_packages=(g++ cmake make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev
  libpugixml-dev libzip-dev libcli11-dev doctest-dev libgumbo-dev uuid-dev libpango1.0-dev libcairo2-dev
  libopencc-dev fonts-noto-cjk)
test_packages=(epubcheck util-linux)

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

mode=${1:-build}
install_missing "${build_packages[@]}"
[ "$mode" = test ] && install_missing "${test_packages[@]}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ "$mode" = test ]; then cmake --build build -j"$(nproc)"; else cmake --build build -j"$(nproc)" --target mkepub; fi
cmake --install build --prefix /usr/local >/dev/null

if [ "$mode" = test ]; then
  cd build
  ctest --output-on-failure -j"$(nproc)"
fi
