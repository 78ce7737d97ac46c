#!/usr/bin/env bash
# Reader checks: builds seeds/ and samples/ (and seeds/ with --vertical, once mkepub has that flag) and opens each
# book the way readers do:
#   epub.js  ../shared/tools/reader/render.js in headless Chromium opens every chapter with no error;
#   calibre  `ebook-convert book.epub book.azw3` exits 0, and its log has no line with "Error", "Traceback",
#            "not found" (a manifest, spine or TOC entry calibre cannot find) or "failed";
#   Ace      Ace by DAISY's report.json has no assertion with outcome "fail".
# usage: tests/reader_check.sh PATH/TO/mkepub
# The tools come from `./setup.sh test`: Debian's chromium and calibre, and tests/reader/node_modules (npm ci of
# tests/reader/package-lock.json: the versions render.js asks for, and @daisy/ace-cli).  render.js runs from
# ../shared as it is, with NODE_PATH pointing at tests/reader/node_modules.
# Exit 0 all passed; 1 a check failed (each failure is listed at the end); 77 (ctest: skipped) a tool is missing
# outside CI; under CI=true a missing tool is a failure.
# MKEPUB_READER_OUT=DIR keeps the books, screenshots, calibre logs and Ace reports there; otherwise they go to a
# temporary folder that is removed when everything passed and kept (its path printed) when something failed.
set -uo pipefail

mkepub=${1:?usage: reader_check.sh PATH/TO/mkepub}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
render_js=${MKEPUB_READER_JS:-$root/../shared/tools/reader/render.js}
node_modules=$here/reader/node_modules
ace=$node_modules/.bin/ace-cli
chromium=${CHROMIUM:-/usr/bin/chromium}

# --- tools ------------------------------------------------------------------------------------------------------
absent=()
[ -x "$mkepub" ] || absent+=("mkepub binary $mkepub")
[ -f "$render_js" ] || absent+=("$render_js (../shared/tools/reader)")
command -v node >/dev/null || absent+=("node (Debian package nodejs)")
[ -x "$chromium" ] || absent+=("$chromium (Debian package chromium)")
command -v ebook-convert >/dev/null || absent+=("ebook-convert (Debian package calibre)")
[ -x "$ace" ] && [ -d "$node_modules/playwright-core" ] && [ -d "$node_modules/epubjs" ] ||
  absent+=("$node_modules (npm ci in tests/reader)")
if [ ${#absent[@]} -gt 0 ]; then
  printf 'reader_check: missing: %s\n' "${absent[@]}" >&2
  echo "reader_check: \`./setup.sh test\` installs them" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  echo "reader_check: SKIPPED (outside CI a missing tool skips; under CI=true it fails)" >&2
  exit 77
fi

if [ -n "${MKEPUB_READER_OUT:-}" ]; then
  work=$MKEPUB_READER_OUT
  rm -rf "$work" && mkdir -p "$work" || exit 1
  keep=1
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/mkepub-reader.XXXXXX") || exit 1
  keep=0
fi
work=$(cd "$work" && pwd)
mkdir -p "$work/home" "$work/tmp"
# The tools' own temporary files (Chromium profiles, Ace's unpacked book) stay in $work too, even on a time-out.
export TMPDIR=$work/tmp

failures=()
checks=0
fail() { failures+=("$1"); echo "FAIL  $1"; }
pass() { echo "ok    $1"; }

# "exited N", or "timed out" for timeout(1)'s 124.
why() { if [ "$1" = 124 ]; then echo "timed out"; else echo "exited $1"; fi; }

# Indents a tool's output under the line that names the failure.
show() { sed -e 's/\x1b\[[0-9;]*m//g; s/^/        /' "$@" | head -n 60; }

# --- the books --------------------------------------------------------------------------------------------------
books=()
build() { # NAME ARGS...
  local name=$1; shift
  "$mkepub" "$@" -o "$work/$name.epub" -q >"$work/$name.build.log" 2>&1
  local rc=$?
  if [ $rc -eq 0 ]; then
    books+=("$name")
  else
    checks=$((checks + 1))
    fail "$name: mkepub $* exited $rc (log: $work/$name.build.log)"
    show "$work/$name.build.log"
  fi
}
build seeds "$root/seeds"
build samples "$root/samples"
if "$mkepub" --help 2>/dev/null | grep -q -- '--vertical'; then
  build seeds-vertical "$root/seeds" --vertical
else
  echo "note  mkepub --help has no --vertical: the vertical book is not built"
fi

# --- epub.js in headless Chromium -------------------------------------------------------------------------------
check_epubjs() { # NAME
  local name=$1 log="$work/$1.epubjs.log" shown
  checks=$((checks + 1))
  NODE_PATH=$node_modules CHROMIUM=$chromium HOME=$work/home \
    timeout 90 node "$render_js" "$work/$name.epub" "$work/$name.shots" 100000 >"$log" 2>&1
  local rc=$?
  shown=$(grep -E '^chapters shown: ' "$log" | tail -n 1)
  if [ $rc -ne 0 ]; then
    fail "$name: epub.js: render.js $(why $rc); ${shown:-no chapter shown} (log: $log)"
    # The errors render.js lists follow its summary line; without one (a crash), the whole log.
    if [ -n "$shown" ]; then sed -n '/^chapters shown: /,$p' "$log" | show; else show "$log"; fi
  elif ! [[ $shown =~ ^chapters\ shown:\ ([0-9]+)\ of\ ([0-9]+)\; ]] || [ "${BASH_REMATCH[1]}" != "${BASH_REMATCH[2]}" ] ||
    [ "${BASH_REMATCH[1]}" = 0 ]; then
    fail "$name: epub.js: not every chapter was shown: ${shown:-no summary} (log: $log)"
  else
    pass "$name: epub.js: ${shown%%;*}, no errors$( [ $keep = 1 ] && echo " (screenshots: $work/$name.shots)")"
  fi
}

# --- calibre: EPUB to AZW3 --------------------------------------------------------------------------------------
check_calibre() { # NAME
  local name=$1 log="$work/$1.calibre.log" out="$work/$1.azw3" bad
  checks=$((checks + 1))
  HOME=$work/home QT_QPA_PLATFORM=offscreen timeout 180 ebook-convert "$work/$name.epub" "$out" >"$log" 2>&1
  local rc=$?
  bad=$(grep -nE 'Error|ERROR|Traceback|not found|[Ff]ailed' "$log")
  if [ $rc -ne 0 ]; then
    fail "$name: calibre: ebook-convert $(why $rc) (log: $log)"
    show "$log"
  elif [ -n "$bad" ]; then
    fail "$name: calibre: ebook-convert's log has errors (log: $log)"
    echo "$bad" | show
  elif ! [ -s "$out" ]; then
    fail "$name: calibre: no AZW3 written (log: $log)"
  else
    pass "$name: calibre: AZW3 of $(stat -c %s "$out") bytes, clean log"
  fi
}

# --- Ace by DAISY -----------------------------------------------------------------------------------------------
check_ace() { # NAME
  local name=$1 log="$work/$1.ace.log" out="$work/$1.ace" summary
  checks=$((checks + 1))
  HOME=$work/home PUPPETEER_EXECUTABLE_PATH=$chromium PUPPETEER_SKIP_DOWNLOAD=1 ACE_TIMEOUT_INITIAL=60000 \
    timeout 300 "$ace" --force --verbose --outdir "$out" "$work/$name.epub" >"$log" 2>&1
  local rc=$?
  if [ $rc -ne 0 ] || ! [ -s "$out/report.json" ]; then
    fail "$name: Ace: ace-cli $(why $rc) without a report (log: $log)"
    show "$log"
    return
  fi
  # One line per violation: impact, rule id, page, where, what.
  summary=$(node - "$out/report.json" <<'EOF'
const r = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const lines = [];
for (const doc of r.assertions || []) {
  for (const a of doc.assertions || []) {
    if (!a['earl:result'] || a['earl:result']['earl:outcome'] !== 'fail') continue;
    const t = a['earl:test'] || {}, res = a['earl:result'];
    const where = ((res['earl:pointer'] || {}).css || []).join(' ');
    lines.push(`${t['earl:impact'] || '?'} ${t['dct:title'] || '?'} in ${doc['earl:testSubject'].url}` +
      (where ? ` at ${where}` : '') + `: ${(res['dct:description'] || t['dct:description'] || '').replace(/\s+/g, ' ')}`);
  }
}
console.log(`${lines.length} ${(r['earl:result'] || {})['earl:outcome'] || '?'}`);
lines.forEach(l => console.log(l));
EOF
  )
  local count=${summary%% *} outcome
  outcome=$(head -n 1 <<<"$summary" | cut -d' ' -f2)
  if ! [[ $count =~ ^[0-9]+$ ]]; then
    fail "$name: Ace: report.json unreadable (report: $out/report.json)"
    echo "$summary" | show
  elif [ "$count" -ne 0 ] || [ "$outcome" != pass ]; then
    fail "$name: Ace: $count violation(s), outcome $outcome (report: $out/report.html)"
    tail -n +2 <<<"$summary" | show
  else
    pass "$name: Ace: 0 violations"
  fi
}

for b in "${books[@]}"; do
  check_epubjs "$b"
  check_calibre "$b"
  check_ace "$b"
done

echo "reader_check: $checks checks on ${#books[@]} books (${books[*]}), ${#failures[@]} failed"
if [ ${#failures[@]} -gt 0 ]; then
  printf '  failed: %s\n' "${failures[@]}"
  echo "reader_check: everything is kept in $work"
  exit 1
fi
if [ $keep = 0 ]; then rm -rf "$work"; else echo "reader_check: output kept in $work"; fi
exit 0
