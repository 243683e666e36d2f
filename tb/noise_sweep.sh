#!/usr/bin/env bash
# in_memory noise mode: a negligible sigma leaves the macro bit-exact (offsets round to 0), a
# large one produces errors, and the error grows with sigma. Usage: tb/noise_sweep.sh CIMGEN SPEC CACHE
set -euo pipefail
cimgen=$1 spec=$2 cache=$3
out=$("$cimgen" sim "$spec" --vectors 100 --noise-sigma 0.001,0.5,3 --cache "$cache" 2>/dev/null)
echo "$out"
python3 - "$out" <<'PY'
import re, sys
rows = [l for l in sys.argv[1].splitlines() if l.startswith("NOISE")]
assert len(rows) == 3, rows
rms = [float(re.search(r"rms ([0-9.]+)", r).group(1)) for r in rows]
mx = [int(re.search(r"max \|error\| ([0-9]+)", r).group(1)) for r in rows]
assert mx[0] == 0 and rms[0] == 0, "sigma 0.001 must round every offset to 0"
assert mx[2] > 0 and rms[1] < rms[2], "errors must grow with sigma"
print("noise_sweep: 2 passed, 0 failed")
PY
