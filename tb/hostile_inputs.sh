#!/usr/bin/env bash
# Hostile and malformed inputs (issue 11): each gives exit status 2, exactly one line on stderr,
# and writes nothing (the work folder is compared before and after). Usage: tb/hostile_inputs.sh CIMGEN
set -uo pipefail
cimgen=$(realpath "$1")
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2> /dev/null; rm -rf "$tmp"' EXIT
w=$tmp/w      # the work folder: inputs, and where outputs would go
mkdir -p "$w"
cd "$w" || exit 3
passed=0 failed=0 skipped=0
good='{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2}'
echo "$good" > good.json
printf '1 2 3 -0\n-3 0 1 2\n' > w.txt
printf '1 -0 2 3\n' > x.txt
mkdir folder
spec_with() { printf '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,%s}' "$1"; }

# expect NAME SUBSTRING COMMAND...: exit 2 within 20 s, one stderr line containing SUBSTRING,
# and the work folder unchanged.
expect() {
  local name=$1 want=$2
  shift 2
  local before after rc lines
  before=$(find "$w" -mindepth 1 | sort)
  timeout 20 "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  after=$(find "$w" -mindepth 1 | sort)
  lines=$(wc -l < "$tmp/err")
  if [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -qF -- "$want" "$tmp/err" && [ "$before" = "$after" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: rc=$rc, $lines stderr lines (want one containing: $want):"
    head -c 600 "$tmp/err"; echo
    [ "$before" = "$after" ] || { echo "  left behind:"; diff <(echo "$before") <(echo "$after") | grep '^>'; }
  fi
}
skip() { skipped=$((skipped + 1)); echo "SKIP $1: $2"; }

# ---- spec text: nesting, numbers, keys, bytes ----
python3 -c "print('[' * 80000 + ']' * 80000)" > deep_array.json
python3 -c "print('{\"a\":' * 80000 + '1' + '}' * 80000)" > deep_object.json
expect deep_array "nested deeper than 32 levels" "$cimgen" check deep_array.json
expect deep_object "nested deeper than 32 levels" "$cimgen" check deep_object.json
spec_with '"adc":{"bits":1e400}' | sed 's/"adc"/"datapath":"in_memory","adc"/' > overflow_adc.json
expect overflow_1e400 "/adc/bits: must be an integer in 1..12, got 1e400" "$cimgen" check overflow_adc.json
printf '{"vector_length":-1e400,"channels":2,"weight_bits":2,"input_bits":2}' > overflow_neg.json
expect overflow_neg "/vector_length: must be an integer in 1..65536, got -1e400" "$cimgen" check overflow_neg.json
spec_with '"tech":{"bitcell_area_um2":1e99999}' > overflow_tech.json
expect overflow_float_field "/tech/bitcell_area_um2: must be a number in (0, 1e6], got 1e99999" "$cimgen" check overflow_tech.json
printf '{"vector_length":18446744073709551616,"channels":2,"weight_bits":2,"input_bits":2}' > two64.json
expect two_pow_64 "/vector_length: must be an integer in 1..65536" "$cimgen" check two64.json
printf '{"vector_length":4,"channels":18446744073709551615,"weight_bits":2,"input_bits":2}' > u64max.json
expect u64_max "/channels: must be in 1..1024, got 18446744073709551615" "$cimgen" check u64max.json
printf '{"vector_length":4,"channels":-9223372036854775809,"weight_bits":2,"input_bits":2}' > i64min.json
expect below_i64 "/channels: must be an integer in 1..1024" "$cimgen" check i64min.json
spec_with '"adder_tree":{"pipeline_stages":1.0}' > float_int.json
expect float_for_integer "/adder_tree/pipeline_stages: must be an integer in 0..8, got 1.0" "$cimgen" check float_int.json
spec_with '"uarray_columns":2e0' > float_exp.json
expect float_exponent "/uarray_columns: must be an integer in 1..4" "$cimgen" check float_exp.json
spec_with '"a\nb":1' > newline_key.json
expect newline_key '/a\nb: unknown key' "$cimgen" check newline_key.json
spec_with '"a\u0001\tb":1' > control_key.json
expect control_key '/a\x01\tb: unknown key' "$cimgen" check control_key.json
{ echo "$good"; printf '\0'; } > nul_after.json
expect nul_after_spec "NUL byte at offset" "$cimgen" check nul_after.json
printf '{"vector_length":4,"channels":2,"channels":3,"weight_bits":2,"input_bits":2}' > dup.json
expect duplicate_key "/channels: duplicate key" "$cimgen" check dup.json
spec_with '"datapath":"in_memory","adc":{"bits":2,"bits":3}' > dup_nested.json
expect duplicate_nested_key "/adc/bits: duplicate key" "$cimgen" check dup_nested.json
printf '{"name":"\xff\xfe","vector_length":4,"channels":2,"weight_bits":2,"input_bits":2}' > bad_utf8.json
expect invalid_utf8 "malformed JSON" "$cimgen" check bad_utf8.json
printf '{"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2,"\xc3\x28":1}' > bad_utf8_key.json
expect invalid_utf8_key "malformed JSON" "$cimgen" check bad_utf8_key.json
spec_with '"name":"../evil"' > name_dotdot.json
expect name_path_separator '/name: must match' "$cimgen" check name_dotdot.json
spec_with '"name":"a/b"' > name_slash.json
expect name_slash '/name: must match' "$cimgen" check name_slash.json
spec_with "\"name\":\"$(printf 'a%.0s' $(seq 5000))\"" > long_name.json
expect long_value_shown_short '/name: must match [a-z][a-z0-9_]* (at most 48 characters), got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ...' "$cimgen" check long_name.json
python3 -c "
import json; print(json.dumps({'vector_length':4,'channels':2,'weight_bits':2,'input_bits':2}) + ' ' * (1 << 20))" > big_spec.json
expect spec_over_1mib "larger than 1048576 bytes" "$cimgen" check big_spec.json

# ---- spec and input paths: not regular files, unreadable, odd names ----
mkfifo fifo.json
expect fifo_spec "fifo.json: cannot read spec file (not a regular file)" "$cimgen" check fifo.json
expect dev_zero_spec "/dev/zero: cannot read spec file (not a regular file)" "$cimgen" check /dev/zero
expect folder_spec "folder: cannot read spec file (it is a folder)" "$cimgen" check folder
expect empty_spec_path "'': cannot read spec file (empty path)" "$cimgen" check ''
expect newline_file_name 'no\nsuch.json: cannot read spec file' "$cimgen" check $'no\nsuch.json'
cp newline_key.json $'bad\nname.json'
expect newline_file_name_bad_spec 'bad\nname.json: /a\nb: unknown key' "$cimgen" check $'bad\nname.json'
expect invalid_utf8_file_name 'x\xff.json: cannot read spec file' "$cimgen" check $'x\xff.json'
expect fifo_weights "fifo.json: cannot read file (not a regular file)" "$cimgen" golden good.json --weights fifo.json --inputs x.txt
expect dev_zero_inputs "/dev/zero: cannot read file (not a regular file)" "$cimgen" golden good.json --weights w.txt --inputs /dev/zero
expect folder_weights "folder: cannot read file (it is a folder)" "$cimgen" golden good.json --weights folder --inputs x.txt
expect folder_liberty "folder: cannot read Liberty file (it is a folder)" "$cimgen" synth good.json -o syn --liberty folder
python3 -c "print('library (x) {' + 'a () {' * 100000)" > deep.lib
expect deep_liberty "deep.lib:1: groups nested deeper than 64 levels" "$cimgen" synth good.json -o syn --liberty deep.lib
python3 -c "print('1 ' + '9' * 1000000 + ' 3 4')" > long_token.txt
expect long_token_shown_short "token 2 '9999999999999999999999999999 ...': not a decimal integer" "$cimgen" golden good.json --weights long_token.txt --inputs x.txt
printf '1 2 3 \x01\n' > control_token.txt
expect control_token "token 4 '\\x01': not a decimal integer" "$cimgen" golden good.json --weights control_token.txt --inputs x.txt
if [ "$(id -u)" = 0 ]; then
  skip unreadable_spec "running as root, which reads a file of mode 000"
else
  cp good.json unreadable.json && chmod 000 unreadable.json
  expect unreadable_spec "unreadable.json: cannot read spec file (Permission denied)" "$cimgen" check unreadable.json
fi

# ---- output paths ----
expect generate_empty_out "output folder: the path is empty" "$cimgen" generate good.json -o ''
long=$(printf 'a%.0s' $(seq 300))
expect generate_long_name "cannot write output: File name too long" "$cimgen" generate good.json -o "$long"
expect generate_onto_file "w.txt: exists and is not a cimgen output directory" "$cimgen" generate good.json -o w.txt
expect generate_under_file "good.json/gen: cannot write output: Not a directory" "$cimgen" generate good.json -o good.json/gen
expect generate_bad_spec_missing_parent "/vector_length: must be an integer in" "$cimgen" generate two64.json -o new/sub/gen
expect vectors_inputs_folder "folder: is a folder, not a file" "$cimgen" vectors good.json --weights wv.txt --inputs folder
expect vectors_weights_folder "folder: is a folder, not a file" "$cimgen" vectors good.json --weights folder --inputs xv.txt
expect vectors_same_file "v.txt: named twice as an output file" "$cimgen" vectors good.json --weights v.txt --inputs v.txt
expect vectors_missing_folder "nope/x.txt: cannot write file (folder nope does not exist)" "$cimgen" vectors good.json --weights wv.txt --inputs nope/x.txt
expect vectors_long_name "cannot write file (File name too long)" "$cimgen" vectors good.json --weights wv.txt --inputs "$long"
expect vectors_empty_name "output file: the path is empty" "$cimgen" vectors good.json --weights wv.txt --inputs ''
expect golden_out_folder "folder: is a folder, not a file" "$cimgen" golden good.json --weights w.txt --inputs x.txt --out folder
expect golden_out_device "/dev/null: exists and is not a regular file" "$cimgen" golden good.json --weights w.txt --inputs x.txt --out /dev/null
expect golden_out_under_file "good.json/y.txt: cannot write file" "$cimgen" golden good.json --weights w.txt --inputs x.txt --out good.json/y.txt
if [ "$(id -u)" = 0 ]; then
  skip read_only_folder "running as root, which writes into a folder of mode 555 (a path under a file is tested instead)"
else
  mkdir ro && chmod 555 ro
  expect generate_read_only "ro/gen: cannot write output: Permission denied" "$cimgen" generate good.json -o ro/gen
  expect vectors_read_only "ro/x.txt: cannot write file (Permission denied)" "$cimgen" vectors good.json --weights ro/w.txt --inputs ro/x.txt
fi

# ---- command-line numbers ----
expect seed_2_pow_64 "must be a decimal integer in 0..18446744073709551615, got '18446744073709551616'" "$cimgen" vectors good.json --seed 18446744073709551616 --weights wv.txt --inputs xv.txt
expect seed_negative "got '-1'" "$cimgen" vectors good.json --seed -1 --weights wv.txt --inputs xv.txt
expect seed_float "got '1.5'" "$cimgen" vectors good.json --seed 1.5 --weights wv.txt --inputs xv.txt
expect sim_seed_2_pow_64 "got '18446744073709551616'" "$cimgen" sim good.json --seed 18446744073709551616
expect sim_noise_seed "got '99999999999999999999'" "$cimgen" sim good.json --noise-seed 99999999999999999999
expect count_huge "--count" "$cimgen" vectors good.json --count 99999999999 --weights wv.txt --inputs xv.txt
expect option_with_newline '--bad\nopt' "$cimgen" check good.json $'--bad\nopt'

# ---- huge but legal: a clear answer in bounded time and memory ----
printf '{"vector_length":65536,"channels":1024,"weight_bits":16,"input_bits":16}' > huge.json
if timeout 20 "$cimgen" check huge.json > /dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL huge legal spec: check"; fi

# ---- what the fixes must still accept ----
if "$cimgen" generate good.json -o "$tmp/gen_slash/" 2> /dev/null && [ -f "$tmp/gen_slash/manifest.json" ] &&
   "$cimgen" generate good.json -o "$tmp/gen_slash/" 2> /dev/null; then passed=$((passed + 1))
else failed=$((failed + 1)); echo "FAIL generate -o with a trailing slash"; ls -la "$tmp"; fi
if "$cimgen" vectors good.json --seed 18446744073709551615 --weights "$tmp/wv.txt" --inputs "$tmp/xv.txt" &&
   "$cimgen" golden good.json --weights "$tmp/wv.txt" --inputs "$tmp/xv.txt" --out "$tmp/y.txt" &&
   "$cimgen" golden good.json --weights "$tmp/wv.txt" --inputs "$tmp/xv.txt" --out "$tmp/y.txt"; then passed=$((passed + 1))
else failed=$((failed + 1)); echo "FAIL vectors with the largest seed, golden onto an existing file"; fi
if [ -z "$(find "$tmp" -name '*.tmp.*' -o -name '*.old.*')" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL temporary files left"; fi

echo "hostile_inputs: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
