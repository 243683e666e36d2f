#!/usr/bin/env bash
# Golden-file test: the sha256 of every file `cimgen generate` writes for every regression spec
# is checked in (HASH_FILE, lines "sha256  <spec name>/<path>"). The check regenerates and
# names every file that changed, appeared or disappeared.
# Usage: tb/golden_rtl.sh CIMGEN SPEC_DIR HASH_FILE [--update]
set -euo pipefail
export LC_ALL=C
cimgen=$1
spec_dir=$2
hashes=$3
mode=${4:-check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/gen"
for spec in "$spec_dir"/*.json; do
  name=$(basename "$spec" .json)
  "$cimgen" generate "$spec" -o "$tmp/gen/$name" > /dev/null 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
done
(cd "$tmp/gen" && find . -type f | sed 's|^\./||' | sort | xargs sha256sum) > "$tmp/new.sha256"
count=$(wc -l < "$tmp/new.sha256")

if [ "$mode" = --update ]; then
  cp "$tmp/new.sha256" "$hashes"
  echo "golden_rtl: wrote $count hashes to $hashes"
  echo "golden_rtl: review the change before committing: git diff $hashes (and the generated RTL)"
  exit 0
fi

if [ ! -f "$hashes" ]; then
  echo "golden_rtl: $hashes missing; create it with make golden-rtl"
  exit 1
fi
# "old"/"new" hash per path; a path with two different hashes changed, with one appeared or went.
awk '{ print $2, "old", $1 }' "$hashes" > "$tmp/all"
awk '{ print $2, "new", $1 }' "$tmp/new.sha256" >> "$tmp/all"
sort "$tmp/all" | awk '
  { h[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; paths[++n] = $1 } }
  END {
    bad = 0
    for (i = 1; i <= n; i++) {
      p = paths[i]; o = h[p, "old"]; w = h[p, "new"]
      if (o == "") { print "  added    " p; bad++ }
      else if (w == "") { print "  removed  " p; bad++ }
      else if (o != w) { print "  changed  " p; bad++ }
    }
    exit bad > 0
  }' > "$tmp/report" && ok=1 || ok=0
if [ $ok = 1 ]; then
  echo "golden_rtl: $count generated files of $spec_dir match $hashes"
  exit 0
fi
cat "$tmp/report"
echo "golden_rtl: $(wc -l < "$tmp/report") of $count generated files differ from $hashes"
echo "golden_rtl: if the change is intended, run make golden-rtl, review the diff and commit it"
exit 1
