#!/usr/bin/env bash
# Every generated file of every spec passes `verilator --lint-only -Wall` and `iverilog -g2005`
# with no waivers. Usage: tb/rtl_lint.sh CIMGEN SPEC_DIR
set -euo pipefail
cimgen=$1
spec_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for spec in "$spec_dir"/*.json; do
  name=$(basename "$spec" .json)
  "$cimgen" generate "$spec" -o "$tmp/$name" 2>/dev/null
  top=$(sed -n 's/.*"top": "\(.*\)".*/\1/p' "$tmp/$name/manifest.json")
  files=()
  while read -r f; do files+=("$tmp/$name/rtl/$f"); done < "$tmp/$name/rtl/files.f"
  if [ -f "$tmp/$name/sim/files.f" ]; then
    while read -r f; do files+=("$tmp/$name/sim/$f"); done < "$tmp/$name/sim/files.f"
  fi
  ok=1
  if ! verilator --lint-only -Wall --top-module "$top" "${files[@]}" > "$tmp/$name.vlint" 2>&1; then
    echo "LINT verilator $name:"; head -20 "$tmp/$name.vlint"; ok=0
  fi
  if ! iverilog -g2005 -Wall -s "$top" -o "$tmp/$name.vvp" "${files[@]}" > "$tmp/$name.ilint" 2>&1 || [ -s "$tmp/$name.ilint" ]; then
    echo "LINT iverilog $name:"; head -20 "$tmp/$name.ilint"; ok=0
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "rtl_lint: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
