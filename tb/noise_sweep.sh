#!/usr/bin/env bash
# in_memory noise mode: a negligible sigma leaves the macro bit-exact (offsets round to 0), a
# large one produces errors, and the error grows with sigma; the testbench's exit status is
# `cimgen sim`'s (a protocol or timing failure in noise mode fails the command).
# Usage: tb/noise_sweep.sh CIMGEN SPEC CACHE
set -uo pipefail
cimgen=$1 spec=$2 cache=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$("$cimgen" sim "$spec" --vectors 100 --noise-sigma 0.001,0.5,3 --cache "$cache" 2> "$tmp/err")
rc=$?
echo "$out"
if [ "$rc" != 0 ]; then cat "$tmp/err"; echo "noise_sweep: cimgen sim exited $rc"; exit 1; fi
python3 - "$out" <<'PY' || exit 1
import re, sys
rows = [l for l in sys.argv[1].splitlines() if l.startswith("NOISE")]
assert len(rows) == 3, rows
rms = [float(re.search(r"rms ([0-9.]+)", r).group(1)) for r in rows]
mx = [int(re.search(r"max \|error\| ([0-9]+)", r).group(1)) for r in rows]
assert mx[0] == 0 and rms[0] == 0, "sigma 0.001 must round every offset to 0"
assert mx[2] > 0 and rms[1] < rms[2], "errors must grow with sigma"
PY

# A failing testbench: the cached models of this spec replaced by a stand-in that prints its
# NOISE line and a TIMING error and exits 1 (as the harness does on a protocol or timing
# failure). `cimgen sim` must print both lines and exit 1.
name=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["name"])' "$spec")
mkdir -p "$tmp/cache"
for d in "$cache/${name}"_*/; do
  mkdir -p "$tmp/cache/$(basename "$d")/obj"
  printf '#!/bin/sh\necho "NOISE %s sigma 0.500: stand-in"\necho "%s: TIMING vector 3: latency 9 cycles, manifest says 8"\nexit 1\n' \
    "$name" "$name" > "$tmp/cache/$(basename "$d")/obj/Vdut"
  chmod +x "$tmp/cache/$(basename "$d")/obj/Vdut"
done
bad=$("$cimgen" sim "$spec" --vectors 10 --noise-sigma 0.5 --cache "$tmp/cache" 2> /dev/null)
rc=$?
if [ "$rc" != 1 ] || ! grep -q '^NOISE .*stand-in' <<< "$bad" || ! grep -q 'TIMING vector 3' <<< "$bad"; then
  echo "$bad"; echo "noise_sweep: a failing noise run gave exit status $rc (want 1) or lost its lines"; exit 1
fi
echo "noise_sweep: 2 passed, 0 failed"
