#!/usr/bin/env bash
# Time per input size for each Markdown shape that Debian 12's cmark-gfm (0.29.0.gfm.6) takes quadratic time over
# (src/render/linear_markdown.h names the advisories), and for mkepub's own footnote path: each shape is built at
# 1x, 2x, 4x and 8x its base size (8x stays under the 4 MB post limit), so linear growth shows as time doubling
# with size. Not a test: a measurement; run it on an otherwise idle machine.
#   bench/quadratic.sh [MKEPUB]            all shapes
#   BENCH_SHAPES="brackets www" bench/quadratic.sh   only these
#   BENCH_SCALE=0.25 BENCH_TIMEOUT=60 bench/quadratic.sh OLD   smaller sizes, each run stopped after 60 s
#                                                              (exit 124), for a build without the rewrites
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${1:-$here/build/mkepub}
shapes=${BENCH_SHAPES:-columns autocomplete brackets pi cdata comments footnotes www}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# body SHAPE N: the post's Markdown, with N units of the shape.
body() {
  python3 - "$1" "$2" <<'PY'
import sys
shape, n = sys.argv[1], int(sys.argv[2])
w = 1000  # columns: the widest table mkepub takes
print("---\ntitle: T\n---")
if shape == "columns":       print(("|" + "a|" * w + "\n") * 2 + "|" + "-|" * w + "\n" + ("|" + "b|" * w + "\n") * n)
elif shape == "autocomplete": print("|" + "a|" * w + "\n|" + "-|" * w + "\n" + "x\n" * n)
elif shape == "brackets":    print("![" * n + "[]()" * n)
elif shape == "pi":          print("a " + "<?" * n)
elif shape == "cdata":       print("a " + "<![CDATA[" * n)
elif shape == "comments":    print("a " + "<!--" * n)
elif shape == "footnotes":   print("x[^1]" * n + "\n\n[^1]: the note")
elif shape == "www":         print("x " + "www.a_" * n)
PY
}

declare -A base=([columns]=200 [autocomplete]=200000 [brackets]=65000 [pi]=200000 [cdata]=45000
                 [comments]=100000 [footnotes]=20000 [www]=65000)
printf '%-13s %10s %10s %9s %s\n' shape units bytes seconds exit
scale=${BENCH_SCALE:-1}
for shape in $shapes; do
  for mult in 1 2 4 8; do
    n=$(echo "${base[$shape]} * $mult * $scale / 1" | bc)
    rm -rf "$out/in" && mkdir -p "$out/in"
    body "$shape" "$n" >"$out/in/post.md"
    bytes=$(stat -c %s "$out/in/post.md")
    start=$(date +%s.%N)
    timeout "${BENCH_TIMEOUT:-300}" "$mkepub" "$out/in" -o "$out/book.epub" -q >"$out/log" 2>&1
    code=$?
    end=$(date +%s.%N)
    printf '%-13s %10d %10d %9.2f %s\n' "$shape" "$n" "$bytes" "$(echo "$end - $start" | bc)" "$code"
  done
done
