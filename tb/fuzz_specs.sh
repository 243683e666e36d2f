#!/usr/bin/env bash
# Property tests over seeded random legal specs (tb/random_specs.cpp): every spec's RTL lints
# clean (tb/rtl_lint.sh), and/or every spec simulates bit-exact against the golden model
# (`cimgen sim`). The seed is printed; rerun with the same seed to get the same specs.
# Usage: tb/fuzz_specs.sh lint|sim|both CIMGEN RANDOM_SPECS SEED COUNT JOBS CACHE [GENERATOR OPTIONS...]
#   JOBS specs at a time; CACHE: cimgen sim's model cache; GENERATOR OPTIONS: --max-n 16 ...
# The specs stay in CACHE/specs_<SEED> for rerunning one: cimgen sim CACHE/specs_<SEED>/<name>.json
set -euo pipefail
mode=$1 cimgen=$2 random_specs=$3 seed=$4 count=$5 jobs=$6 cache=$7
shift 7
tb=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
cimgen=$(realpath "$cimgen")
specs=$cache/specs_$seed
rm -rf "$specs"
echo "fuzz_specs: seed $seed, $count specs, $mode ($random_specs --seed $seed --count $count -o $specs $*)"
"$random_specs" --seed "$seed" --count "$count" -o "$specs" "$@"
status=0
start=$SECONDS

if [ "$mode" = lint ] || [ "$mode" = both ]; then
  bash "$tb/rtl_lint.sh" "$cimgen" "$specs" "$jobs" || status=1
  echo "fuzz_specs: lint of $count specs took $((SECONDS - start)) s"
fi

# sim_one SPEC: "PASS name" or "FAIL name" and the log, one block per spec.
sim_one() {
  local spec=$1 name log
  name=$(basename "$spec" .json)
  log=$cache/$name.simlog
  if (cd "$cache" && "$cimgen" sim "$spec" --vectors 200 --seed "$seed" --cache "$cache") > "$log" 2>&1; then
    echo "PASS $name"
  else
    echo "FAIL $name ($spec):"; tail -20 "$log"
  fi
}
if [ "$mode" = sim ] || [ "$mode" = both ]; then
  start=$SECONDS
  export -f sim_one
  export cimgen cache seed
  find "$specs" -maxdepth 1 -name '*.json' | sort | xargs -r -P "$jobs" -I{} bash -c 'sim_one "$1"' _ {} \
    > "$cache/sim_$seed.txt"
  passed=$(grep -c '^PASS' "$cache/sim_$seed.txt" || true)
  failed=$(grep -c '^FAIL' "$cache/sim_$seed.txt" || true)
  grep -v '^PASS' "$cache/sim_$seed.txt" || true
  echo "fuzz_specs: sim of $count specs (200 vectors, seed $seed): $passed passed, $failed failed, $((SECONDS - start)) s"
  [ "$failed" = 0 ] && [ "$passed" = "$count" ] || status=1
fi
exit $status
