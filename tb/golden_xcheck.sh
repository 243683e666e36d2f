#!/usr/bin/env bash
# `cimgen golden` against the independent Python reference (scripts/golden_ref.py) on random
# data, both zero encodings. Usage: tb/golden_xcheck.sh CIMGEN SPEC_DIR
set -euo pipefail
cimgen=$1
spec_dir=$2
ref="$(cd "$(dirname "$0")" && pwd)/../scripts/golden_ref.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$ref" --selftest
passed=0 failed=0
for spec in "$spec_dir"/*.json; do
  for seed in 1 2 3; do
    "$cimgen" vectors "$spec" --seed $seed --count 40 --weights "$tmp/w.txt" --inputs "$tmp/x.txt"
    for zs in positive negative; do
      "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y.txt" --zero-sign $zs
      python3 "$ref" "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --zero-sign $zs > "$tmp/y_ref.txt"
      if cmp -s "$tmp/y.txt" "$tmp/y_ref.txt"; then
        passed=$((passed + 1))
      else
        failed=$((failed + 1))
        echo "MISMATCH spec $spec seed $seed zero-sign $zs"; diff "$tmp/y.txt" "$tmp/y_ref.txt" | head -5
      fi
    done
  done
done
echo "golden_xcheck: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
