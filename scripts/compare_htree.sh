#!/usr/bin/env bash
# The H-tree core (DESIGN.md section 9) against the flat near_memory macro: `cimgen synth` over
# banks B x input bits n, then the bits per vector on the root's links measured in Icarus on the
# generated RTL (scripts/htree_link_bits.py), next to the N(n+1) bits a multiply-based
# distributed design sends down. Writes OUT/compare_htree.csv, OUT/compare_htree.md and gnuplot
# PNGs (scripts/compare_htree_report.py).
#
#   scripts/compare_htree.sh CIMGEN [OUT_DIR]          (make compare-htree)
#
# Sweep: B in 1 4 16 64 (B = 1: the flat near_memory macro), n in 2 4 8 with m = n, N = 1024,
# C = 8, dadda trees, L = min(N/B, 64), fanout 4, 1 link stage (12 syntheses). Override with
# COMPARE_HT_B, COMPARE_HT_BITS, COMPARE_HT_N, COMPARE_HT_C, COMPARE_JOBS (parallel syntheses,
# default 2).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 CIMGEN [OUT_DIR]" >&2
  exit 2
fi
cimgen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-build/compare_htree}
here=$(cd "$(dirname "$0")" && pwd)
banks_list=${COMPARE_HT_B:-1 4 16 64}
bits_list=${COMPARE_HT_BITS:-2 4 8}
N=${COMPARE_HT_N:-1024}
channels=${COMPARE_HT_C:-8}
jobs=${COMPARE_JOBS:-2}

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$work/list"
for bits in $bits_list; do
  for B in $banks_list; do
    nbk=$(( (N + B - 1) / B ))
    L=$(( nbk < 64 ? nbk : 64 ))
    name="cmpht_b${B}_n${bits}"
    if [ "$B" = 1 ]; then
      tree=''
      dp=near_memory
    else
      tree=$(printf ',"htree":{"banks":%d,"fanout":4,"link_stages":1}' "$B")
      dp=htree
    fi
    printf '{"name":"%s","datapath":"%s","vector_length":%d,"channels":%d,"weight_bits":%d,"input_bits":%d,"uarray_columns":%d,"adder_tree":{"kind":"dadda"}%s}\n' \
      "$name" "$dp" "$N" "$channels" "$bits" "$bits" "$L" "$tree" > "$work/$name.json"
    echo "$name" >> "$work/list"
  done
done
total=$(wc -l < "$work/list")
echo "compare-htree: $total points, $jobs at a time (N = $N, C = $channels, B in $banks_list, m = n in $bits_list)" >&2

# Per point: synthesis, then (H-tree only) the root-link measurement on the generated RTL.
export cimgen work total here
start=$(date +%s)
nl -ba "$work/list" | xargs -P "$jobs" -L 1 bash -c '
  k=$0 name=$1 t0=$(date +%s)
  if ! "$cimgen" synth "$work/$name.json" -o "$work/$name" -j 1 -q > /dev/null 2> "$work/$name.err"; then
    echo "compare-htree: [$k/$total] $name synth FAILED" >&2; cat "$work/$name.err" >&2; exit 255
  fi
  if grep -q "\"htree\"" "$work/$name.json" &&
     ! python3 "$here/htree_link_bits.py" "$work/$name" > "$work/$name.links.json" 2> "$work/$name.err"; then
    echo "compare-htree: [$k/$total] $name link measurement FAILED" >&2; cat "$work/$name.err" >&2; exit 255
  fi
  echo "compare-htree: [$k/$total] $name $(( $(date +%s) - t0 )) s" >&2'
echo "compare-htree: done in $(( $(date +%s) - start )) s" >&2

python3 "$here/compare_htree_report.py" "$work" "$work/list" "$out"
cat "$out/compare_htree.md"
