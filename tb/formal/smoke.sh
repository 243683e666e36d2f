#!/usr/bin/env bash
# ctest formal_smoke: a few widths of every adder-tree kind (combinational and pipelined; dadda
# L = 55 at 8 stages timed out `&cec` before the dropped carries were exposed to `&polyn`), mutant
# trees that must fail with a counterexample, the SAR code property of two in_memory specs, the
# top's valid/ready rules on a near_memory and an in_memory spec (bounded and by k-induction), and a
# mutant top that must fail them.
#   tb/formal/smoke.sh CIMGEN OUT
set -uo pipefail
cimgen=$1 out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
status=0
for case in "7 0" "64 0" "17 2" "55 8"; do
  for kind in behavioral ripple wallace dadda; do
    bash "$here/tree_equiv.sh" "$cimgen" "$kind" $case "$out/trees" || status=1
  done
done
# Negative tests: a broken tree must fail the function proof (not the bookkeeping before it).
mutant() {  # KIND L PIPE SED_EXPR
  local line
  line=$(FORMAL_MUTATE=$4 FORMAL_POLYN_TIMEOUT=5 bash "$here/tree_equiv.sh" "$cimgen" "$1" "$2" "$3" "$out/mutants")
  case $line in
    *" FAIL "*" cec "*counterexample*) echo "mutant caught: $line" ;;
    *) echo "MUTANT NOT CAUGHT ($4): $line"; status=1 ;;
  esac
}
mutant wallace 33 2 '/= bits\[3\] ^/,+1 s/bits\[3\]/bits[6]/g'     # an input counted twice, one never
mutant dadda 55 0 's/assign count\[0\] = \(.*\);/assign count[0] = ~\1;/'  # an output bit inverted
mutant dadda 55 0 's/assign count\[5\] = .*;/assign count[5] = 1'"'"'b0;/'   # the top column left out
mutant ripple 17 2 '/= bits\[2\] ^ bits\[3\]/,+1 s/bits\[3\]/bits[2]/g'   # one input read twice, pipelined
bash "$here/props.sh" "$cimgen" "$out/props" "" '^(fp_nm2|fp_im_row|r17_im_nearest|r18_im_floor_shared)$' || status=1
# Negative test: an output register that drops y_valid without y_ready must fail the top's rules.
FORMAL_MUTATE_RTL="frontend s/else if (y_ready) y_valid_reg <= 1'b0;/else y_valid_reg <= 1'b0;/" \
  bash "$here/props.sh" "$cimgen" "$out/props_mutant" "" '^fp_nm2$' > "$out/props_mutant.txt" 2>&1
if grep -q "valid/ready/bmc FAIL" "$out/props_mutant.txt"; then echo "mutant caught: top fp_nm2 drops y_valid"
else echo "MUTANT NOT CAUGHT (top fp_nm2 drops y_valid)"; cat "$out/props_mutant.txt"; status=1; fi
exit $status
