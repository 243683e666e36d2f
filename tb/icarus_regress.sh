#!/usr/bin/env bash
# The independent Icarus testbench (tb/icarus, written against DESIGN.md section 5 alone) on
# the regression specs. Usage: tb/icarus_regress.sh CIMGEN SPEC_DIR
set -uo pipefail
cimgen=$1
spec_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for spec in "$spec_dir"/*.json; do
  if bash "$here/../scripts/icarus_check.sh" "$cimgen" "$spec" 3 24; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "icarus: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
