#!/usr/bin/env bash
# DIMA noise mode (DESIGN.md section 12): zero noise is bit-exact (a plain run passes), each
# noise source produces errors, and the CSNR against the exact dot product falls as the CBLP
# noise grows; a failing run's exit status is cimgen sim's.
# Usage: tb/dima_noise.sh CIMGEN SPEC CACHE
set -uo pipefail
cimgen=$1 spec=$2 cache=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { "$cimgen" sim "$spec" --vectors 100 --cache "$cache" "$@" 2> "$tmp/err"; }
out=$(run) || { cat "$tmp/err"; echo "dima_noise: the noise-free run failed"; exit 1; }
grep -q '^PASS' <<< "$out" || { echo "$out"; echo "dima_noise: no PASS line"; exit 1; }
sweep=$(run --noise-sigma 0.01,0.1,1,4) || { echo "$sweep"; cat "$tmp/err"; echo "dima_noise: sweep failed"; exit 1; }
gain=$(run --gain-sigma 0.05) || { echo "$gain"; echo "dima_noise: gain run failed"; exit 1; }
offset=$(run --offset-sigma 2) || { echo "$offset"; echo "dima_noise: offset run failed"; exit 1; }
echo "$sweep"; echo "$gain"; echo "$offset"
python3 - "$sweep" "$gain" "$offset" <<'PY' || exit 1
import re, sys
def rows(text):
    return [l for l in text.splitlines() if l.startswith("NOISE")]
sweep = rows(sys.argv[1])
assert len(sweep) == 4, sweep
csnr = [float(re.search(r"CSNR (-?[0-9.]+|inf) dB", r).group(1)) for r in sweep]
rms = [float(re.search(r"rms ([0-9.]+)", r).group(1)) for r in sweep]
assert all(a > b for a, b in zip(csnr, csnr[1:])), ("CSNR must fall as the noise grows", csnr)
assert rms[-1] > 0 and rms[0] < rms[-1], rms
for text, what in ((sys.argv[2], "gain mismatch"), (sys.argv[3], "comparator offset")):
    r = rows(text)
    assert len(r) == 1 and int(re.search(r"max \|error\| ([0-9]+)", r[0]).group(1)) > 0, (what, r)
print("dima_noise: CSNR %s dB for CBLP sigma 0.01, 0.1, 1, 4" % csnr)
PY
echo "dima_noise: 1 passed, 0 failed"
