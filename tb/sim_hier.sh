#!/usr/bin/env bash
# `cimgen sim` with Verilator hierarchical blocks (--hier on): bit-exact against the golden model
# for a near_memory macro (the channel slice block) and an in_memory one (uArray block, the
# product lines' noise ids as ports), each block verilated once; and the --max-build-gb refusal:
# exit 2, one line naming the option, the expected size and the limit, nothing built; and a
# failing run's waveform.
# Usage: tb/sim_hier.sh CIMGEN SPECS_DIR CACHE_DIR
set -euo pipefail
cimgen=$1 specs=$2 cache=$3/sim_hier
rm -rf "$cache"  # cold: the build-plan line is printed only when a model is built
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "sim_hier: $*"; }

rc=0
"$cimgen" sim "$specs/r03_mf_n64_c8.json" --max-build-gb 0.01 --cache "$tmp/refused" > "$tmp/out" 2> "$tmp/err" || rc=$?
if [ "$rc" = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ] && [ ! -s "$tmp/out" ] &&
   grep -q "^cimgen: error: --max-build-gb: .*module instances.* GB, above the limit of 0.01 GB" "$tmp/err" &&
   [ ! -e "$tmp/refused" ]; then ok; else bad "refusal: exit $rc, stderr: $(cat "$tmp/err")"; fi

for spec in r03_mf_n64_c8 r15_im_lossless; do
  rc=0
  "$cimgen" sim "$specs/$spec.json" --hier on --vectors 200 --seed 5 --cache "$cache" > "$tmp/out" 2> "$tmp/err" || rc=$?
  blocks=$(find "$cache"/"$spec"_*/obj -maxdepth 1 -name '*_hierMkArgs.f' ! -name 'Vdut_*' | wc -l)
  # The top's model calls the blocks' verilated libraries (Verilator inlines a block it cannot
  # substitute, silently; 5.006 does so for a block with parameters).
  used=$(grep -l '_protectlib_combo_update' "$cache"/"$spec"_*/obj/Vdut*.cpp 2> /dev/null | wc -l)
  if [ "$rc" = 0 ] && grep -q "^PASS $spec: 200 vectors, 0 errors" "$tmp/out" && [ "$blocks" -ge 1 ] && [ "$used" -ge 1 ] &&
     grep -q "build plan: .* hierarchical blocks" "$tmp/err"; then
    ok
  else
    bad "$spec: exit $rc, $blocks hierarchical blocks built, used by $used files of the top"; cat "$tmp/out"; tail -5 "$tmp/err"
  fi
done

# A failing run (an expected output corrupted on purpose) exits 1, names the vector, and leaves
# the waveform of the run, from a traced model built for it (the regression's model has no trace).
mkdir "$tmp/wave"
rc=0
(cd "$tmp/wave" && "$cimgen" sim "$specs/r03_mf_n64_c8.json" --vectors 20 --seed 5 --inject-mismatch 3 --cache "$cache") \
  > "$tmp/out" 2> "$tmp/err" || rc=$?
fst=$tmp/wave/r03_mf_n64_c8_seed5.fst
if [ "$rc" = 1 ] && grep -q "MISMATCH vector 3 channel 0" "$tmp/out" && grep -q "^FAIL r03_mf_n64_c8: .*waveform $fst" "$tmp/out" &&
   [ -s "$fst" ] && [ "$(ls "$tmp/wave")" = r03_mf_n64_c8_seed5.fst ]; then
  ok
else
  bad "failure path: exit $rc"; cat "$tmp/out"; tail -5 "$tmp/err"; ls "$tmp/wave"
fi
echo "sim_hier: $passed passed, $failed failed"
[ "$failed" = 0 ]
