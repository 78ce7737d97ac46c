#!/usr/bin/env bash
# Builds every corpus of ../shared/corpora the way a user would and prints a table: posts found, chapters
# (XHTML files), images, warnings by kind, wall time, epubcheck's verdict, and the leak check's count of source
# syntax shown as text (tests/leaks.h; build/tests/leak_report). Not a test: a measurement.
#   bench/corpora.sh [MKEPUB] [CORPORA] [LEAK_REPORT]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkepub=${1:-$here/build/mkepub}
corpora=${2:-$here/../shared/corpora}
leak_report=${3:-$here/build/tests/leak_report}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| corpus | posts | chapters | XHTML files | images | warnings by kind | build time | epubcheck | leaks |\n'
printf '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |\n'
for dir in "$corpora"/*/; do
  name=$(basename "$dir")
  flags=""
  [ "$name" = powershell-docs-en ] && flags="--keep-going"
  start=$(date +%s.%N)
  "$mkepub" "$dir" -o "$out/$name.epub" $flags >"$out/$name.log" 2>&1
  code=$?
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  if [ $code -ne 0 ]; then
    printf '| %s | | | | | exit %d | %.2f s | |\n' "$name" "$code" "$secs"
    continue
  fi
  posts=$(find "$dir" -name '*.md' -o -name '*.markdown' | wc -l)
  files=$(unzip -Z1 "$out/$name.epub" | grep -c '^EPUB/text/.*\.xhtml$')
  chapters=$(unzip -Z1 "$out/$name.epub" | grep -c '^EPUB/text/c[0-9]*\.xhtml$')
  images=$(unzip -Z1 "$out/$name.epub" | grep -c '^EPUB/images/')
  kinds=$(grep -E '^[0-9]+ warning\(s\): ' "$out/$name.log" | sed 's/^[0-9]* warning(s): //')
  check=$(java -jar /usr/share/java/epubcheck.jar "$out/$name.epub" 2>&1 | grep -o 'Messages: .*' | sed 's/Messages: //')
  leaks=$("$leak_report" --site "$dir" "$out/$name.epub" | cut -f2-3 | sed 's/\t/: /')
  printf '| %s%s | %d | %d | %d | %d | %s | %.2f s | %s | %s |\n' "$name" "${flags:+ $flags}" "$posts" "$chapters" "$files" \
    "$images" "${kinds:-none}" "$secs" "$check" "$leaks"
done
