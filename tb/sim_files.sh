#!/usr/bin/env bash
# `cimgen sim` in files mode: RTL outputs written with --out equal `cimgen golden` on the same
# files, with -0 encoded both ways. Usage: tb/sim_files.sh CIMGEN SPEC CACHE_DIR
set -euo pipefail
cimgen=$1 spec=$2 cache=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cimgen" vectors "$spec" --seed 11 --count 60 --weights "$tmp/w.txt" --inputs "$tmp/x.txt"
passed=0 failed=0
for zs in positive negative; do
  "$cimgen" sim "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_rtl.txt" --zero-sign $zs --cache "$cache" 2>/dev/null
  "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_gold.txt" --zero-sign $zs
  if cmp -s "$tmp/y_rtl.txt" "$tmp/y_gold.txt" && [ "$(wc -l < "$tmp/y_rtl.txt")" = 60 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "sim_files: $zs: RTL and golden differ"; diff "$tmp/y_rtl.txt" "$tmp/y_gold.txt" | head
  fi
done
echo "sim_files: $passed passed, $failed failed"
[ "$failed" = 0 ]
