#!/usr/bin/env bash
# ctest formal_smoke: a few widths of every adder-tree kind (combinational and pipelined), the
# SAR code property of two in_memory specs, and the top's valid/ready rules on a near_memory and an
# in_memory spec.
#   tb/formal/smoke.sh CIMGEN OUT
set -uo pipefail
cimgen=$1 out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
status=0
for case in "7 0" "64 0" "17 2"; do
  for kind in behavioral ripple wallace dadda; do
    bash "$here/tree_equiv.sh" "$cimgen" "$kind" $case "$out/trees" || status=1
  done
done
bash "$here/props.sh" "$cimgen" "$out/props" "" '^(fp_nm2|fp_im_row|r17_im_nearest|r18_im_floor_shared)$' || status=1
exit $status
