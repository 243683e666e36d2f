#!/usr/bin/env bash
# `cimgen dropout` and `cimgen sim --program` (DESIGN.md section 11): bad input gets one error
# line (file:line for program files), exit 2 and no output; a good run writes the program and
# the cost report, deterministically, with the flows in their proven order.
# Usage: tb/dropout_cli.sh CIMGEN [SIM_CACHE]   (with SIM_CACHE: also run a program on the RTL)
set -uo pipefail
cimgen=$1
cache=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
spec="$here/specs/r40_do_nm_r1.json"  # N = 6, C = 2, R = 1
echo '{"vector_length":6,"channels":2,"weight_bits":2,"input_bits":2}' > "$tmp/plain.json"

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
# expect NAME SUBSTRING COMMAND...: exit 2, one stderr line containing SUBSTRING.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  if [ "$rc" = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ] && grep -qF -- "$want" "$tmp/err"; then ok
  else bad "$name: rc=$rc, stderr:"; cat "$tmp/err"; fi
}
prog() { printf "$2" > "$tmp/$1"; echo "$tmp/$1"; }

expect no_dropout "/dropout: required by cimgen dropout" "$cimgen" dropout "$tmp/plain.json" --p-in 0.5 -o "$tmp/o1"
expect dima_dropout "/dropout: requires operator \"mf\", got \"conventional\"" "$cimgen" check \
  "$(echo '{"datapath":"dima","vector_length":4,"channels":1,"weight_bits":2,"input_bits":2,"dropout":{"registers":2}}' > "$tmp/dima_do.json"; echo "$tmp/dima_do.json")"
expect p_range "--p-in" "$cimgen" dropout "$spec" --p-in 1.5 -o "$tmp/o2"
expect samples_range "--samples" "$cimgen" dropout "$spec" --p-in 0.5 --samples 0 -o "$tmp/o3"
mkdir "$tmp/notours" && touch "$tmp/notours/x"
expect not_ours "not a cimgen output directory" "$cimgen" dropout "$spec" --p-in 0.5 -o "$tmp/notours"
[ -e "$tmp/o1" ] || [ -e "$tmp/o2" ] || [ -e "$tmp/o3" ] && bad "output left behind" || ok
expect bad_op "bad_op.txt:2: op must be in 0..2, got '3'" "$cimgen" sim "$spec" --program "$(prog bad_op.txt '0 0 0 101010\n3 0 0 101010\n')"
expect bad_reg "bad_reg.txt:1: dst register must be in 0..0, got '1'" "$cimgen" sim "$spec" --program "$(prog bad_reg.txt '0 0 1 101010\n')"
expect bad_mask "bad_mask.txt:3: mask must have 6 characters 0/1, got 7" "$cimgen" sim "$spec" --program "$(prog bad_mask.txt '# c\n0 0 0 101010\n1 0 0 1010101\n')"
expect bad_sample "bad_sample.txt:2: output mask must have 2 characters 0/1, got 3" "$cimgen" sim "$spec" --program "$(prog bad_sample.txt '0 0 0 101010\nsample 0 0 101010 111\n')"
# cimgen golden --program, by hand (N = C = m = n = 1, w = +1): beat 0, x = -0: f = -1*1 + 1*0 = -1;
# beat 1, x = +1, op 1 from P0: -1 + (1*1 + 1*1) = 1.
printf '1\n' > "$tmp/w1.txt"; printf -- '-0\n1\n' > "$tmp/x2.txt"; printf -- '-0\n' > "$tmp/x1.txt"
"$cimgen" golden "$here/specs/r41_do_nm_n1_r2.json" --weights "$tmp/w1.txt" --inputs "$tmp/x2.txt" \
  --program "$(prog g2.txt '0 0 0 1\n1 0 1 1\n')" > "$tmp/g.out" 2>&1 && [ "$(grep -v '^#' "$tmp/g.out" | tr '\n' ' ')" = "-1 1 " ] \
  && ok || { bad "golden --program by hand"; cat "$tmp/g.out"; }
expect golden_count "2 beats for 1 input vectors" "$cimgen" golden "$here/specs/r41_do_nm_n1_r2.json" --weights "$tmp/w1.txt" --inputs "$tmp/x1.txt" --program "$(prog g.txt '0 0 0 1\n1 0 1 0\n')"
expect no_dropout_sim "--program: only for a spec with \"dropout\" or datapath \"dima\"" "$cimgen" sim "$tmp/plain.json" --program "$(prog p.txt '0 0 0 101010\n')"

# A good run, twice: same bytes; files present; flows ordered.
for d in a b; do
  "$cimgen" dropout "$here/specs/r43_do_nm_r5_n64.json" --samples 60 --p-in 0.3 --p-out 0.25 --seed 9 -o "$tmp/$d" > "$tmp/$d.log" 2>&1 \
    || { bad "good run $d"; cat "$tmp/$d.log"; }
done
cmp -s "$tmp/a/program.txt" "$tmp/b/program.txt" && cmp -s "$tmp/a/cost.json" "$tmp/b/cost.json" && ok || bad "not deterministic"
for f in program.txt cost.json cost.md cost.dat cost.gp manifest.json; do [ -s "$tmp/a/$f" ] && ok || bad "missing $f"; done
if command -v gnuplot > /dev/null; then [ -s "$tmp/a/cost.png" ] && ok || bad "missing cost.png"; fi
python3 - "$tmp/a/cost.json" <<'PY' && ok || bad "cost.json flows"
import json, sys
j = json.load(open(sys.argv[1]))
t = {f["flow"]: f["total"] for f in j["flows"]}
assert t["dense"] == 64 * 4 * 60, t
assert t["mst"] <= t["window"] <= t["path"] <= t["drawn"], t
assert all(len(f["cumulative"]) == 60 for f in j["flows"] if f["flow"] != "mst")
assert sum(1 for l in open(sys.argv[1].replace("cost.json", "program.txt")) if l.startswith("sample ")) == 60
PY

if [ -n "$cache" ]; then
  "$cimgen" dropout "$spec" --samples 40 --p-in 0.3 --p-out 0.3 --seed 5 --no-plot -o "$tmp/p" > /dev/null
  if "$cimgen" sim "$spec" --program "$tmp/p/program.txt" --vectors 4 --seed 2 --cache "$cache" > "$tmp/sim.log" 2>&1 \
    && grep -q "160 sample results checked against their from-scratch golden result, 0 mismatches" "$tmp/sim.log" \
    && grep -q "^PASS" "$tmp/sim.log"; then ok; else bad "program on the RTL"; tail -20 "$tmp/sim.log"; fi
fi
echo "dropout_cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
