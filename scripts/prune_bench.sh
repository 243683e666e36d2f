#!/usr/bin/env bash
# Pruned-weight mapping benchmark (DESIGN.md section 10, issue 13): C = 64 channels of N = 256,
# group size 4 and 8, sparsity 50 / 70 / 90 %, i.i.d. and clustered masks (8 support templates,
# `cimgen vectors --mask-density D --mask-clusters 8`), SEEDS seeds each; weight entries stored
# by greedy and in_order against the ideal (kept entries only) and the dense macro, read from
# `cimgen check --json`. Writes OUT/prune_bench.csv, OUT/prune_bench.md and OUT/*.png (gnuplot),
# prints the table, and checks the two goals:
#   clustered masks at 70-90 % sparsity: greedy stores at most 1.5x the ideal (every seed);
#   i.i.d. masks: greedy never stores more than in_order (every seed).
# Then (unless PRUNE_SYNTH=0) synthesizes one macro, N = 64, C = 16, m = n = 4, L = 32, group size
# 4, a clustered 70 % sparse mask, with greedy and in_order grouping, against the dense macro of the
# same N and C: periphery gate equivalents and bit cells (OUT/prune_synth.md).
# Usage: scripts/prune_bench.sh CIMGEN OUT [SEEDS]   (exit 1 when a goal is missed)
set -euo pipefail
cimgen=$1
out=$2
seeds=${3:-5}
C=64
N=256
mkdir -p "$out/work"
work=$out/work
echo "{\"vector_length\":$N,\"channels\":$C,\"weight_bits\":4,\"input_bits\":4}" > "$work/dense.json"
csv=$out/prune_bench.csv
echo "masks,sparsity,group_size,seed,dense,ideal,greedy,in_order,greedy_shared_inputs,in_order_shared_inputs" > "$csv"
for masks in iid clustered; do
  for sparsity in 50 70 90; do
    density=$(awk -v s="$sparsity" 'BEGIN { printf "%.2f", 1 - s / 100 }')
    for seed in $(seq 1 "$seeds"); do
      mask=$work/${masks}_${sparsity}_$seed.mask
      clusters=()
      [ "$masks" = clustered ] && clusters=(--mask-clusters 8)
      "$cimgen" vectors "$work/dense.json" --mask-density "$density" "${clusters[@]}" --seed "$seed" --mask "$mask"
      for k in 4 8; do
        row="$masks,$sparsity,$k,$seed"
        for grouping in greedy in_order; do
          spec=$work/spec_$grouping.json
          echo "{\"vector_length\":$N,\"channels\":$C,\"weight_bits\":4,\"input_bits\":4,\"pruning\":{\"mask\":\"$(basename "$mask")\",\"group_size\":$k,\"grouping\":\"$grouping\"}}" > "$spec"
          "$cimgen" check "$spec" --json > "$work/check_$grouping.json"
        done
        python3 - "$work/check_greedy.json" "$work/check_in_order.json" "$row" >> "$csv" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["pruning"]
o = json.load(open(sys.argv[2]))["pruning"]
e = g["weight_entries"]
print("%s,%d,%d,%d,%d,%d,%d" % (sys.argv[3], e["dense"], e["ideal"], e["stored"], o["weight_entries"]["stored"],
                                g["shared_inputs"], o["shared_inputs"]))
PY
      done
    done
  done
done

status=0
python3 - "$csv" "$out" <<'PY' || status=$?
import csv, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1])))
out = sys.argv[2]
agg = defaultdict(list)
for r in rows:
    agg[(r["masks"], int(r["sparsity"]), int(r["group_size"]))].append(r)
lines = ["| masks | sparsity | k | dense | ideal | in_order | greedy | in_order / ideal | greedy / ideal | greedy utilization | worst greedy / ideal | greedy <= in_order |",
         "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
goals_ok = True
dat = defaultdict(list)
for (m, s, k), rs in sorted(agg.items(), key=lambda x: (x[0][0] != "iid", x[0][2], x[0][1])):
    mean = lambda key: sum(int(r[key]) for r in rs) / len(rs)
    worst = max(int(r["greedy"]) / int(r["ideal"]) for r in rs)
    never_worse = all(int(r["greedy"]) <= int(r["in_order"]) for r in rs)
    lines.append("| %s | %d %% | %d | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %s |" % (
        m, s, k, mean("dense"), mean("ideal"), mean("in_order"), mean("greedy"), mean("in_order") / mean("ideal"),
        mean("greedy") / mean("ideal"), mean("ideal") / mean("greedy"), worst, "yes" if never_worse else "NO"))
    dat[(m, k)].append((s, mean("greedy") / mean("ideal"), mean("in_order") / mean("ideal"), mean("dense") / mean("ideal")))
    if m == "clustered" and s >= 70 and worst > 1.5:
        goals_ok = False
        print("GOAL MISSED: clustered %d %% k=%d: greedy stores %.2fx the ideal (> 1.5)" % (s, k, worst))
    if m == "iid" and not never_worse:
        goals_ok = False
        print("GOAL MISSED: iid %d %% k=%d: greedy stores more than in_order" % (s, k))
seeds = len(rs)
text = "\n".join(lines) + "\n\nMeans over %d seeds per row (C = 64, N = 256; weight entries, each m+2 bit cells when stored).\n" % seeds
text += "Goals: clustered 70-90 %% sparsity greedy <= 1.5x ideal: %s; i.i.d. greedy never above in_order: %s.\n" % (
    "met" if all(not (m == "clustered" and s >= 70) or max(int(r["greedy"]) / int(r["ideal"]) for r in rs) <= 1.5
                 for (m, s, k), rs in agg.items()) else "MISSED",
    "met" if all(int(r["greedy"]) <= int(r["in_order"]) for r in rows if r["masks"] == "iid") else "MISSED")
open(out + "/prune_bench.md", "w").write(text)
print(text)
for (m, k), pts in dat.items():
    with open("%s/work/%s_k%d.dat" % (out, m, k), "w") as f:
        for p in sorted(pts):
            f.write("%d %.4f %.4f %.4f\n" % p)
sys.exit(0 if goals_ok else 1)
PY
if command -v gnuplot > /dev/null; then
  for masks in iid clustered; do
    gnuplot <<GP
set terminal pngcairo size 800,500 noenhanced
set output "$out/prune_bench_$masks.png"
set title "Weight entries stored / ideal, $masks masks (C = $C, N = $N)"
set xlabel "sparsity (%)"
set ylabel "stored / ideal"
set key top left
set grid
plot "$work/${masks}_k4.dat" using 1:2 with linespoints title "greedy, k = 4", \
     "$work/${masks}_k4.dat" using 1:3 with linespoints title "in_order, k = 4", \
     "$work/${masks}_k8.dat" using 1:2 with linespoints title "greedy, k = 8", \
     "$work/${masks}_k8.dat" using 1:3 with linespoints title "in_order, k = 8", \
     1.5 with lines dashtype 2 title "1.5x ideal"
GP
  done
  echo "prune_bench: plots $out/prune_bench_iid.png $out/prune_bench_clustered.png"
fi

if [ "${PRUNE_SYNTH:-1}" != 0 ]; then
  sw=$out/synth
  mkdir -p "$sw"
  echo '{"name":"prb_dense","vector_length":64,"channels":16,"weight_bits":4,"input_bits":4,"uarray_columns":32}' > "$sw/dense.json"
  "$cimgen" vectors "$sw/dense.json" --mask-density 0.3 --mask-clusters 4 --seed 1 --mask "$sw/mask.txt"
  for grouping in greedy in_order; do
    echo "{\"name\":\"prb_$grouping\",\"vector_length\":64,\"channels\":16,\"weight_bits\":4,\"input_bits\":4,\"uarray_columns\":32,\"pruning\":{\"mask\":\"mask.txt\",\"group_size\":4,\"grouping\":\"$grouping\"}}" > "$sw/$grouping.json"
  done
  for v in dense greedy in_order; do
    "$cimgen" synth "$sw/$v.json" -o "$sw/$v" -j 1 -q > "$sw/$v.log" 2>&1 || { cat "$sw/$v.log"; exit 1; }
  done
  python3 - "$sw" > "$out/prune_synth.md" <<'PY'
import json, sys
d = sys.argv[1]
rows = {v: json.load(open("%s/%s/synth/area.json" % (d, v))) for v in ("dense", "greedy", "in_order")}
def ge(a):
    g = a["periphery"]["gate_equivalents"]
    return g if isinstance(g, (int, float)) else g.get("total", 0)
print("| macro (N = 64, C = 16, k = 4, clustered 70 %) | weight entries stored | bit cells | periphery GE | periphery / dense | bit cells / dense |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
base = rows["dense"]
for v, a in rows.items():
    stored = a["pruning"]["weight_entries"]["stored"] if "pruning" in a else 64 * 16
    print("| %s | %d | %d | %.0f | %.2f | %.2f |" % (v, stored, a["array"]["bitcells"], ge(a), ge(a) / ge(base),
                                                   a["array"]["bitcells"] / base["array"]["bitcells"]))
PY
  cat "$out/prune_synth.md"
fi
exit $status
