#!/usr/bin/env bash
# Run the independent Icarus testbench (tb/icarus/tb_top.v, written against DESIGN.md section 5
# alone) on one spec and compare its outputs with the golden model.
# Usage: scripts/icarus_check.sh CIMGEN SPEC.json [SEED] [NVEC]
#   SEED defaults to 1, NVEC to 32.
# Environment: ICARUS_RELOAD=R alternates two weight sets every R vectors, reloading them
# through the write port while the previous block's vectors are still in flight (default:
# max(6, NVEC/4) when NVEC >= 12, else 0; ICARUS_RELOAD=0 disables it); ICARUS_TIMING=0 disables the latency / initiation-interval check
# against manifest.json; ICARUS_KEEP=1 keeps the work directory and prints its path.
# Exit status: 0 PASS, 1 FAIL (mismatch, protocol, timing or timeout), 2 usage / tool errors.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
  echo "usage: $0 CIMGEN SPEC.json [SEED] [NVEC]" >&2
  exit 2
fi
cimgen=$1
spec=$2
seed=${3:-1}
nvec=${4:-32}
case "$seed$nvec" in *[!0-9]*) echo "icarus_check: SEED and NVEC must be non-negative integers" >&2; exit 2 ;; esac
[ "$nvec" -gt 0 ] || { echo "icarus_check: NVEC must be > 0" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tb="$here/../tb/icarus/tb_top.v"
[ -f "$tb" ] || { echo "icarus_check: testbench not found: $tb" >&2; exit 2; }
[ -f "$spec" ] || { echo "icarus_check: spec not found: $spec" >&2; exit 2; }
command -v iverilog >/dev/null || { echo "icarus_check: iverilog not found" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/icarus_check.XXXXXX")
if [ "${ICARUS_KEEP:-0}" = 1 ]; then
  trap 'echo "icarus_check: work directory kept: $T"' EXIT
else
  trap 'rm -rf "$T"' EXIT
fi
label=$(basename "$spec" .json)

fail() {
  echo "icarus_check: $label: FAIL ($*; seed $seed, $nvec vectors)"
  exit 1
}

# ---------------------------------------------------------------- generate
"$cimgen" generate "$spec" -o "$T/gen" >"$T/generate.log" 2>&1 \
  || { cat "$T/generate.log" >&2; echo "icarus_check: $label: generate failed" >&2; exit 2; }
"$cimgen" check "$spec" --json >"$T/check.json" 2>"$T/check.err" \
  || { cat "$T/check.err" >&2; echo "icarus_check: $label: check failed" >&2; exit 2; }

# ---------------------------------------------------------------- derived parameters
# Prints shell assignments. Keys may sit at the top level, under "derived" or in the spec.
python3 - "$T/check.json" "$T/gen/manifest.json" >"$T/params.sh" <<'PY'
import json, sys
chk = json.load(open(sys.argv[1]))
try:
    man = json.load(open(sys.argv[2]))
except (OSError, ValueError):
    man = {}
def find(keys, *docs):
    for d in docs:
        for scope in (d, d.get("derived", {}), d.get("spec", {}), d.get("derived", {}).get("spec", {})):
            if not isinstance(scope, dict):
                continue
            for k in keys:
                if k in scope and scope[k] is not None:
                    return scope[k]
    return None
vals = {
    "N": find(["N", "vector_length"], chk, man),
    "C": find(["C", "channels"], chk, man),
    "M": find(["m", "weight_bits"], chk, man),
    "NB": find(["n", "input_bits"], chk, man),
    "CH_W": find(["CH_W"], chk, man),
    "IDX_W": find(["IDX_W"], chk, man),
    "SW_W": find(["SW_W"], chk, man),
    "WR_W": find(["WR_W"], chk, man),
    "Y_W": find(["Y_W"], chk, man),
    "NAME": find(["name"], chk, man),
}
missing = [k for k, v in vals.items() if v is None]
if missing:
    sys.exit("icarus_check: missing derived parameters: " + ", ".join(missing))
top = man.get("top") or (vals["NAME"] + "_top")
lat = man.get("latency", find(["latency"], chk))
ii = man.get("initiation_interval", find(["initiation_interval"], chk))
do = chk.get("dropout") or {}
vals["R"] = do.get("registers", 0)  # dropout (DESIGN.md section 11): 0 = none
vals["R_W"] = do.get("R_W", 1)
for k, v in vals.items():
    print("%s=%s" % (k, v))
print("TOP=%s" % top)
print("LAT=%s" % (lat if isinstance(lat, int) else -1))
print("II=%s" % (ii if isinstance(ii, int) else -1))
PY
# shellcheck disable=SC1091
. "$T/params.sh"
label=$NAME
if [ "${ICARUS_TIMING:-1}" = 0 ]; then LAT=-1; II=-1; fi

# ---------------------------------------------------------------- RTL file list
files=()
rtl="$T/gen/rtl"
[ -f "$rtl/files.f" ] || { echo "icarus_check: $label: no rtl/files.f" >&2; exit 2; }
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%%#*}
  line=${line%%//*}
  line=$(echo "$line" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ -z "$line" ] && continue
  case "$line" in
    -*|+*) continue ;;          # options in a .f file are not ours to interpret
    /*) f=$line ;;
    *) f="$rtl/$line" ;;
  esac
  [ -f "$f" ] || { echo "icarus_check: $label: files.f names a missing file: $line" >&2; exit 2; }
  files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done <"$rtl/files.f"
if [ -d "$T/gen/sim" ]; then
  for f in "$T/gen/sim"/*.v; do
    [ -f "$f" ] || continue
    f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
    dup=0
    for g in "${files[@]}"; do [ "$g" = "$f" ] && dup=1; done
    [ "$dup" = 0 ] && files+=("$f")
  done
fi
[ ${#files[@]} -gt 0 ] || { echo "icarus_check: $label: empty file list" >&2; exit 2; }

# ---------------------------------------------------------------- test data
reload=0
if [ "$nvec" -ge 12 ]; then reload=$((nvec / 4)); [ "$reload" -lt 6 ] && reload=6; fi
reload=${ICARUS_RELOAD:-$reload}
[ "$R" -gt 0 ] && reload=0   # dropout: the partial sums carry across vectors, one weight set
case "$reload" in *[!0-9]*|'') echo "icarus_check: ICARUS_RELOAD must be a non-negative integer" >&2; exit 2 ;; esac
[ "$reload" -ge "$nvec" ] && reload=0
[ "$reload" -gt 0 ] && [ "$reload" -lt 5 ] && reload=5   # the testbench's timing phase is 5 vectors
"$cimgen" vectors "$spec" --seed "$seed" --count "$nvec" --weights "$T/w.txt" --inputs "$T/x.txt" >/dev/null
if [ "$reload" -gt 0 ]; then
  "$cimgen" vectors "$spec" --seed "$((seed + 7919))" --count 1 --weights "$T/w2.txt" --inputs "$T/x2_unused.txt" >/dev/null
fi

# Text (DESIGN 7) -> packed {sign, mag} hex words and Sw = SUM |w| per channel, done here
# independently of the generator. A leading '-' (including -0) is sign 1; '0' and '+0' are +0;
# 'x' is a pruned weight (DESIGN 10): written as all ones (ignored by the macro), not in Sw.
python3 - "$T" "$N" "$C" "$M" "$NB" "$nvec" "$reload" <<'PY'
import sys
T, N, C, M, NB, NVEC, RL = sys.argv[1], *map(int, sys.argv[2:])

def rows(path):
    out = []
    for ln, line in enumerate(open(path), 1):
        line = line.split("#", 1)[0].split()
        if line:
            out.append((ln, line))
    return out

def pack(tok, bits, where):
    neg = tok.startswith("-")
    mag = abs(int(tok))
    if mag > (1 << bits) - 1:
        sys.exit("icarus_check: %s: %s out of range for %d magnitude bits" % (where, tok, bits))
    return (int(neg) << bits) | mag, mag

def weights(src, wdst, swdst):
    r = rows(src)
    if len(r) != C:
        sys.exit("icarus_check: %s: %d weight lines, expected C=%d" % (src, len(r), C))
    with open(wdst, "w") as w, open(swdst, "w") as s:
        for ln, toks in r:
            if len(toks) != N:
                sys.exit("icarus_check: %s:%d: %d weights, expected N=%d" % (src, ln, len(toks), N))
            sw = 0
            for t in toks:
                if t == "x":  # pruned entry (DESIGN 10): a junk write the macro must ignore, not in Sw
                    w.write("%x\n" % ((1 << (M + 1)) - 1))
                    continue
                word, mag = pack(t, M, "%s:%d" % (src, ln))
                sw += mag
                w.write("%x\n" % word)
            s.write("%x\n" % sw)

weights(T + "/w.txt", T + "/w.hex", T + "/sw.hex")
if RL:
    weights(T + "/w2.txt", T + "/w2.hex", T + "/sw2.hex")
r = rows(T + "/x.txt")
if len(r) != NVEC:
    sys.exit("icarus_check: x.txt: %d vectors, expected %d" % (len(r), NVEC))
with open(T + "/x.hex", "w") as x:
    for ln, toks in r:
        if len(toks) != N:
            sys.exit("icarus_check: x.txt:%d: %d inputs, expected N=%d" % (ln, len(toks), N))
        for t in toks:
            x.write("%x\n" % pack(t, NB, "x.txt:%d" % ln)[0])
PY

# Dropout: a seeded random beat per vector (every register written first, then random ops,
# src = dst often, empty / full / one-column / random masks), as a program file for the golden
# model and packed {dst, src, op, mask} words for the testbench.
dropout_args=()
if [ "$R" -gt 0 ]; then
  python3 - "$T" "$N" "$R" "$R_W" "$nvec" "$seed" <<'PY'
import random, sys
T, N, R, RW, NVEC, SEED = sys.argv[1], *map(int, sys.argv[2:])
rnd = random.Random(SEED)
with open(T + "/b.txt", "w") as prog, open(T + "/b.hex", "w") as hexf:
    for v in range(NVEC):
        if v < R:
            op, src, dst = 0, 0, v
        else:
            op, src = rnd.randrange(3), rnd.randrange(R)
            dst = src if rnd.random() < 0.3 else rnd.randrange(R)
        kind = rnd.randrange(6)
        p = rnd.random()
        one = rnd.randrange(N)
        mask = [0 if kind == 0 else 1 if kind == 1 else int(i == one) if kind == 2 else int(rnd.random() < p) for i in range(N)]
        prog.write("%d %d %d %s\n" % (op, src, dst, "".join(map(str, mask))))
        word = sum(b << i for i, b in enumerate(mask)) | (op << N) | (src << (N + 2)) | (dst << (N + 2 + RW))
        hexf.write("%x\n" % word)
PY
  dropout_args=(-DDROPOUT -Ptb_top.R_W="$R_W")
fi

# ---------------------------------------------------------------- build and run
iverilog -g2005 -s tb_top -DDUT="$TOP" "${dropout_args[@]}" \
  -Ptb_top.N="$N" -Ptb_top.C="$C" -Ptb_top.M="$M" -Ptb_top.NB="$NB" \
  -Ptb_top.CH_W="$CH_W" -Ptb_top.IDX_W="$IDX_W" -Ptb_top.SW_W="$SW_W" -Ptb_top.WR_W="$WR_W" \
  -Ptb_top.Y_W="$Y_W" -Ptb_top.NVEC="$nvec" -Ptb_top.SEED="$seed" \
  -Ptb_top.EXP_LAT="$LAT" -Ptb_top.EXP_II="$II" -Ptb_top.RELOAD_EVERY="$reload" \
  -o "$T/sim" "$tb" "${files[@]}" >"$T/iverilog.log" 2>&1 \
  || { cat "$T/iverilog.log" >&2; echo "icarus_check: $label: iverilog failed" >&2; exit 2; }

plus=(+wmem="$T/w.hex" +swmem="$T/sw.hex" +xmem="$T/x.hex" +out="$T/y_rtl.txt")
[ "$reload" -gt 0 ] && plus+=(+wmem2="$T/w2.hex" +swmem2="$T/sw2.hex")
[ "$R" -gt 0 ] && plus+=(+bmem="$T/b.hex")
set +e
vvp -n "$T/sim" "${plus[@]}" >"$T/vvp.log" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ] || ! grep -q "tb_top: DONE" "$T/vvp.log"; then
  grep -E "TIMEOUT|PROTOCOL|TIMING|FAIL|FATAL|ERROR|Error|error" "$T/vvp.log" | head -20
  tail -5 "$T/vvp.log"
  fail "simulation ended abnormally, vvp exit $rc"
fi

# ---------------------------------------------------------------- golden and compare
if [ "$reload" -gt 0 ]; then
  # vector k was computed with weight set 1 + (k / R) % 2
  "$cimgen" golden "$spec" --weights "$T/w.txt" --inputs "$T/x.txt" --out "$T/y_gold_1.txt"
  "$cimgen" golden "$spec" --weights "$T/w2.txt" --inputs "$T/x.txt" --out "$T/y_gold_2.txt"
  python3 - "$T" "$reload" <<'PY'
import sys
T, R = sys.argv[1], int(sys.argv[2])
def lines(p):
    return [l for l in (x.split("#", 1)[0].strip() for x in open(p)) if l]
a, b = lines(T + "/y_gold_1.txt"), lines(T + "/y_gold_2.txt")
with open(T + "/y_gold.txt", "w") as f:
    for k in range(max(len(a), len(b))):
        src = a if (k // R) % 2 == 0 else b
        f.write((src[k] if k < len(src) else "# missing") + "\n")
PY
elif [ "$R" -gt 0 ]; then
  "$cimgen" golden "$spec" --weights "$T/w.txt" --inputs "$T/x.txt" --program "$T/b.txt" --out "$T/y_gold.txt"
else
  "$cimgen" golden "$spec" --weights "$T/w.txt" --inputs "$T/x.txt" --out "$T/y_gold.txt"
fi
# normalise: drop comments and blank lines, single spaces
norm() { sed -e 's/#.*//' -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//' "$1" | grep -v '^$' || true; }
norm "$T/y_rtl.txt" >"$T/y_rtl.norm"
norm "$T/y_gold.txt" >"$T/y_gold.norm"
if ! diff -q "$T/y_rtl.norm" "$T/y_gold.norm" >/dev/null; then
  echo "icarus_check: $label: first differences (vector index: rtl | golden):"
  paste -d'|' "$T/y_rtl.norm" "$T/y_gold.norm" | awk -F'|' '$1 != $2 { printf "  vector %d: %s | %s\n", NR - 1, $1, $2; if (++k == 5) exit }'
  echo "  rtl lines: $(wc -l <"$T/y_rtl.norm"), golden lines: $(wc -l <"$T/y_gold.norm")"
  fail "RTL differs from golden"
fi
lat_line=$(grep -m1 "tb_top: latency" "$T/vvp.log" | sed 's/^tb_top: //' || true)
[ "$reload" -gt 0 ] && echo "icarus_check: $label: two weight sets, alternated every $reload vectors"
[ -n "$lat_line" ] && echo "icarus_check: $label: $lat_line"
echo "icarus_check: $label: PASS ($nvec vectors, seed $seed)"
