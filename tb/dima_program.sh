#!/usr/bin/env bash
# DIMA ISA (DESIGN.md section 12): every tb/dima/*.prog loaded through the program port of its
# spec's verilated macro (named in its "# spec:" line) and checked bit-exact against the golden
# interpreter, latency and interval included; the program must change the golden outputs (so the
# run is not the default program again); bad programs are refused with one line and exit 2.
# Usage: tb/dima_program.sh CIMGEN CACHE
set -uo pipefail
cimgen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"
cache=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/dima_program.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "dima_program: FAIL $*"; failed=$((failed + 1)); }

for prog in "$here"/dima/*.prog; do
  spec="$here/specs/$(sed -n 's/^# spec: //p' "$prog").json"
  label=$(basename "$prog")
  [ -f "$spec" ] || { fail "$label: no spec $spec"; continue; }
  "$cimgen" vectors "$spec" --seed 11 --count 40 --weights "$tmp/w.txt" --inputs "$tmp/x.txt" > /dev/null
  "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y_default.txt"
  "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --program "$prog" --out "$tmp/y_prog.txt"
  cmp -s "$tmp/y_default.txt" "$tmp/y_prog.txt" && fail "$label: the program gives the default program's outputs"
  for seed in 7 8; do
    if ! (cd "$tmp" && "$cimgen" sim "$spec" --program "$prog" --vectors 150 --seed $seed --cache "$cache") > "$tmp/sim.log" 2>&1; then
      grep -v '^cimgen sim:' "$tmp/sim.log" | head -20
      fail "$label: simulation (seed $seed)"
    else
      echo "dima_program: $label: $(grep '^PASS' "$tmp/sim.log")"
    fi
  done
  # files mode: the RTL's outputs equal the golden interpreter's, line by line
  (cd "$tmp" && "$cimgen" sim "$spec" --program "$prog" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" \
    --out "$tmp/y_rtl.txt" --cache "$cache") > "$tmp/sim.log" 2>&1 || fail "$label: files-mode simulation"
  cmp -s "$tmp/y_rtl.txt" "$tmp/y_prog.txt" || fail "$label: RTL outputs differ from cimgen golden --program"
done

# bad programs: one line on stderr naming file:line and the allowed range, exit 2, no output file
spec="$here/specs/r55_dima_prog.json"  # C = 4, program_words = 8
"$cimgen" vectors "$spec" --seed 1 --count 2 --weights "$tmp/w.txt" --inputs "$tmp/x.txt" > /dev/null
printf 'dot 0\ndot 4\n' > "$tmp/range.prog"
printf 'dot 0 d=99\n' > "$tmp/d.prog"
printf 'dot 0 rdl=threshold thr=100000000\n' > "$tmp/thr.prog"
for k in 0 1 2 3 0 1 2 3 0; do echo "dot $k"; done > "$tmp/long.prog"
printf 'mul 0\n' > "$tmp/op.prog"
expect_refused() {  # NAME EXPECTED-MESSAGE-PREFIX COMMAND...
  local name=$1 want=$2
  shift 2
  rm -f "$tmp/y.txt"
  "$@" 2> "$tmp/err" > /dev/null
  local rc=$? lines
  lines=$(wc -l < "$tmp/err")
  if [ $rc != 2 ] || [ "$lines" != 1 ] || ! grep -qF -- "$want" "$tmp/err" || [ -e "$tmp/y.txt" ]; then
    fail "$name: exit $rc, $lines lines: $(head -3 "$tmp/err")"
  else
    echo "dima_program: $name refused: $(cat "$tmp/err")"
  fi
}
gold() { "$cimgen" golden "$spec" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y.txt" --program "$1"; }
expect_refused "channel out of range" "range.prog:2: channel must be an integer in 0..3, got '4'" gold "$tmp/range.prog"
expect_refused "d out of range" "d.prog:1: d must be an integer in 0..9, got '99'" gold "$tmp/d.prog"
expect_refused "thr out of range" "thr.prog:1: thr must be an integer in" gold "$tmp/thr.prog"
expect_refused "program too long" "long.prog:9: program longer than the instruction memory (dima.program_words = 8)" gold "$tmp/long.prog"
expect_refused "unknown op" "op.prog:1: op must be one of dot | l1 | sum" gold "$tmp/op.prog"
expect_refused "program on near_memory" "--program: only for a spec with \"dropout\" or datapath \"dima\"" \
  "$cimgen" golden "$here/specs/r08_conv_n5.json" --weights "$tmp/w.txt" --inputs "$tmp/x.txt" --out "$tmp/y.txt" --program "$tmp/op.prog"
expect_refused "sim refuses before verilating" "long.prog:9: program longer" \
  "$cimgen" sim "$spec" --program "$tmp/long.prog" --cache "$tmp/nocache"
[ -d "$tmp/nocache" ] && fail "sim verilated a model for a refused program"

echo "dima_program: $failed failed"
[ "$failed" = 0 ]
