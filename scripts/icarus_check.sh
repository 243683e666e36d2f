#!/usr/bin/env bash
# Run the independent Icarus testbench (tb/icarus/tb_top.v) on one spec and compare with the
# golden model. Usage: scripts/icarus_check.sh CIMGEN SPEC.json [SEED] [NVEC]
set -euo pipefail
cimgen=$1 spec=$2 seed=${3:-1} nvec=${4:-24}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cimgen" generate "$spec" -o "$tmp/gen" 2>/dev/null
"$cimgen" check "$spec" --json > "$tmp/params.json"
"$cimgen" vectors "$spec" --seed "$seed" --count "$nvec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt"
# Parameters and hex memories, computed from the text files (sign-magnitude, -0 kept).
params=$(python3 - "$tmp" <<'PY'
import json, sys
t = sys.argv[1]
p = json.load(open(f"{t}/params.json"))
s = p["spec"]
N, C, m, n = s["vector_length"], s["channels"], s["weight_bits"], s["input_bits"]
def rows(path):
    out = []
    for line in open(path):
        toks = line.split("#", 1)[0].split()
        if toks:
            out.append([(tok.startswith("-"), abs(int(tok))) for tok in toks])
    return out
def pack(v, bits):
    return (int(v[0]) << bits) | v[1]
w, x = rows(f"{t}/w.txt"), rows(f"{t}/x.txt")
open(f"{t}/w.hex", "w").write("".join(f"{pack(e, m):x}\n" for r in w for e in r))
open(f"{t}/sw.hex", "w").write("".join(f"{sum(e[1] for e in r):x}\n" for r in w))
open(f"{t}/x.hex", "w").write("".join(f"{pack(e, n):x}\n" for r in x for e in r))
print(p["name"], N, C, m, n, p["CH_W"], p["IDX_W"], p["SW_W"], p["WR_W"], p["Y_W"], len(x))
PY
)
read -r name N C M NB CH_W IDX_W SW_W WR_W Y_W NV <<< "$params"
files=()
while read -r f; do files+=("$tmp/gen/rtl/$f"); done < "$tmp/gen/rtl/files.f"
if [ -f "$tmp/gen/sim/files.f" ]; then
  while read -r f; do files+=("$tmp/gen/sim/$f"); done < "$tmp/gen/sim/files.f"
fi
iverilog -g2005 -s tb_top -DDUT="${name}_top" -Ptb_top.N="$N" -Ptb_top.C="$C" -Ptb_top.M="$M" -Ptb_top.NB="$NB" \
  -Ptb_top.CH_W="$CH_W" -Ptb_top.IDX_W="$IDX_W" -Ptb_top.SW_W="$SW_W" -Ptb_top.WR_W="$WR_W" -Ptb_top.Y_W="$Y_W" \
  -Ptb_top.NVEC="$NV" -Ptb_top.SEED="$seed" -o "$tmp/sim" "$here/../tb/icarus/tb_top.v" "${files[@]}"
vvp -n "$tmp/sim" +wmem="$tmp/w.hex" +swmem="$tmp/sw.hex" +xmem="$tmp/x.hex" +out="$tmp/y_rtl.txt" > "$tmp/vvp.log"
"$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_gold.txt"
if grep -qE "TIMEOUT|PROTOCOL|FAILED" "$tmp/vvp.log" || ! diff -q "$tmp/y_rtl.txt" "$tmp/y_gold.txt" > /dev/null; then
  echo "icarus_check: $name: FAIL (seed $seed)"
  grep -E "TIMEOUT|PROTOCOL|FAILED" "$tmp/vvp.log" | head -5
  diff "$tmp/y_rtl.txt" "$tmp/y_gold.txt" | head -6
  exit 1
fi
echo "icarus_check: $name: PASS ($NV vectors, seed $seed)"
