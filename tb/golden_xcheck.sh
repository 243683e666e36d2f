#!/usr/bin/env bash
# Cross-check `cimgen golden` against the independent Python reference
# (scripts/golden_ref.py, written from DESIGN.md section 3 alone).
#
#   tb/golden_xcheck.sh CIMGEN_BINARY SPEC_DIR
#
# For every spec in SPEC_DIR and every seed: cimgen writes random vectors, then both
# models compute y with plain 0 as +0 and as -0 (--zero-sign negative); the outputs
# must be byte-identical. Prints "N passed, M failed"; exit 1 on any failure.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 CIMGEN_BINARY SPEC_DIR" >&2
    exit 2
fi
CIMGEN=$1
SPEC_DIR=$2
REF="$(dirname "$0")/../scripts/golden_ref.py"
SEEDS="1 7 2024"
COUNT=40

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

passed=0
failed=0

for spec in "$SPEC_DIR"/*.json; do
    [ -e "$spec" ] || continue
    for seed in $SEEDS; do
        "$CIMGEN" vectors "$spec" --seed "$seed" --count "$COUNT" \
            --weights "$T/w.txt" --inputs "$T/x.txt"
        for zs in positive negative; do
            # positive: cimgen's default (no flag); negative: --zero-sign negative
            if [ "$zs" = positive ]; then
                out=$T/y.txt; zflag=()
            else
                out=$T/yn.txt; zflag=(--zero-sign negative)
            fi
            ok=1
            if ! "$CIMGEN" golden "$spec" --weights "$T/w.txt" --inputs "$T/x.txt" \
                    --out "$out" "${zflag[@]}"; then
                echo "cimgen golden failed on $spec seed $seed zero-sign $zs"
                ok=0
            elif ! python3 "$REF" "$spec" --weights "$T/w.txt" --inputs "$T/x.txt" \
                    --zero-sign "$zs" > "$T/ref.txt"; then
                echo "golden_ref.py failed on $spec seed $seed zero-sign $zs"
                ok=0
            elif ! cmp -s "$out" "$T/ref.txt"; then
                echo "MISMATCH spec $spec seed $seed zero-sign $zs (< cimgen golden, > golden_ref.py)"
                diff "$out" "$T/ref.txt" | head -n 10 || true
                ok=0
            fi
            if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
        done
    done
done

echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
