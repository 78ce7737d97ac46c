#!/usr/bin/env bash
# The share of code blocks naming a language that mkepub highlighted, over built books: every
# <pre><code class="language-X"> of their pages, highlighted when it holds a token <span>. Plain-text names
# ("text", "output", ... as render/highlight_aliases.cpp lists them) are counted apart, as not asking for colour.
# Prints a line per book, the total, and the languages most often left plain. Not a test: a measurement.
#   bench/highlight_coverage.sh BOOK.epub...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 BOOK.epub..." >&2; exit 2; }
python3 - "$@" <<'PY'
import collections, re, sys, zipfile
plain = {"text", "txt", "plain", "plaintext", "output", "none", "nohighlight", "no-highlight", "raw", "log", "code",
         "console-output", "ascii", "result"}
block = re.compile(r'<pre[^>]*>\s*<code class="language-([^" ]*)[^"]*"[^>]*>(.*?)</code>', re.S)
total = collections.Counter()
left = collections.Counter()
for path in sys.argv[1:]:
    n = collections.Counter()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xhtml"):
                continue
            for lang, body in block.findall(z.read(name).decode("utf-8", "replace")):
                key = re.split(r"[,{}]", lang.lstrip("{.").lower())[0]
                lit = "<span class=" in body
                n["named"] += 1
                n["lit"] += lit
                if key not in plain:
                    n["code"] += 1
                    n["code_lit"] += lit
                    if not lit:
                        left[key] += 1
    total.update(n)
    print(f"{path}: {n['lit']}/{n['named']} blocks naming a language highlighted; "
          f"{n['code_lit']}/{n['code']} leaving out plain-text names")
share = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "-"
print(f"total: {total['lit']}/{total['named']} ({share(total['lit'], total['named'])}) of the blocks naming a language; "
      f"{total['code_lit']}/{total['code']} ({share(total['code_lit'], total['code'])}) leaving out plain-text names")
print("left plain, most often: " + ", ".join(f"{k} {v}" for k, v in left.most_common(15)))
PY
