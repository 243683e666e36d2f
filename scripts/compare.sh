#!/usr/bin/env bash
# The MF operator against a multiply-based macro built by the same tool, and the adder-tree
# kinds against each other: `cimgen synth` over N x bits x operator x tree, then
# OUT/compare.csv, OUT/compare.md and gnuplot PNGs (scripts/compare_report.py).
#
#   scripts/compare.sh CIMGEN [OUT_DIR]          (make compare)
#
# Sweep: N in 16 64 256 1024, m = n in 4 8, C = 4 channels, L = min(N, 64), near_memory,
# every operator and every adder-tree kind that `cimgen enums` lists (today mf and
# conventional, behavioral ripple wallace dadda: 64 syntheses, about 5 minutes on 2 cores).
# Override with COMPARE_N, COMPARE_BITS, COMPARE_TREES, COMPARE_C, COMPARE_JOBS (parallel
# syntheses, default 2). COMPARE_TECH=osu018|osu035|osu050 (make compare TECH=osu018) maps onto
# that cell library and adds its real units: area in um^2, fmax, energy and energy x delay per
# vector (OpenSTA), and the tree area against Yosys's popcount.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 CIMGEN [OUT_DIR]" >&2
  exit 2
fi
cimgen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-build/compare}
here=$(cd "$(dirname "$0")" && pwd)
ns=${COMPARE_N:-16 64 256 1024}
bits_list=${COMPARE_BITS:-4 8}
channels=${COMPARE_C:-4}
jobs=${COMPARE_JOBS:-2}
tech=${COMPARE_TECH:-}

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Operators and tree kinds come from cimgen's enum tables (core/enums.hpp), so a new one is swept
# (and the report refuses one it cannot place) instead of being silently left out.
"$cimgen" enums --json > "$work/enums.json"
enum_list() { python3 -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$work/enums.json" "$1"; }
ops=$(enum_list operator)
all_trees=$(enum_list adder_tree.kind)
trees=${COMPARE_TREES:-$all_trees}
for tree in $trees; do
  case " $all_trees " in *" $tree "*) ;; *) echo "compare: COMPARE_TREES: unknown tree kind '$tree' (cimgen enums: $all_trees)" >&2; exit 2 ;; esac
done

# One spec per point of the sweep.
: > "$work/list"
for bits in $bits_list; do
  for N in $ns; do
    L=$(( N < 64 ? N : 64 ))
    for op in $ops; do
      for tree in $trees; do
        name="cmp_${op}_${tree}_n${N}_b${bits}"
        printf '{"name":"%s","operator":"%s","datapath":"near_memory","vector_length":%d,"channels":%d,"weight_bits":%d,"input_bits":%d,"uarray_columns":%d,"adder_tree":{"kind":"%s","pipeline_stages":0}}\n' \
          "$name" "$op" "$N" "$channels" "$bits" "$bits" "$L" "$tree" > "$work/$name.json"
        echo "$name" >> "$work/list"
      done
    done
  done
done
total=$(wc -l < "$work/list")
echo "compare: $total syntheses${tech:+ on $tech}, $jobs at a time (C = $channels, N in $ns, m = n in $bits_list)" >&2

# Synthesize in parallel; each run prints one progress line when it ends.
tech_args=${tech:+--tech $tech}
export cimgen work total tech_args
start=$(date +%s)
nl -ba "$work/list" | xargs -P "$jobs" -L 1 bash -c '
  k=$0 name=$1 t0=$(date +%s)
  if "$cimgen" synth "$work/$name.json" -o "$work/$name" -j 1 -q $tech_args > /dev/null 2> "$work/$name.err"; then
    echo "compare: [$k/$total] $name $(( $(date +%s) - t0 )) s" >&2
  else
    echo "compare: [$k/$total] $name FAILED" >&2; cat "$work/$name.err" >&2; exit 255
  fi'
echo "compare: syntheses done in $(( $(date +%s) - start )) s" >&2

python3 "$here/compare_report.py" "$work" "$work/list" "$out"
cat "$out/compare.md"
