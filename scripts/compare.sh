#!/usr/bin/env bash
# MF versus multiply-based macro, and adder-tree kinds: sweeps N over 16, 64, 256, 1024 for
# m = n = 4 and 8 (C = 1, L = min(N, 64), near_memory), synthesizes each with `cimgen synth`,
# and writes OUT/compare.csv, OUT/compare.md and gnuplot PNGs.
# Usage: scripts/compare.sh CIMGEN [OUT_DIR]   (make compare)
set -euo pipefail
cimgen=$1
out=${2:-build/compare}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="$out/compare.csv"
echo "operator,tree,N,bits,L,gate_equivalents,flip_flops,longest_path,cycles_per_vector,converter_bits,tree_full_adders,tree_half_adders,fa_lower_bound,tree_levels" > "$csv.tmp"
total=$((4 * 2 * 2 * 4))
k=0
for bits in 4 8; do
  for N in 16 64 256 1024; do
    L=$(( N < 64 ? N : 64 ))
    for op in mf conventional; do
      for tree in behavioral ripple wallace dadda; do
        k=$((k + 1))
        name="cmp_${op:0:4}_${tree}_n${N}_b${bits}"
        printf '{"name":"%s","operator":"%s","vector_length":%d,"channels":1,"weight_bits":%d,"input_bits":%d,"uarray_columns":%d,"adder_tree":{"kind":"%s"}}\n' \
          "$name" "$op" "$N" "$bits" "$bits" "$L" "$tree" > "$tmp/$name.json"
        echo "compare: [$k/$total] $name" >&2
        "$cimgen" synth "$tmp/$name.json" -o "$tmp/$name" > /dev/null 2>&1
        python3 - "$tmp/$name" "$op" "$tree" "$N" "$bits" "$L" >> "$csv.tmp" <<'PY'
import json, math, sys
d, op, tree, N, bits, L = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
a = json.load(open(f"{d}/synth/area.json"))
m = json.load(open(f"{d}/manifest.json"))
t = m["adder_tree"]
conv_bits = math.ceil(math.log2(L + 1))          # count of one bit-plane step (MF)
if op == "conventional":
    conv_bits = bits + conv_bits                  # a DAC-driven multi-bit macro digitizes n + clog2(L+1) bits
lb = L - math.ceil(math.log2(L + 1))
p = a["periphery"]
print(f"{op},{tree},{N},{bits},{L},{p['gate_equivalents']:.0f},{p['flip_flops']},{p['longest_path_levels']},"
      f"{m['initiation_interval']},{conv_bits},{t['full_adders']},{t['half_adders']},{lb},{t['levels']}")
PY
      done
    done
  done
done
mv "$csv.tmp" "$csv"
python3 - "$csv" "$out/compare.md" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
md = ["| m=n | N | tree | MF GE | conv GE | MF/conv | MF cycles | conv cycles | MF depth | conv depth | tree FA (bound) |",
      "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
key = lambda r: (int(r["bits"]), int(r["N"]), r["tree"])
mf = {key(r): r for r in rows if r["operator"] == "mf"}
cv = {key(r): r for r in rows if r["operator"] == "conventional"}
for k in sorted(mf):
    a, b = mf[k], cv[k]
    fa = f"{a['tree_full_adders']} ({a['fa_lower_bound']})" if a["tree"] != "behavioral" else "-"
    md.append(f"| {k[0]} | {k[1]} | {k[2]} | {a['gate_equivalents']} | {b['gate_equivalents']} | "
              f"{int(a['gate_equivalents'])/int(b['gate_equivalents']):.2f} | {a['cycles_per_vector']} | {b['cycles_per_vector']} | "
              f"{a['longest_path']} | {b['longest_path']} | {fa} |")
md.append("")
md.append("Converter resolution per count: MF clog2(L+1) bits; a DAC-driven multi-bit macro n + clog2(L+1).")
open(sys.argv[2], "w").write("\n".join(md) + "\n")
PY
if command -v gnuplot > /dev/null; then
  for bits in 4 8; do
    for metric in 6:gate_equivalents 9:cycles_per_vector; do
      col=${metric%%:*} label=${metric#*:}
      grep -E "^mf,dadda,[0-9]+,$bits," "$csv" | cut -d, -f3,$col > "$tmp/mf.dat"
      grep -E "^conventional,dadda,[0-9]+,$bits," "$csv" | cut -d, -f3,$col > "$tmp/cv.dat"
      gnuplot <<GP
set terminal pngcairo size 800,500
set output "$out/${label}_b${bits}.png"
set datafile separator ","
set logscale xy
set xlabel "vector length N"
set ylabel "$label"
set title "MF vs multiply-based, m = n = $bits, dadda trees, C = 1"
set key left top
plot "$tmp/mf.dat" using 1:2 with linespoints title "MF", "$tmp/cv.dat" using 1:2 with linespoints title "conventional"
GP
    done
  done
fi
echo "compare: wrote $csv, $out/compare.md and PNG plots" >&2
cat "$out/compare.md"
