#!/usr/bin/env bash
# Time and peak memory as the input grows (issue 17): a corpus copied k times (1, 2, 4, 8; each copy in its own
# folder, so that every post is distinct) built as one book, then an anthology of generated small posts over many
# years built with `--split-by year`. Linear growth shows as the time ratio staying near k (the target: 8x the input
# within 9x the time). CPU seconds are given beside wall seconds: on a shared machine they drift less. Not a test:
# a measurement; run it on an otherwise idle machine.
#   bench/scale.sh [MKEPUB] [CORPUS]           (default: ../shared/corpora/nodejs-blog-en)
#   BENCH_POSTS=20000 BENCH_YEARS=40 bench/scale.sh   the anthology's size (0 posts: no anthology)
#   BENCH_COPIES="1 2 4 8" bench/scale.sh              the corpus copies measured
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${1:-$here/build/mkepub}
corpus=${2:-$here/../shared/corpora/nodejs-blog-en}
copies=${BENCH_COPIES:-1 2 4 8}
posts=${BENCH_POSTS:-20000}
years=${BENCH_YEARS:-40}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD...: runs CMD under GNU time; sets wall, cpu (user + system, s), mem (peak RSS, MB) and code.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.log" "$@" >"$out/cmd.log" 2>&1
  code=$?
  read -r wall user sys kb < <(tail -1 "$out/time.log")
  cpu=$(echo "$user + $sys" | bc)
  mem=$((kb / 1024))
}

# markdown_of DIR: the number of Markdown files under DIR and their size in MB.
markdown_of() {
  count=$(find "$1" -name '*.md' -o -name '*.markdown' | wc -l)
  mb=$(find "$1" \( -name '*.md' -o -name '*.markdown' \) -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
}

printf '| input | posts | Markdown | wall | CPU | peak memory | wall / 1x | CPU / 1x | result |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
base_wall="" base_cpu=""
for k in $copies; do
  rm -rf "$out/site" && mkdir -p "$out/site"
  for ((i = 1; i <= k; i++)); do cp -r "$corpus" "$out/site/copy$i"; done
  markdown_of "$out/site"
  measure "$mkepub" "$out/site" -o "$out/book.epub" -q
  [ -n "$base_wall" ] || base_wall=$wall base_cpu=$cpu
  printf '| %s %dx | %d | %s MB | %.2f s | %.2f s | %d MB | %.2f | %.2f | %s |\n' "$(basename "$corpus")" "$k" \
    "$count" "$mb" "$wall" "$cpu" "$mem" "$(echo "$wall / $base_wall" | bc -l)" "$(echo "$cpu / $base_cpu" | bc -l)" \
    "$([ "$code" = 0 ] && echo "$(du -m "$out/book.epub" | cut -f1) MB book" || echo "exit $code")"
done
rm -rf "$out/site"

[ "$posts" -gt 0 ] || exit 0
# The anthology: `posts` posts of a few paragraphs, a heading, a list and code each, spread evenly over `years`.
mkdir -p "$out/blog"
python3 - "$out/blog" "$posts" "$years" <<'PY'
import os, sys
root, n, years = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    year = 2026 - years + 1 + i % years
    day = 1 + (i // years) % 28
    month = 1 + (i // years // 28) % 12
    folder = os.path.join(root, str(year))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"post-{i:06d}.md"), "w") as f:
        f.write(f"---\ntitle: Post {i}\ndate: {year}-{month:02d}-{day:02d}\ntags: [t{i % 7}]\n---\n\n"
                f"Post {i} opens with *a paragraph* and [a link](https://example.com/{i}).\n\n"
                f"## Part {i}\n\n- one\n- two\n\n```python\nprint({i})\n```\n\nAnd it ends here.\n")
PY
markdown_of "$out/blog"
mkdir -p "$out/books"
measure "$mkepub" "$out/blog" --split-by year -o "$out/books" -q
printf '| anthology, `--split-by year` | %d | %s MB | %.2f s | %.2f s | %d MB | | | %s |\n' "$count" "$mb" "$wall" "$cpu" \
  "$mem" "$([ "$code" = 0 ] && echo "$(ls "$out/books" | wc -l) books" || echo "exit $code: $(tail -1 "$out/cmd.log")")"
