#!/usr/bin/env bash
# The validity fuzz run (issue "every generator's dialect", item 9): books of many chapters made from fuzz inputs,
# each checked by epubcheck. The libFuzzer targets check each page against XML's rules alone; this checks whole
# books against everything epubcheck knows (the nav, the package, the XHTML and SVG schemas), in batches, for as
# long as it is left running. Not a test: a search. A book epubcheck rejects while mkepub said nothing is kept,
# with the site it was built from, under FINDINGS; each becomes a test once understood.
#   bench/validity_fuzz.sh [ROUNDS] [FINDINGS]     (ROUNDS 0: until stopped)
#   MAX_SECONDS=1800 bench/validity_fuzz.sh 0       rounds until 30 minutes have passed
# Inputs: the Markdown fuzz target's seeds and whatever its runs have added (build*/tests/fuzz/corpus/markdown),
# random spans of them spliced together, with the SVG files of ../shared/corpora (when present) as images.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${MKEPUB:-$here/build/mkepub}
rounds=${1:-20}
findings=${2:-$here/build/validity-findings}
per_book=${PER_BOOK:-40}
mkdir -p "$findings"
mapfile -t inputs < <(find "$here/tests/fuzz/corpus/markdown" "$here"/build*/tests/fuzz/corpus/markdown \
  -type f 2>/dev/null | sort)
mapfile -t svgs < <(find "$here/../shared/corpora" -name '*.svg' -size -200k 2>/dev/null | sort)
[ ${#inputs[@]} -gt 0 ] || { echo "no fuzz inputs found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RANDOM=${SEED:-1}  # the same seed gives the same books: a finding can be made again
found=0
deadline=$(( $(date +%s) + ${MAX_SECONDS:-0} ))
for ((round = 1; rounds == 0 || round <= rounds; round++)); do
  [ "${MAX_SECONDS:-0}" -gt 0 ] && [ "$(date +%s)" -ge "$deadline" ] && break
  site="$work/site"
  rm -rf "$site" && mkdir -p "$site/img"
  for ((i = 0; i < ${#svgs[@]} && i < 8; i++)); do cp "${svgs[RANDOM % ${#svgs[@]}]}" "$site/img/$i.svg"; done
  for ((n = 1; n <= per_book; n++)); do
    {
      printf -- '---\ntitle: "Post %d"\ndate: 2020-01-%02d\ntags: [t%d]\n---\n' "$n" $((n % 28 + 1)) $((RANDOM % 5))
      # Two or three inputs, each from a random line on: their syntax meets in one post.
      for ((k = 0; k < 2 + RANDOM % 2; k++)); do
        tail -n +$((1 + RANDOM % 20)) "${inputs[RANDOM % ${#inputs[@]}]}" | head -c 8000
        printf '\n\n'
      done
      [ ${#svgs[@]} -gt 0 ] && printf '![figure %d](img/%d.svg)\n' "$n" $((RANDOM % 8))
    } > "$site/p$n.md"
  done
  "$mkepub" "$site" -o "$work/book.epub" --keep-going -q > "$work/log" 2>&1
  code=$?
  if [ $code -ne 0 ] && [ $code -ne 1 ]; then
    verdict="mkepub exit $code"
  elif [ $code -eq 1 ]; then
    continue  # mkepub refused the input with a message: that is the contract
  else
    verdict=$(java -jar /usr/share/java/epubcheck.jar "$work/book.epub" 2>&1 | grep -E '^(ERROR|WARNING|FATAL)' | head -20)
  fi
  if [ -n "$verdict" ]; then
    found=$((found + 1))
    mkdir -p "$findings/$round" && cp -r "$site" "$work/book.epub" "$work/log" "$findings/$round/" 2>/dev/null
    printf '%s\n' "$verdict" > "$findings/$round/verdict"
    echo "round $round: $(head -1 "$findings/$round/verdict")"
  fi
done
echo "validity fuzz: $((round - 1)) books of $per_book chapters, $found rejected (kept in $findings)"
[ $found -eq 0 ]
