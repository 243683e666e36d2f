#!/usr/bin/env bash
# Formal sweep of the adder trees (issue 11 point 2): every kind, every width L in 1..MAX_L with
# pipeline stages 0 and 1 + L mod 8 (or every stage count in PIPES), plus the wider EXTRA widths,
# each proven by tb/formal/tree_equiv.sh; then the SAR and valid/ready properties
# (tb/formal/props.sh) unless TREES_ONLY=1. Prints a table (kind, width, pipeline, result, seconds).
# Usage: scripts/formal.sh CIMGEN OUT [MAX_L] [EXTRA] [PIPES]
#   e.g. scripts/formal.sh build/cimgen build/formal 64 "96 128 192 256 512 1024"
#        PIPES="0 1 2 3 4 5 6 7 8": every pipeline depth for every width.
set -uo pipefail
cimgen=$(realpath "$1") out=$2 max_l=${3:-64} extra=${4:-96 128 192 256 512 1024} pipes=${5:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"; out=$(cd "$out" && pwd)
table=$out/trees.txt
: > "$table"
start=$SECONDS
printf '%-10s %4s %2s %-4s %7s %-12s %s\n' kind L P res seconds method counts | tee -a "$table"
for L in $(seq 1 "$max_l") $extra; do
  for kind in behavioral ripple wallace dadda; do
    for p in ${pipes:-0 $((1 + L % 8))}; do
      bash "$root/tb/formal/tree_equiv.sh" "$cimgen" "$kind" "$L" "$p" "$out/trees" | tee -a "$table"
    done
  done
done
pass=$(awk '$4 == "PASS"' "$table" | wc -l) fail=$(awk '$4 == "FAIL"' "$table" | wc -l)
echo "formal trees: $pass proven, $fail failed, $((SECONDS - start)) s (table: $table)"
status=0; [ "$fail" = 0 ] || status=1
if [ "${TREES_ONLY:-0}" != 1 ]; then
  bash "$root/tb/formal/props.sh" "$cimgen" "$out/props" || status=1
fi
exit $status
