#!/usr/bin/env bash
# `cimgen synth` works on every spec (no latches, `check -assert`) and writes a consistent area
# report. Usage: tb/synth_all.sh CIMGEN SPEC_DIR
set -uo pipefail
cimgen=$1
spec_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for spec in "$spec_dir"/*.json; do
  name=$(basename "$spec" .json)
  start=$(date +%s)
  if "$cimgen" synth "$spec" -o "$tmp/$name" > /dev/null 2> "$tmp/$name.err" &&
     python3 - "$tmp/$name/synth/area.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
p = a["periphery"]
assert p["cells"] > 0 and p["flip_flops"] > 0 and p["longest_path_levels"] > 0, p
assert sum(b["cells"] for b in a["blocks"]) == p["cells"], "blocks must add up to the total"
assert sum(b["flip_flops"] for b in a["blocks"]) == p["flip_flops"]
assert sum(a["cells_by_type"].values()) == p["cells"]
assert a["array"]["bitcells"] > 0
PY
  then
    passed=$((passed + 1)); echo "synth_all: $name ok ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1)); echo "synth_all: $name FAILED"; cat "$tmp/$name.err"
  fi
done
echo "synth_all: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
