#!/usr/bin/env bash
# Every generated file of every spec passes `verilator --lint-only -Wall` and `iverilog -g2005`
# with no waivers. Usage: tb/rtl_lint.sh CIMGEN SPEC_DIR [JOBS]
# JOBS specs are linted at a time (default 1). Failures are printed per spec, then grouped by
# kind (tool, warning code or message, generic file name), each with its smallest failing spec.
set -euo pipefail
cimgen=$1
spec_dir=$2
jobs=${3:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lint_one SPEC: writes $tmp/NAME.ok, or $tmp/NAME.fail (the messages) and $tmp/NAME.kinds
# (lines "kind<TAB>rtl bytes<TAB>spec<TAB>message").
lint_one() {
  local spec=$1 name out top files=() f ok=1
  name=$(basename "$spec" .json)
  out=$tmp/$name
  if ! "$cimgen" generate "$spec" -o "$out" > "$out.gen" 2>&1; then
    { echo "GENERATE $name:"; head -20 "$out.gen"; } > "$out.fail"
    printf 'cimgen generate\t0\t%s\t%s\n' "$spec" "$(head -1 "$out.gen")" > "$out.kinds"
    return 0
  fi
  top=$(sed -n 's/.*"top": "\(.*\)".*/\1/p' "$out/manifest.json")
  while read -r f; do files+=("$out/rtl/$f"); done < "$out/rtl/files.f"
  if [ -f "$out/sim/files.f" ]; then
    while read -r f; do files+=("$out/sim/$f"); done < "$out/sim/files.f"
  fi
  : > "$out.fail"
  if ! verilator --lint-only -Wall --top-module "$top" "${files[@]}" > "$out.vlint" 2>&1; then
    { echo "LINT verilator $name:"; head -20 "$out.vlint"; } >> "$out.fail"; ok=0
  fi
  if ! iverilog -g2005 -Wall -s "$top" -o "$out.vvp" "${files[@]}" > "$out.ilint" 2>&1 || [ -s "$out.ilint" ]; then
    { echo "LINT iverilog $name:"; head -20 "$out.ilint"; } >> "$out.fail"; ok=0
  fi
  if [ $ok = 1 ]; then
    rm -f "$out.fail"; touch "$out.ok"
  else
    classify "$name" 2> /dev/null | awk -F'\t' -v OFS='\t' -v b="$(cat "${files[@]}" | wc -c)" -v s="$spec" \
      '!seen[$1]++ { print $1, b, s, $2 }' > "$out.kinds"
  fi
  rm -rf "$out"
}

# classify NAME: "kind<TAB>message" for every message of this spec's lint logs.
classify() {
  local name=$1
  # verilator: "%Warning-CODE: path/NAME_block.v:12:3: text" -> "verilator CODE block.v"
  sed -n 's/^%\(Warning-[A-Z0-9_]*\|Error\): [^ ]*\/'"$name"'_\([a-z0-9_]*\.v\):[0-9:]* \(.*\)$/verilator \1 \2\t\3/p' \
    "$tmp/$name.vlint"
  # iverilog: "path/NAME_block.v:12: warning: text" -> "iverilog block.v text with digits as #"
  sed -n 's/^[^ ]*\/'"$name"'_\([a-z0-9_]*\.v\):[0-9]*: \(.*\)$/\1\t\2/p' "$tmp/$name.ilint" |
    awk -F'\t' '{ k = $2; gsub(/[0-9]+/, "#", k); print "iverilog " $1 " " substr(k, 1, 60) "\t" $2 }'
  # messages without a generated file name still count, as their own kind
  grep -v "/${name}_[a-z0-9_]*\.v:" "$tmp/$name.vlint" | grep -v '^%Error: Exiting due to' |
    grep '^%' | sed 's/^/verilator other\t/' || true
  grep -v "/${name}_[a-z0-9_]*\.v:" "$tmp/$name.ilint" | sed 's/^/iverilog other\t/' || true
}

export -f lint_one classify
export cimgen tmp
find "$spec_dir" -maxdepth 1 -name '*.json' | sort | xargs -r -P "$jobs" -I{} bash -c 'lint_one "$1"' _ {}

passed=0
failed=0
for spec in "$spec_dir"/*.json; do
  name=$(basename "$spec" .json)
  if [ -f "$tmp/$name.ok" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    cat "$tmp/$name.fail" 2> /dev/null || echo "LINT $name: no result"
  fi
done
if [ "$failed" -gt 0 ]; then
  echo "rtl_lint: failures by kind (count, smallest failing spec by RTL bytes, first message):"
  cat "$tmp"/*.kinds 2> /dev/null | sort -t$'\t' -k1,1 -k2,2n |
    awk -F'\t' '{ n[$1]++ } !($1 in first) { first[$1] = $3 "\n      " $4; order[++k] = $1 }
      END { for (i = 1; i <= k; i++) printf "  %-60s %4d  %s\n", order[i], n[order[i]], first[order[i]] }'
fi
echo "rtl_lint: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
