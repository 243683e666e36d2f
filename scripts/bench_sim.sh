#!/usr/bin/env bash
# Benchmark of `cimgen sim` (figures, not pass/fail): cold build time and peak memory (the
# largest process: Verilator or a C++ compile), then simulation time per vector and per cycle
# (a second run on the cached model), for near_memory (L = 64) and in_memory (L = 1) macros,
# m = n = 4. Each build mode of BENCH_SIM_MODES is measured: auto (hierarchical blocks for large
# macros), off (flat, as before issue 16), on.
# Usage: scripts/bench_sim.sh [BUILD]
#   BENCH_SIM_GRID=quick (default: N = 256 at C = 8, and specs/mf_n1024_c64.json) or full
#     (N = 256 / 1024 / 4096 at C = 8 / 64, both datapaths: hours on 2 cores)
#   BENCH_SIM_MODES="auto" (default), e.g. "off auto"; BENCH_SIM_VECTORS=1000;
#   BENCH_SIM_MAX_GB=16 (--max-build-gb: a larger build is refused and reported as such)
set -euo pipefail
build=${1:-build}
cimgen=$(realpath "$build/cimgen")
grid=${BENCH_SIM_GRID:-quick} modes=${BENCH_SIM_MODES:-auto} vectors=${BENCH_SIM_VECTORS:-1000}
max_gb=${BENCH_SIM_MAX_GB:-16}
work=$(mktemp -d /tmp/cimgen_bench_sim.XXXXXX)
trap 'rm -rf "$work"' EXIT

spec() {  # NAME DATAPATH N C L
  local tree=', "adder_tree": { "kind": "dadda" }'
  [ "$2" = in_memory ] && tree=""
  printf '{ "name": "%s", "operator": "mf", "datapath": "%s", "vector_length": %d, "channels": %d,\n  "weight_bits": 4, "input_bits": 4, "uarray_columns": %d%s }\n' \
    "$1" "$2" "$3" "$4" "$5" "$tree" > "$work/$1.json"
  echo "$work/$1.json"
}

specs=()
if [ "$grid" = full ]; then
  for n in 256 1024 4096; do
    for c in 8 64; do
      specs+=("$(spec "nm_n${n}_c${c}" near_memory "$n" "$c" 64)" "$(spec "im_n${n}_c${c}_l1" in_memory "$n" "$c" 1)")
    done
  done
else
  specs+=("$(spec nm_n256_c8 near_memory 256 8 64)" "$(spec im_n256_c8_l1 in_memory 256 8 1)" "$(realpath specs/mf_n1024_c64.json)")
fi

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
echo "bench_sim: $vectors vectors, modes: $modes, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %-5s %-44s %9s %8s %11s %11s\n' spec mode "build plan" "build s" "peak GB" "us/vector" "us/cycle"
for s in "${specs[@]}"; do
  name=$(basename "$s" .json)
  ii=$("$cimgen" check "$s" | awk -F'/' '/latency \/ II/ { gsub(/[^0-9]/, "", $3); print $3 }')
  for mode in $modes; do
    cache=$work/cache_${name}_${mode}
    rm -rf "$cache"
    start=$(date +%s.%N) rc=0
    /usr/bin/time -f '%M' -o "$work/rss" "$cimgen" sim "$s" --vectors 1 --hier "$mode" --max-build-gb "$max_gb" \
      --cache "$cache" > "$work/out" 2> "$work/err" || rc=$?
    build=$(secs "$start" "$(date +%s.%N)")
    plan=$(grep -o 'build plan: [0-9]* module instances.*largest unit [0-9.]* MB' "$work/err" | sed 's/build plan: //; s/ module instances//; s/ distinct modules//; s/hierarchical blocks/hier/; s/largest unit //; s/ of Verilog//' || true)
    if [ "$rc" != 0 ]; then
      printf '%-16s %-5s %s\n' "$name" "$mode" "$(grep -m1 'error' "$work/err" | cut -c1-150)"
      continue
    fi
    peak=$(awk '{ printf "%.2f", $1 / 1e6 }' "$work/rss")
    start=$(date +%s.%N)
    "$cimgen" sim "$s" --vectors "$vectors" --hier "$mode" --cache "$cache" > "$work/out" 2> "$work/err"
    run=$(secs "$start" "$(date +%s.%N)")
    printf '%-16s %-5s %-44s %9s %8s %11.1f %11.2f\n' "$name" "$mode" "$plan" "$build" "$peak" \
      "$(awk -v t="$run" -v v="$vectors" 'BEGIN { print t * 1e6 / v }')" \
      "$(awk -v t="$run" -v v="$vectors" -v ii="$ii" 'BEGIN { print t * 1e6 / (v * ii) }')"
  done
done
