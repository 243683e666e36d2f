#!/usr/bin/env bash
# Side by side on the same array (issue 15, DESIGN.md section 12): the MF in_memory macro
# (m + 2n binary conversions per channel, lossless clog2(L+1)-bit ADCs) against DIMA (one signed
# conversion of the whole dot product per channel), lossless and with a b-bit ADC (default 8)
# whose LSB shift makes its full scale cover the worst-case dot product. For every N and m = n,
# C = 1: conversions per channel, ADC bits, cycles per vector, periphery gate equivalents (generic
# library), and CSNR (var(v)/var(v - y) against the exact operator) at common analog noise
# levels: sigma as a fraction of one column's full-scale level (in_memory: one count; dima:
# (2^m-1)(2^n-1) LSB), added where each design adds it (each product line / the CBLP output).
# With DIMA_COMPARE_TECH=osu018|osu035|osu050 every design also goes through
# `cimgen synth --tech` (OpenSTA, DESIGN section 13): timed periphery um^2, fmax, energy per
# vector at the 10 ns clock (vectorless input activity 0.2). Bit cells, analog models (FR, BLP,
# CBLP, comparators, product lines) and the clock tree are outside those figures.
# Writes OUT/dima_compare.csv, OUT/dima_compare.md (= OUT/table.md) and gnuplot PNGs
# (scripts/dima_compare_report.py).
# Usage: scripts/dima_compare.sh CIMGEN OUT_DIR [VECTORS] [SIGMAS]
# Environment: DIMA_COMPARE_N (default "64 256"), DIMA_COMPARE_BITS (m = n, default "4 8"),
# DIMA_COMPARE_ADC_BITS (the lossy DIMA ADC, default 8), DIMA_COMPARE_TECH (default none),
# DIMA_COMPARE_CACHE (verilated models, default OUT/simcache).
set -euo pipefail
cimgen=$1
out=$2
vectors=${3:-60}
sigmas=${4:-0.01,0.03,0.1,0.3,1}
ns=${DIMA_COMPARE_N:-64 256}
bitss=${DIMA_COMPARE_BITS:-4 8}
adc=${DIMA_COMPARE_ADC_BITS:-8}
tech=${DIMA_COMPARE_TECH:-}
cache=${DIMA_COMPARE_CACHE:-$out/simcache}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/specs"
list="$out/designs.tsv"
: > "$list"
for N in $ns; do
  for b in $bitss; do
    v=$((N * ((1 << b) - 1) * ((1 << b) - 1)))
    b0=$(python3 -c "import math; print(math.ceil(math.log2($v + 1)) + 1)")
    d=$((b0 - adc))
    if [ "$d" -lt 0 ]; then d=0; fi
    im=im_n${N}_w${b}; dl=dima_n${N}_w${b}; dq=dima${adc}_n${N}_w${b}
    common="\"vector_length\":$N,\"channels\":1,\"weight_bits\":$b,\"input_bits\":$b"
    echo "{\"name\":\"$im\",\"datapath\":\"in_memory\",$common}" > "$out/specs/$im.json"
    echo "{\"name\":\"$dl\",\"datapath\":\"dima\",$common}" > "$out/specs/$dl.json"
    echo "{\"name\":\"$dq\",\"datapath\":\"dima\",$common,\"adc\":{\"bits\":$adc,\"lsb_shift\":$d,\"rounding\":\"nearest\"}}" > "$out/specs/$dq.json"
    for name in $im $dl $dq; do
      spec="$out/specs/$name.json"
      [ -f "$out/$name/synth/area.json" ] || "$cimgen" synth "$spec" -o "$out/$name" -q > /dev/null
      if [ -n "$tech" ] && [ ! -f "$out/$name.$tech/synth/area.json" ]; then
        "$cimgen" synth "$spec" -o "$out/$name.$tech" --tech "$tech" -q > /dev/null
      fi
      "$cimgen" sim "$spec" --vectors "$vectors" --noise-sigma "$sigmas" --cache "$cache" 2> /dev/null > "$out/$name.noise"
      printf '%s\t%s\t%s\n' "$N" "$b" "$name" >> "$list"
    done
  done
done
python3 "$here/dima_compare_report.py" "$out" "$list" "$sigmas" "$tech"
cat "$out/dima_compare.md"
