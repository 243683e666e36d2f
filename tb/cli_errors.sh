#!/usr/bin/env bash
# Bad input gets one error line naming the path, exit status 2, and no output left behind.
# Usage: tb/cli_errors.sh CIMGEN
set -uo pipefail
cimgen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
good='{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2}'
echo "$good" > "$tmp/good.json"
printf '1 2 3 -0\n-3 0 1 2\n' > "$tmp/w.txt"
printf '1 -0 2 3\n' > "$tmp/x.txt"

# expect NAME EXPECTED_SUBSTRING COMMAND...: exit 2, one stderr line containing the substring.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  local lines
  lines=$(wc -l < "$tmp/err")
  if [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -qF -- "$want" "$tmp/err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: rc=$rc, stderr:"; cat "$tmp/err"
  fi
}
spec() { echo "$1" > "$tmp/s.json"; echo "$tmp/s.json"; }

expect malformed "/: malformed JSON" "$cimgen" check "$(spec '{"vector_length":')"
expect unknown_key "/bogus: unknown key" "$cimgen" check "$(spec '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"bogus":1}')"
expect wrong_type "/channels: must be an integer in 1..1024" "$cimgen" check "$(spec '{"vector_length":4,"channels":"2","weight_bits":2,"input_bits":2}')"
expect range "/uarray_columns: must be in 1..4, got 5" "$cimgen" check "$(spec '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"uarray_columns":5}')"
expect adc_near "/adc: only allowed" "$cimgen" check "$(spec '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"adc":{"bits":2}}')"
expect missing_spec "cannot read spec file" "$cimgen" check "$tmp/none.json"
expect bad_weights "w.txt.bad:1: token 2 'x': not a decimal integer" bash -c "printf '1 x 3 0\n1 2 3 0\n' > $tmp/bw.txt; cp $tmp/bw.txt $tmp/w.txt.bad; \"$cimgen\" golden $tmp/good.json --weights $tmp/w.txt.bad --inputs $tmp/x.txt"
expect big_input "x.txt.big:1: token 1 '4': magnitude must be <= 3" bash -c "printf '4 0 0 0\n' > $tmp/bx.txt; mv $tmp/bx.txt $tmp/x.txt.big; \"$cimgen\" golden $tmp/good.json --weights $tmp/w.txt --inputs $tmp/x.txt.big"
expect no_inputs "cannot read file" "$cimgen" golden "$tmp/good.json" --weights "$tmp/w.txt" --inputs "$tmp/nope.txt"
expect bad_option "--frobnicate" "$cimgen" check "$tmp/good.json" --frobnicate

# Cell libraries for `synth --liberty`: unreadable, malformed (file:line), no flip-flop.
printf 'library (x) {\n  cell (A) {\n    area : 1;\n' > "$tmp/broken.lib"
printf 'library (x) { cell (NAND2) { area : 1; pin (A) { direction : input; } pin (B) { direction : input; }\n  pin (Y) { direction : output; function : "!(A&B)"; } } }\n' > "$tmp/noff.lib"
expect liberty_missing "nope.lib: cannot read Liberty file" "$cimgen" synth "$tmp/good.json" -o "$tmp/syn1" --liberty "$tmp/nope.lib"
expect liberty_broken "broken.lib:4: unterminated group" "$cimgen" synth "$tmp/good.json" -o "$tmp/syn2" --liberty "$tmp/broken.lib"
expect liberty_noff "noff.lib: no flip-flop cell" "$cimgen" synth "$tmp/good.json" -o "$tmp/syn3" --liberty "$tmp/noff.lib"
if [ -z "$(ls "$tmp" | grep -E '^syn')" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL partial synth output"; ls "$tmp"; fi

# No partial output: a failing golden run leaves no --out file, a failing generate no directory.
"$cimgen" golden "$tmp/good.json" --weights "$tmp/w.txt" --inputs "$tmp/nope.txt" --out "$tmp/y.txt" 2>/dev/null
if [ ! -e "$tmp/y.txt" ] && [ -z "$(ls "$tmp" | grep -E 'y.txt.tmp')" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL partial golden output"; fi
"$cimgen" generate "$(spec '{"vector_length":0,"channels":1,"weight_bits":1,"input_bits":1}')" -o "$tmp/gen" 2>/dev/null
if [ ! -e "$tmp/gen" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL partial generate output"; fi

# Good input works: hand-worked y for w0 = (1 2 3 -0), x = (1 -0 2 3):
# sign(x)|w| + sign(w)|x| = (1+1) + (-2+0) + (3+2) + (-0... sign(x3)=+1: 0, sign(w3)=-1: -3) = 2 - 2 + 5 - 3 = 2
# w1 = (-3 0 1 2): (3*1 + -1*1) + (-0*... sign(x1)=-1: -0 ... 0, sign(w1)=+1: 0) + (1 + 2) + (2 + 3) = 2 + 0 + 3 + 5 = 10
if [ "$("$cimgen" golden "$tmp/good.json" --weights "$tmp/w.txt" --inputs "$tmp/x.txt")" = "2 10" ]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL hand-worked golden"; fi
"$cimgen" --help > /dev/null && "$cimgen" generate --help > /dev/null && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL --help"; }

# `cimgen enums --json` (read by scripts/compare.sh) lists the same spellings as every "enum" of
# the shipped schema (the unit test ties the schema to core/enums.hpp); the text form has a line
# per table.
schema=$(cd "$(dirname "$0")/.." && pwd)/specs/cimgen.schema.json
if "$cimgen" enums --json > "$tmp/enums.json" && python3 - "$tmp/enums.json" "$schema" <<'PY'
import json, sys
enums, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
found = {}
def walk(node, path):
    if "enum" in node:
        found[path] = node["enum"]
    for k, sub in node.get("properties", {}).items():
        walk(sub, f"{path}.{k}" if path else k)
walk(schema, "")
assert enums == found, (enums, found)
assert enums["adc.converters"] == ["per_row", 1], enums  # the integer, as a spec writes it
PY
then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL enums --json"; fi
if [ "$("$cimgen" enums | wc -l)" = 6 ] && "$cimgen" enums | grep -qx 'operator: mf conventional'; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL enums"; "$cimgen" enums; fi
expect enums_bad_option "--bogus" "$cimgen" enums --bogus

echo "cli_errors: $passed passed, $failed failed"
[ "$failed" = 0 ]
