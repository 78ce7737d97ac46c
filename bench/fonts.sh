#!/usr/bin/env bash
# Font embedding cost: book size and build time with and without `--font "LXGW WenKai"` for seeds/ and the
# largest Chinese corpus (best of 3 wall-clock runs each). Not a test: a measurement.
#   bench/fonts.sh [MKEPUB] [CORPORA]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${1:-$here/build/mkepub}
corpora=${2:-$here/../shared/corpora}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
best() {  # best wall time of 3 runs of the command, in seconds
  local b=999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc); if (( $(echo "$t < $b" | bc) )); then b=$t; fi
  done
  printf '%.3f' "$b"
}
printf '| input | font | build time | book size | font files |\n| --- | --- | ---: | ---: | ---: |\n'
for input in "$here/seeds" "$corpora/rust-book-zh-cn"; do
  [ -d "$input" ] || continue
  name=$(basename "$input")
  for font in none "LXGW WenKai"; do
    args=("$input" -q -o "$out/$name.epub")
    [ "$font" = none ] || args+=(--font "$font")
    t=$(best "$mkepub" "${args[@]}")
    size=$(stat -c %s "$out/$name.epub")
    fonts=$(unzip -Zl "$out/$name.epub" | awk '/EPUB\/fonts\// {s += $4} END {print s + 0}')
    printf '| %s | %s | %s s | %d KiB | %d KiB |\n' "$name" "$font" "$t" $((size / 1024)) $((fonts / 1024))
  done
done
