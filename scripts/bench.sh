#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): generation time, regression throughput, and the time
# `cimgen synth` takes on a large macro (N = 1024, C = 64), with 1 and with 2 parallel Yosys runs,
# with static timing on osu018 (OpenSTA on the hierarchical, ABC-buffered netlist; goal: under 60 s on 2 cores), and on the large H-tree core (B = 64, N = 4096, C = 16, m = n = 8; goal: under 60 s on 2 cores),
# wall clock and the CPU time of all Yosys runs (the latter does not depend on the machine's load).
set -euo pipefail
build=${1:-build}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f s\n", b - a }'; }
echo "== generation time, $(ls tb/specs/*.json | wc -l) regression specs"
start=$(now)
for s in tb/specs/*.json; do "$build/cimgen" generate "$s" -o "$build/bench_gen/$(basename "$s" .json)" 2>/dev/null; done
elapsed "$start"
echo "== Verilator regression, 1000 vectors per spec, seed 1"
start=$(now)
"$build/cimgen_regress" --seeds 1 --vectors 1000 | tail -1
elapsed "$start"
for j in 1 2; do
  echo "== cimgen synth specs/mf_n1024_c64.json (N=1024, C=64: 1024 uArrays, 1040 adder trees), -j $j"
  start=$(now)
  "$build/cimgen" synth specs/mf_n1024_c64.json -o "$build/bench_synth" -j "$j" -q | grep -E "total periphery|Longest"
  elapsed "$start"
done
echo "== cimgen synth specs/mf_n1024_c64.json --tech osu018 -j 2: synthesis + OpenSTA (hierarchical, ABC-buffered timing netlist), goal < 60 s; $(uptime | sed 's/.*load/load/')"
/usr/bin/time -f "%e s wall, %U s user + %S s system CPU" \
  "$build/cimgen" synth specs/mf_n1024_c64.json --tech osu018 -o "$build/bench_sta" -j 2 -q | grep -E "^Critical path|^Timed netlist: [0-9]|^Per vector|macro / tree"
echo "== cimgen synth specs/ht_n4096_c16_b64.json (H-tree: B=64, N=4096, C=16, m=n=8), -j 2, goal < 60 s"
/usr/bin/time -f "%e s wall, %U s user + %S s system CPU" \
  "$build/cimgen" synth specs/ht_n4096_c16_b64.json -o "$build/bench_synth_ht" -j 2 -q | grep -E "total periphery|Longest"
