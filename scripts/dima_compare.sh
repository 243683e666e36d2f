#!/usr/bin/env bash
# Side by side on the same array (issue 15, DESIGN.md section 12): the MF in_memory macro
# (m + 2n binary conversions per channel, lossless clog2(L+1)-bit ADCs) against DIMA (one signed
# conversion of the whole dot product per channel), lossless and with an 8-bit ADC whose LSB
# shift makes its full scale cover the dot product. For N in {64, 256} and m = n in {4, 8}, C = 1:
# conversions per channel, ADC bits, cycles per vector, periphery gate equivalents, and CSNR
# (var(v)/var(v - y) against the exact operator) at common analog noise levels: sigma as a
# fraction of one column's full-scale level (in_memory: one count; dima: (2^m-1)(2^n-1) LSB),
# added where each design adds it (each product line / the CBLP output).
# Usage: scripts/dima_compare.sh CIMGEN OUT_DIR [VECTORS] [SIGMAS]
set -euo pipefail
cimgen=$1
out=$2
vectors=${3:-60}
sigmas=${4:-0.01,0.1,1}
mkdir -p "$out/specs"
rows="$out/rows.tsv"
: > "$rows"
for N in 64 256; do
  for b in 4 8; do
    v=$((N * ((1 << b) - 1) * ((1 << b) - 1)))
    b0=$(python3 -c "import math; print(math.ceil(math.log2($v + 1)) + 1)")
    d8=$((b0 - 8))
    im=im_n${N}_w${b}; dl=dima_n${N}_w${b}; d8n=dima8_n${N}_w${b}
    echo "{\"name\":\"$im\",\"datapath\":\"in_memory\",\"vector_length\":$N,\"channels\":1,\"weight_bits\":$b,\"input_bits\":$b}" > "$out/specs/$im.json"
    echo "{\"name\":\"$dl\",\"datapath\":\"dima\",\"vector_length\":$N,\"channels\":1,\"weight_bits\":$b,\"input_bits\":$b}" > "$out/specs/$dl.json"
    echo "{\"name\":\"$d8n\",\"datapath\":\"dima\",\"vector_length\":$N,\"channels\":1,\"weight_bits\":$b,\"input_bits\":$b,\"adc\":{\"bits\":8,\"lsb_shift\":$d8,\"rounding\":\"nearest\"}}" > "$out/specs/$d8n.json"
    for name in $im $dl $d8n; do
      spec="$out/specs/$name.json"
      [ -f "$out/$name/synth/area.json" ] || "$cimgen" synth "$spec" -o "$out/$name" -q > /dev/null
      "$cimgen" sim "$spec" --vectors "$vectors" --noise-sigma "$sigmas" --cache "$out/simcache" 2> /dev/null > "$out/$name.noise"
      python3 - "$out/$name" "$out/$name.noise" "$N" "$b" >> "$rows" <<'PY'
import json, re, sys
d, noise, N, b = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
man = json.load(open(d + "/manifest.json"))
area = json.load(open(d + "/synth/area.json"))
dp = man["spec"]["datapath"]
csnr = [re.search(r"CSNR (-?[0-9.]+|inf) dB", l).group(1) for l in open(noise) if l.startswith("NOISE")]
print("\t".join([N, b, man["name"], dp, str(man["conversions_per_channel"]), str(man["spec"]["adc"]["bits"]),
                 str(man["initiation_interval"]), "%.0f" % area["periphery"]["gate_equivalents"]] + csnr))
PY
    done
  done
done
python3 - "$rows" "$sigmas" > "$out/table.md" <<'PY'
import sys
sig = sys.argv[2].split(",")
print("| N | m = n | design | conversions / channel | ADC bits | cycles / vector | periphery GE | "
      + " | ".join("CSNR dB, sigma %s" % s for s in sig) + " |")
print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in sig) + " |")
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    print("| " + " | ".join(f[:2] + [f[2] + " (" + f[3] + ")"] + f[4:]) + " |")
PY
cat "$out/table.md"
