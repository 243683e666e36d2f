#!/usr/bin/env bash
# Soak (issue 11 point 4): SPECS random legal specs (tb/random_specs.cpp, small sizes), each
# simulated in Verilator (`cimgen sim`: random input gaps and random y_ready back-pressure built
# into the testbench) with VECTORS vectors and checked bit by bit against the golden model.
# Usage: scripts/soak.sh CIMGEN RANDOM_SPECS SPECS VECTORS SEED OUT [JOBS] [GENERATOR OPTIONS...]
# Prints specs, vectors, mismatches, refusals by reason, wall time; for every failing spec writes
# OUT/repro/<name>/ (spec.json, the seed, the command, the log). Exit 1 on any failure.
set -euo pipefail
cimgen=$(realpath "$1") random_specs=$(realpath "$2") nspecs=$3 vectors=$4 seed=$5 out=$6 jobs=${7:-1}
shift $(( $# < 7 ? $# : 7 ))
[ $# -gt 0 ] || set -- --max-n 48 --max-c 4 --max-bits 6 --max-instances 16
mkdir -p "$out"
out=$(cd "$out" && pwd)
specs=$out/specs_$seed cache=$out/cache
rm -rf "$specs" "$out/repro" "$out/results_$seed.txt"
mkdir -p "$cache" "$out/logs"
start=$SECONDS
echo "soak: $random_specs --seed $seed --count $nspecs -o $specs $*"
"$random_specs" --seed "$seed" --count "$nspecs" -o "$specs" "$@" | tee "$out/refusals_$seed.txt"

# soak_one SPEC: one line "PASS|FAIL name vectors mismatches seconds".
soak_one() {
  local spec=$1 name log t0 rc=0 mism done_vectors
  name=$(basename "$spec" .json) log=$out/logs/$name.log t0=$SECONDS
  (cd "$out/logs" && "$cimgen" sim "$spec" --vectors "$vectors" --seed "$seed" --cache "$cache") > "$log" 2>&1 || rc=$?
  mism=$(grep -c '^MISMATCH' "$log" || true)
  done_vectors=$(sed -n "s/^PASS $name: \([0-9]*\) vectors.*/\1/p" "$log")
  if [ "$rc" = 0 ] && [ "$mism" = 0 ] && [ "$done_vectors" = "$vectors" ]; then
    echo "PASS $name $done_vectors 0 $((SECONDS - t0))"
  else
    echo "FAIL $name $vectors $mism $((SECONDS - t0)) rc=$rc"
    local r=$out/repro/$name
    mkdir -p "$r"; cp "$spec" "$r/spec.json"; cp "$log" "$r/sim.log"
    printf 'seed %s\nvectors %s\ncommand: cimgen sim spec.json --vectors %s --seed %s\n' \
      "$seed" "$vectors" "$vectors" "$seed" > "$r/README"
  fi
}
export -f soak_one
export cimgen out cache vectors seed
find "$specs" -maxdepth 1 -name '*.json' | sort | xargs -r -P "$jobs" -I{} bash -c 'soak_one "$1"' _ {} \
  | tee "$out/results_$seed.txt"
passed=$(grep -c '^PASS' "$out/results_$seed.txt" || true)
failed=$(grep -c '^FAIL' "$out/results_$seed.txt" || true)
total_vectors=$(awk '{v += $3} END {print v + 0}' "$out/results_$seed.txt")
mismatches=$(awk '{m += $4} END {print m + 0}' "$out/results_$seed.txt")
echo "soak: seed $seed: $((passed + failed)) specs ($passed passed, $failed failed), $total_vectors vectors," \
  "$mismatches mismatches, wall $((SECONDS - start)) s"
grep '^  refused' "$out/refusals_$seed.txt" | sed 's/^ */soak: /' || true
[ "$failed" = 0 ] && [ $((passed + failed)) = "$nspecs" ] || {
  echo "soak: reproducers under $out/repro"; exit 1; }
