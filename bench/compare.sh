#!/usr/bin/env bash
# mkepub against pandoc and against the floor, side by side in one run on this machine (issue 6's benchmark),
# and against itself without highlighting and image handling (issue 14's cost).
# The floor is what no Markdown-to-EPUB tool can beat: the cmark-gfm command-line tool over the same Markdown
# files plus `zip -6` of the same folder. Reports wall time, CPU time (user + system) and peak memory (max RSS)
# of each, from GNU time. Not a test: a measurement; run it on an otherwise idle machine.
#   bench/compare.sh [MKEPUB] [CORPORA]        (installs pandoc, cmark-gfm, zip and time when missing, as root)
#   BENCH_CORPORA="hugo-docs-en" bench/compare.sh    only these corpora
#   BENCH_SKIP_PANDOC=1 bench/compare.sh             without pandoc (it takes minutes)
#   BENCH_RUNS=5 bench/compare.sh                    mkepub and the floor run 5 times (default 3), the run with
#                                                    the median wall time reported; pandoc runs once
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${1:-$here/build/mkepub}
corpora=${2:-$here/../shared/corpora}
selected=${BENCH_CORPORA:-hugo-docs-en nodejs-blog-en powershell-docs-en}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

need=""
for p in pandoc cmark-gfm zip time; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need="$need $p"; done
if [ -n "$need" ]; then
  echo "bench: installing$need" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

# measure NAME CMD...: runs CMD under GNU time; sets wall, cpu, mem (MB) and code.
measure() {
  local log="$out/time.log"
  /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" >"$out/cmd.log" 2>&1
  code=$?
  read -r wall user sys kb < <(tail -1 "$log")
  cpu=$(echo "$user + $sys" | bc)
  mem=$((kb / 1024))
}

# median FN ARGS...: calls FN ARGS (which sets wall, cpu, mem, code) BENCH_RUNS times and keeps the run with the
# median wall time: one run on a shared machine can be off by a second.
runs=${BENCH_RUNS:-3}
median() {
  local results=() r
  for ((r = 0; r < runs; r++)); do
    "$@"
    results+=("$wall $cpu $mem $code")
  done
  read -r wall cpu mem code < <(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
}

# The floor: cmark-gfm over the Markdown files, then zip -6 of the folder; times summed, memory the larger.
floor() {
  local f_wall f_cpu f_mem
  measure cmark-gfm "${md[@]}"
  f_wall=$wall f_cpu=$cpu f_mem=$mem
  rm -f "$out/floor.zip"
  measure zip -6 -r -q "$out/floor.zip" "$dir"
  wall=$(echo "$f_wall + $wall" | bc) cpu=$(echo "$f_cpu + $cpu" | bc)
  [ "$mem" -gt "$f_mem" ] || mem=$f_mem
}

row() { printf '| %s | %s | %.2f s | %.2f s | %d MB | %s |\n' "$1" "$2" "$wall" "$cpu" "$mem" "$3"; }

printf '| corpus | tool | wall | CPU | peak memory | result |\n| --- | --- | ---: | ---: | ---: | --- |\n'
summary=""
for name in $selected; do
  dir="$corpora/$name"
  [ -d "$dir" ] || { echo "bench: no $dir" >&2; continue; }
  flags=""
  [ "$name" = powershell-docs-en ] && flags="--keep-going"
  mapfile -t md < <(find "$dir" -name '*.md' | sort)
  mb=$(cat "${md[@]}" | wc -c | awk '{printf "%.1f", $1 / 1048576}')

  median measure "$mkepub" "$dir" -o "$out/m.epub" --no-cache $flags
  m_wall=$wall m_mem=$mem
  check=$(java -jar /usr/share/java/epubcheck.jar "$out/m.epub" 2>&1 | grep -o 'Messages: .*' | sed 's/Messages: //')
  row "$name ($mb MB Markdown)" "mkepub $flags" "exit $code; epubcheck $check"

  # What issue 14's work costs: the same build without highlighting, image conversion and scaling, or fetching.
  median measure "$mkepub" "$dir" -o "$out/plain.epub" --no-cache $flags --no-highlight --image-max 0 --no-remote-images
  row "$name" "mkepub $flags --no-highlight --image-max 0 --no-remote-images" "exit $code"
  summary+="$name: highlighting and images cost $(echo "scale=2; $m_wall / $wall" | bc)x the wall time without them"$'\n'

  median floor
  f_wall=$wall
  row "$name" "floor: cmark-gfm + zip -6" "${#md[@]} files"

  if [ -z "${BENCH_SKIP_PANDOC:-}" ]; then
    # What people script today: every Markdown file, front matter and all, into one EPUB.
    measure pandoc -f markdown -t epub3 --metadata title="$name" -o "$out/p.epub" "${md[@]}"
    p_wall=$wall
    pcheck="exit $code"
    [ "$code" -eq 0 ] && pcheck="$pcheck; epubcheck $(java -jar /usr/share/java/epubcheck.jar "$out/p.epub" 2>&1 | grep -o 'Messages: .*' | sed 's/Messages: //')"
    row "$name" "pandoc $(pandoc --version | head -1 | cut -d' ' -f2)" "$pcheck"
    summary+="$name: mkepub is $(echo "scale=0; $p_wall / $m_wall" | bc)x faster than pandoc"$'\n'
  fi
  summary+="$name: mkepub takes $(echo "scale=2; $m_wall / $f_wall" | bc)x the floor's wall time; peak memory $(echo "scale=2; $m_mem / $mb" | bc)x the Markdown"$'\n'
done

# An anthology built twice: the second build, with nothing changed, against the first.
if [ -d "$corpora/nodejs-blog-en" ]; then
  measure "$mkepub" "$corpora/nodejs-blog-en" --split-by year -o "$out/books" --cache-dir "$out/cache" -q
  first=$wall
  row "nodejs-blog-en --split-by year" "mkepub, first build" "$(ls "$out/books" | wc -l) books"
  measure "$mkepub" "$corpora/nodejs-blog-en" --split-by year -o "$out/books" --cache-dir "$out/cache" -q
  row "nodejs-blog-en --split-by year" "mkepub, unchanged rebuild" "exit $code"
  summary+="anthology: the unchanged rebuild takes $(echo "scale=1; 100 * $wall / $first" | bc)% of the first build"$'\n'
  # One post changed (in a copy of the corpus): only its year's book is built again.
  cp -r "$corpora/nodejs-blog-en" "$out/blog"
  post=$(grep -rlE "^date: '?2019" "$out/blog" --include='*.md' | sort | head -1)
  if [ -n "$post" ]; then
    measure "$mkepub" "$out/blog" --split-by year -o "$out/books2" --cache-dir "$out/cache2" -q
    first=$wall
    echo "One more paragraph." >>"$post"
    measure "$mkepub" "$out/blog" --split-by year -o "$out/books2" --cache-dir "$out/cache2"
    row "nodejs-blog-en --split-by year" "mkepub, one post changed" "$(grep -c unchanged "$out/cmd.log") of $(ls "$out/books2" | wc -l) books unchanged"
    summary+="anthology: one changed post rebuilds in $(echo "scale=1; 100 * $wall / $first" | bc)% of the first build"$'\n'
    # The same as one book: the book is built again, but only the changed post is rendered again.
    measure "$mkepub" "$out/blog" -o "$out/one.epub" --cache-dir "$out/cache3" -q
    first=$wall
    row "nodejs-blog-en, one book, --cache-dir" "mkepub, first build" "exit $code"
    echo "And another." >>"$post"
    measure "$mkepub" "$out/blog" -o "$out/one.epub" --cache-dir "$out/cache3" -v
    row "nodejs-blog-en, one book, --cache-dir" "mkepub, one post changed" \
      "$(grep -o '[0-9]* of [0-9]* posts rendered' "$out/cmd.log" || echo "exit $code")"
    summary+="one book: one changed post rebuilds in $(echo "scale=1; 100 * $wall / $first" | bc)% of the first build"$'\n'
  fi
fi
printf '\n%s' "$summary"
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
