#!/usr/bin/env bash
# `scripts/dima_compare.sh` end to end on one tiny point: N = 8, m = n = 2, C = 1, a 4-bit lossy
# DIMA ADC, sigmas 0.1 and 1, 20 vectors, on the osu018 library (OpenSTA). Checks the CSV,
# markdown and PNGs it writes and its figures against DESIGN.md section 12 worked by hand:
#  * MF in_memory: L = min(N, 64) = 8, lossless converters of b = clog2(L + 1) = clog2(9) = 4
#    bits; m + 2n = 2 + 4 = 6 conversions per channel; per-row converters, so
#    II = (1 + b) + n(1 + b) + 1 = 5 + 2*5 + 1 = 16 cycles per vector.
#  * DIMA, lossless ADC: worst |v| = N(2^m - 1)(2^n - 1) = 8*3*3 = 72, so
#    b = clog2(72 + 1) + 1 = 7 + 1 = 8 bits (signed), d = 0; one conversion per channel;
#    II = C(1 + b) + 1 = 1*(1 + 8) + 1 = 10.
#  * DIMA, 4-bit ADC: d = 8 - 4 = 4 (full scale 2^(4-1) << 4 = 128 >= 72), one conversion,
#    II = 1*(1 + 4) + 1 = 6.
#  * CSNR: sigma is in one column's full-scale level. in_memory adds it to each product line in
#    counts: sigma 0.1 count needs a 5-sigma draw (|noise| >= 0.5) to change a conversion,
#    about 6e-7 per conversion against 20 vectors x 6 conversions x 8 rows here, so the output is
#    bit-exact (CSNR inf). DIMA adds it once at the CBLP output in units of (2^m-1)(2^n-1) = 9
#    LSB (0.9 and 9 LSB): finite, and lower at sigma 1 than at 0.1 for the lossless ADC.
# The three verilated models (about 30 s of CPU each) are kept in CACHE, so a rerun is quick.
# Usage: tb/dima_compare_smoke.sh CIMGEN CACHE
set -uo pipefail
cimgen=$1 cache=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! DIMA_COMPARE_N=8 DIMA_COMPARE_BITS=2 DIMA_COMPARE_ADC_BITS=4 DIMA_COMPARE_TECH=osu018 DIMA_COMPARE_CACHE="$cache" \
     bash "$here/../scripts/dima_compare.sh" "$cimgen" "$tmp/out" 20 0.1,1 > "$tmp/log" 2>&1; then
  cat "$tmp/log"; echo "dima_compare_smoke: dima_compare.sh failed"; exit 1
fi
python3 - "$tmp/out" <<'PY' || { cat "$tmp/log"; exit 1; }
import csv, os, sys
out = sys.argv[1]
rows = {r["design"]: r for r in csv.DictReader(open(os.path.join(out, "dima_compare.csv")))}
assert sorted(rows) == ["dima4_n8_w2", "dima_n8_w2", "im_n8_w2"], sorted(rows)
expect = {"im_n8_w2": ("in_memory", 6, 4, 16), "dima_n8_w2": ("dima", 1, 8, 10), "dima4_n8_w2": ("dima", 1, 4, 6)}
for name, (dp, conv, bits, ii) in expect.items():
    r = rows[name]
    got = (r["datapath"], int(r["conversions_per_channel"]), int(r["adc_bits"]), int(r["cycles_per_vector"]))
    assert got == (dp, conv, bits, ii), (name, got, (dp, conv, bits, ii))
    assert (r["N"], r["m_n"]) == ("8", "2"), r
    # Real units from `cimgen synth --tech osu018`: present and positive.
    for k in ("periphery_ge", "timed_um2", "fmax_mhz", "energy_pj"):
        assert float(r[k]) > 0, (name, k, r[k])
assert rows["im_n8_w2"]["csnr_db_sigma_0.1"] == "inf", rows["im_n8_w2"]
lossless = [float(rows["dima_n8_w2"]["csnr_db_sigma_" + s]) for s in ("0.1", "1")]
assert lossless[0] > lossless[1], lossless
md = open(os.path.join(out, "dima_compare.md")).read()
assert "| N | m = n | design | conversions / channel | ADC bits | cycles / vector | periphery GE | timed um^2 (osu018) |" in md, md
assert "| 8 | 2 | im_n8_w2 (in_memory) | 6 | 4 | 16 |" in md and "| 8 | 2 | dima4_n8_w2 (dima) | 1 | 4 | 6 |" in md, md
for p in ("csnr_vs_sigma.png", "periphery.png"):
    with open(os.path.join(out, p), "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n", p
print("dima_compare_smoke: ok (3 designs: conversions 6/1/1, ADC bits 4/8/4, cycles 16/10/6; "
      "osu018 units; CSV, markdown, 2 PNGs); DIMA lossless CSNR %.2f, %.2f dB at sigma 0.1, 1" % tuple(lossless))
PY
