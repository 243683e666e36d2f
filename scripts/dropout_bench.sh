#!/usr/bin/env bash
# MC-Dropout reuse study (DESIGN.md section 11, seed 004 Fig. 6b): `cimgen dropout` for
# T = 100 samples, N in {16, 31, 64, 256}, p_in in {0.2, 0.5}, without and with output dropout
# (p_out = p_in), seeds 1..5, C = 8 channels, R = 4 registers. Prints a markdown table of the
# savings at 100 samples (mean over the seeds, min..max in brackets) and writes it to
# $build/dropout_bench.md; the cumulative curves (T = 1..100) are in each run's cost.json/cost.png.
set -euo pipefail
build=${1:-build}
out="$build/dropout_bench"
rm -rf "$out"
mkdir -p "$out"
for N in 16 31 64 256; do
  spec="$out/n$N.json"
  printf '{"name":"do_n%s","vector_length":%s,"channels":8,"weight_bits":4,"input_bits":4,"dropout":{"registers":4}}\n' \
    "$N" "$N" >"$spec"
  for p in 0.2 0.5; do
    for q in 0 "$p"; do
      for seed in 1 2 3 4 5; do
        dir="$out/n${N}_p${p}_q${q}_s${seed}"
        echo "$build/cimgen dropout $spec --samples 100 --p-in $p --p-out $q --seed $seed -o $dir" >&2
        "$build/cimgen" dropout "$spec" --samples 100 --p-in "$p" --p-out "$q" --seed "$seed" -o "$dir" \
          $([ "$seed" = 1 ] || echo --no-plot) >/dev/null
      done
    done
  done
done
python3 - "$out" <<'PY' | tee "$build/dropout_bench.md"
import glob, json, os, sys
from collections import defaultdict
runs = defaultdict(list)
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*", "cost.json"))):
    j = json.load(open(f))
    runs[(j["N"], j["p_in"], j["p_out"])].append({x["flow"]: x for x in j["flows"]})
def cell(rs, flow, ref):
    v = [100 * r[flow]["saving_vs_" + ref] for r in rs]
    return "%.1f (%.1f..%.1f)" % (sum(v) / len(v), min(v), max(v))
print("Savings at T = 100 samples, %, mean (min..max) over seeds 1..5; C = 8, R = 4.")
print("Cost = (active column, channel) pairs evaluated (DESIGN.md section 11).\n")
print("| N | p_in | p_out | gated vs dense | drawn vs dense | path vs dense | window R=4 vs dense | MST bound vs dense | path vs gated | window vs gated | MST vs gated |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for (N, p, q), rs in sorted(runs.items()):
    print("| %d | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s | %s |" % (N, p, q,
          cell(rs, "gated", "dense"), cell(rs, "drawn", "dense"), cell(rs, "path", "dense"),
          cell(rs, "window", "dense"), cell(rs, "mst", "dense"),
          cell(rs, "path", "gated"), cell(rs, "window", "gated"), cell(rs, "mst", "gated")))
PY
