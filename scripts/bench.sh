#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): regression throughput and generation time.
set -euo pipefail
build=${1:-build}
echo "== generation time, 14 regression specs"
start=$(date +%s.%N)
for s in tb/specs/*.json; do "$build/cimgen" generate "$s" -o "$build/bench_gen/$(basename "$s" .json)" 2>/dev/null; done
echo "$(echo "$(date +%s.%N) - $start" | bc) s"
echo "== Verilator regression, 1000 vectors per spec, seed 1"
start=$(date +%s.%N)
"$build/cimgen_regress" --seeds 1 --vectors 1000 | tail -1
echo "$(echo "$(date +%s.%N) - $start" | bc) s"
