#!/usr/bin/env bash
# `cimgen sim` in files mode: RTL outputs written with --out equal `cimgen golden` on the same
# files, with -0 encoded both ways; the testbench executable's exit codes (core/errors.hpp).
# Usage: tb/sim_files.sh CIMGEN SPEC CACHE_DIR
set -euo pipefail
cimgen=$1 spec=$(realpath "$2") cache=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cimgen" vectors "$spec" --seed 11 --count 60 --weights "$tmp/w.txt" --inputs "$tmp/x.txt"
passed=0 failed=0
for zs in positive negative; do
  "$cimgen" sim "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_rtl.txt" --zero-sign $zs --cache "$cache" 2> "$tmp/sim.err"
  "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_gold.txt" --zero-sign $zs
  if cmp -s "$tmp/y_rtl.txt" "$tmp/y_gold.txt" && [ "$(wc -l < "$tmp/y_rtl.txt")" = 60 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "sim_files: $zs: RTL and golden differ"; diff "$tmp/y_rtl.txt" "$tmp/y_gold.txt" | head
  fi
done

# The testbench executable `cimgen sim` ran (named in its command line on stderr): exit 0 on a
# pass, 2 on bad arguments or input, like cimgen itself.
vdut=$(grep -o "'[^']*/obj/Vdut'" "$tmp/sim.err" | head -1 | tr -d "'")
tb_rc() {
  local want=$1 name=$2
  shift 2
  local rc=0
  (cd "$tmp" && "$vdut" "$@" > /dev/null 2>&1) || rc=$?
  if [ "$rc" = "$want" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "sim_files: testbench $name: exit $rc, want $want"; fi
}
if [ -x "$vdut" ]; then
  tb_rc 0 pass "$spec" --vectors 5 --seed 3
  tb_rc 2 unknown_option "$spec" --vectors 5 --frobnicate
  tb_rc 2 no_spec --vectors 5
  tb_rc 2 missing_value "$spec" --vectors
  tb_rc 2 bad_zero_sign "$spec" --zero-sign maybe
  tb_rc 2 extra_argument "$spec" other.json
  tb_rc 2 missing_spec "$tmp/none.json"
else
  failed=$((failed + 1)); echo "sim_files: no testbench executable named in cimgen sim's stderr"; cat "$tmp/sim.err"
fi
echo "sim_files: $passed passed, $failed failed"
[ "$failed" = 0 ]
