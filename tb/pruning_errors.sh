#!/usr/bin/env bash
# Bad pruning input (DESIGN.md section 10): a mask of the wrong shape, tokens other than 0/1, a
# missing mask file, `x` in a weights file at a kept position or without a pruning spec, pruning
# together with dropout. Each gives one error line naming file:line (or the JSON path), exit
# status 2, and writes nothing.
# Also checks the mask writer (`cimgen vectors --mask-density`) and `x` in written weights.
# Usage: tb/pruning_errors.sh CIMGEN
set -uo pipefail
cimgen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
dense='{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2}'
pruned='{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"uarray_columns":2,"pruning":{"mask":"m.txt","group_size":2}}'
echo "$dense" > "$tmp/dense.json"
echo "$pruned" > "$tmp/pruned.json"
printf '1 1 0 1\n0 1 0 1\n' > "$tmp/m.txt"
printf '1 -0 2 3\n' > "$tmp/x.txt"

# expect NAME EXPECTED_SUBSTRING COMMAND...: exit 2, one stderr line with the substring, no
# output file ($tmp/out.*) left behind.
expect() {
  local name=$1 want=$2
  shift 2
  rm -rf "$tmp"/out.*
  "$@" > "$tmp/stdout" 2> "$tmp/err"
  local rc=$?
  if [ "$rc" = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ] && grep -qF -- "$want" "$tmp/err" && ! ls "$tmp"/out.* > /dev/null 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: rc=$rc, stderr:"; cat "$tmp/err"; ls "$tmp"/out.* 2> /dev/null
  fi
}
# ok NAME COMMAND...: exit 0.
ok() {
  local name=$1
  shift
  if "$@" > "$tmp/stdout" 2> "$tmp/err"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name:"; cat "$tmp/err"; fi
}
with_mask() { printf "$1" > "$tmp/m.txt"; }

with_mask '1 1 0 1\n'
expect mask_lines "m.txt: 1 mask lines, expected C = 2" "$cimgen" generate "$tmp/pruned.json" -o "$tmp/out.gen"
with_mask '1 1 0 1\n0 1 0 1\n1 1 1 1\n'
expect mask_extra_line "m.txt:3: mask has more than 2 lines" "$cimgen" generate "$tmp/pruned.json" -o "$tmp/out.gen"
with_mask '1 1 0\n0 1 0 1\n'
expect mask_tokens "m.txt:1: 3 tokens, expected N = 4" "$cimgen" check "$tmp/pruned.json"
with_mask '1 1 0 1\n0 1 2 1\n'
expect mask_token "m.txt:2: token '2': must be 0 (pruned) or 1 (kept)" "$cimgen" generate "$tmp/pruned.json" -o "$tmp/out.gen"
with_mask '1 1 0 1\n0 1 x 1\n'
expect mask_token_x "m.txt:2: token 'x': must be 0 (pruned) or 1 (kept)" "$cimgen" check "$tmp/pruned.json"
rm -f "$tmp/m.txt"
expect mask_missing "m.txt: cannot read mask file" "$cimgen" generate "$tmp/pruned.json" -o "$tmp/out.gen"
with_mask '1 1 0 1\n0 1 0 1\n'
expect group_size "/pruning/group_size: must be in 1..2, got 3" "$cimgen" check \
  "$(echo "${pruned/\"group_size\":2/\"group_size\":3}" > "$tmp/g.json"; echo "$tmp/g.json")"
expect not_conventional "/pruning: only allowed with" "$cimgen" check \
  "$(echo '{"operator":"conventional","vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"pruning":{"mask":"m.txt"}}' > "$tmp/cv.json"; echo "$tmp/cv.json")"
expect with_dropout "/dropout: not available together with /pruning" "$cimgen" generate \
  "$(echo '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"pruning":{"mask":"m.txt"},"dropout":{"registers":2}}' > "$tmp/d.json"; echo "$tmp/d.json")" -o "$tmp/out.gen"
printf 'x 1 x 1\nx 1 x 1\n' > "$tmp/w_kept.txt"
expect x_at_kept "w_kept.txt:1: token 1 'x': channel 0 element 0 is kept by the mask" \
  "$cimgen" golden "$tmp/pruned.json" --weights "$tmp/w_kept.txt" --inputs "$tmp/x.txt" --out "$tmp/out.y"
printf '1 1 x 1\n2 1 x 1\n' > "$tmp/w_dense.txt"
expect x_dense "w_dense.txt:1: token 3 'x': not a decimal integer ('x', a pruned weight, needs a spec with \"pruning\")" \
  "$cimgen" golden "$tmp/dense.json" --weights "$tmp/w_dense.txt" --inputs "$tmp/x.txt" --out "$tmp/out.y"
expect mask_no_file "--mask-density needs --mask FILE" "$cimgen" vectors "$tmp/dense.json" --mask-density 0.5
expect mask_density "--mask-density" "$cimgen" vectors "$tmp/dense.json" --mask-density 1.5 --mask "$tmp/out.m"

# x at pruned positions is read, the golden model ignores them: channel 0 keeps 0,1,3.
printf -- '-0 3 x +0\nx 2 x 1\n' > "$tmp/w_ok.txt"
printf -- '-2 1 3 2\n' > "$tmp/x1.txt"
ok golden_x "$cimgen" golden "$tmp/pruned.json" --weights "$tmp/w_ok.txt" --inputs "$tmp/x1.txt" --out "$tmp/y.txt"
# c0: i0 -0: -1*0 - 1*2 = -2; i1: 3 + 1 = 4; i3 +0: 0 + 2 = 2 -> 4. c1: i1 2+1 = 3; i3 1+2 = 3 -> 6.
if [ "$(grep -v '^#' "$tmp/y.txt")" = "4 6" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL golden_x_value: $(cat "$tmp/y.txt")"; fi
# vectors writes x at the pruned positions, and the mask writer is seeded.
ok vectors_x "$cimgen" vectors "$tmp/pruned.json" --weights "$tmp/w.txt" --inputs "$tmp/xv.txt" --count 2
if [ "$(grep -v '^#' "$tmp/w.txt" | awk '{print $3}' | sort -u)" = x ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL vectors_x: $(cat "$tmp/w.txt")"; fi
ok mask_a "$cimgen" vectors "$tmp/dense.json" --mask-density 0.5 --mask-clusters 1 --seed 4 --mask "$tmp/ma.txt"
ok mask_b "$cimgen" vectors "$tmp/dense.json" --mask-density 0.5 --mask-clusters 1 --seed 4 --mask "$tmp/mb.txt"
if cmp -s "$tmp/ma.txt" "$tmp/mb.txt" && [ "$(grep -vc '^#' "$tmp/ma.txt")" = 2 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL mask_seeded"; fi

echo "pruning_errors: $passed passed, $failed failed"
[ "$failed" = 0 ]
