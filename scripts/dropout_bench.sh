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
# Savings against the number of samples: separate schedules for T = 10, 25, 50 (p_in 0.2, no
# output dropout), next to the T = 100 runs above.
for N in 16 31 64 256; do
  for T in 10 25 50; do
    for seed in 1 2 3 4 5; do
      "$build/cimgen" dropout "$out/n$N.json" --samples "$T" --p-in 0.2 --seed "$seed" --no-plot \
        -o "$out/t${T}_n${N}_s${seed}" >/dev/null
    done
  done
done
python3 - "$out" <<'PY' | tee "$build/dropout_bench.md"
import glob, json, os, sys
from collections import defaultdict
runs = defaultdict(list)
by_t = defaultdict(list)
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*", "cost.json"))):
    j = json.load(open(f))
    flows = {x["flow"]: x for x in j["flows"]}
    if j["samples"] == 100:
        runs[(j["N"], j["p_in"], j["p_out"])].append(flows)
    if j["p_in"] == 0.2 and j["p_out"] == 0:
        by_t[(j["N"], j["samples"])].append(flows)
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
print("\nSaving of the window flow (R = 4) against dense, % (mean over seeds 1..5), p_in = 0.2, no output")
print("dropout, by the number of samples T (each T scheduled on its own):\n")
Ts = sorted({t for (_, t) in by_t})
print("| N | " + " | ".join("T = %d" % t for t in Ts) + " |")
print("| ---: |" + " ---: |" * len(Ts))
for N in sorted({n for (n, _) in by_t}):
    print("| %d | " % N + " | ".join("%.1f" % (sum(100 * r["window"]["saving_vs_dense"] for r in by_t[(N, t)]) / len(by_t[(N, t)])) for t in Ts) + " |")
PY
