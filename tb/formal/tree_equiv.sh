#!/usr/bin/env bash
# Formal proof of one generated adder tree (issue 11 point 2):
#   tb/formal/tree_equiv.sh CIMGEN KIND L PIPE WORKDIR
# prints one line "KIND L PIPE PASS|FAIL seconds method detail" and exits 0 on PASS.
# FORMAL_MUTATE=SED_EXPR edits the generated tree first (negative tests: the proof must then fail).
#
# 1. Function: the tree with its pipeline registers replaced by wires (`comb`) equals the popcount
#    of its L inputs. Netlist kinds (ripple, wallace, dadda): ABC `&polyn` rewrites the AIG into
#    its polynomial over the inputs (x^2 = x) and checks the signature
#    SUM_k 2^k count[k] + 2^W SUM_j drop[j] - SUM_i bits[i] == 0 (complete: multilinear polynomials
#    are unique), where drop[j] are the carries the generator leaves out of the top column W-1
#    (exposed by tree_counts.py; without them the rewriting has to expand each one and blows up);
#    since SUM_i bits[i] <= L < 2^W, the identity also proves every drop[j] == 0, so count == popcount;
#    if that does not close within 20 s (it blows up on some ripple widths), ABC `&cec` against tb/formal/popcount_ref.v. Behavioral: `&cec`.
# 2. Latency (PIPE > 0): the generated pipelined tree equals `comb` followed by PIPE register
#    stages, proven by Yosys `sat` over PIPE+1 time frames from a free initial state with the
#    miter asserted in the last frame; since any cycle t >= PIPE of any run is the last frame
#    of such a window, this holds for every cycle t >= PIPE of every run (no bound).
# 3. Counts: the `// FA` and `// HA` cells (each checked against the XOR3/majority and XOR/AND
#    pattern of its operands) equal the manifest's full_adders and half_adders, and the flip-flop
#    bits Yosys finds equal its pipeline_registers.
set -euo pipefail
cimgen=$1 kind=$2 L=$3 pipe=$4 work=$5
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=ft_${kind}_${L}_p${pipe}
dir=$work/$name
rm -rf "$dir"; mkdir -p "$dir"
start=$(date +%s.%N)
result() {  # STATUS METHOD DETAIL
  printf '%-10s %4d %2d %-4s %7.2f %-12s %s\n' "$kind" "$L" "$pipe" "$1" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$2" "$3"
  [ "$1" = PASS ]
}
echo "{\"name\":\"$name\",\"vector_length\":$L,\"channels\":1,\"weight_bits\":1,\"input_bits\":1,\
\"uarray_columns\":$L,\"adder_tree\":{\"kind\":\"$kind\",\"pipeline_stages\":$pipe}}" > "$dir/spec.json"
"$cimgen" generate "$dir/spec.json" -o "$dir/gen" > "$dir/generate.log" 2>&1 ||
  { result FAIL generate "$(tail -1 "$dir/generate.log")"; exit 1; }
tree=$dir/gen/rtl/${name}_adder_tree.v
if [ -n "${FORMAL_MUTATE:-}" ]; then  # negative tests (smoke.sh): a sed edit that breaks the tree
  cp "$tree" "$dir/tree.orig.v"; sed -i -e "$FORMAL_MUTATE" "$tree"
  ! cmp -s "$tree" "$dir/tree.orig.v" || { result FAIL mutate "FORMAL_MUTATE changed nothing"; exit 1; }
fi
ow=$(python3 -c "print(max(1, ($L).bit_length()))")

# Counts, and the register-free copy of the tree (module name ${name}_comb).
counts=$(python3 "$here/tree_counts.py" "$tree" "$dir/gen/manifest.json" "$dir/comb.v" "${name}_comb") ||
  { result FAIL counts "$counts"; exit 1; }

ffs=$(yosys -p "read_verilog $tree; hierarchy -top ${name}_adder_tree; proc; flatten; techmap; opt_clean; stat" 2>&1 |
  awk '/\$_DFF_/ {n += $2} END {print n + 0}')
regs=$(python3 -c "import json; print(json.load(open('$dir/gen/manifest.json'))['adder_tree']['pipeline_registers'])")
[ "$ffs" = "$regs" ] || { result FAIL counts "$ffs flip-flop bits, manifest pipeline_registers $regs"; exit 1; }

# 1. Function. comb_drop.aig: outputs o0..o(W-1) are count, then one per carry dropped from the top
# column (weight 2^W); comb.aig: count only.
drops=$(sed -n 's/.* drop \([0-9]*\)+.*/\1/p' <<< "$counts")
strip=""; [ "$drops" = 0 ] || strip="delete -port ${name}_comb/zdrop; opt_clean;"
yosys -q -l "$dir/aig.log" -p "read_verilog $dir/comb.v; hierarchy -top ${name}_comb; proc; flatten;
  delete -port ${name}_comb/clk; techmap; opt -fast; aigmap; write_aiger -zinit $dir/comb_drop.aig;
  $strip write_aiger -zinit $dir/comb.aig" >/dev/null ||
  { result FAIL yosys "see $dir/aig.log"; exit 1; }
method=""
if [ "$kind" != behavioral ]; then
  sig=$(python3 -c "print('+'.join([f'{k}*o{k}' for k in range($ow)] + [f'{$ow}*o{$ow + j}' for j in range($drops)])
    + ''.join(f'-0*i{j}' for j in range($L)))")
  timeout "${FORMAL_POLYN_TIMEOUT:-20}" yosys-abc -c "&r $dir/comb_drop.aig; &polyn -S $sig" > "$dir/polyn.log" 2>&1 || true
  grep -q 'Left = 0\.' "$dir/polyn.log" && method=polyn
fi
if [ -z "$method" ]; then
  yosys -q -l "$dir/ref.log" -p "read_verilog $here/popcount_ref.v; chparam -set W $L -set OUT_W $ow popcount_ref;
    hierarchy -top popcount_ref; proc; flatten; techmap; opt -fast; aigmap; write_aiger -zinit $dir/ref.aig" >/dev/null
  timeout "${FORMAL_CEC_TIMEOUT:-600}" yosys-abc -c "&r $dir/ref.aig; &cec $dir/comb.aig" > "$dir/cec.log" 2>&1 || true
  if ! grep -q 'Networks are equivalent' "$dir/cec.log"; then
    why="not proven, timeout"; grep -qi 'NOT EQUIVALENT' "$dir/cec.log" && why="counterexample"
    grep -q 'different number' "$dir/cec.log" && why="interface differs"
    result FAIL cec "$why (see $dir/cec.log)"; exit 1
  fi
  method=cec
fi

# 2. Latency.
if [ "$pipe" -gt 0 ]; then
  cat > "$dir/gold.v" <<EOV
module ${name}_gold (input wire clk, input wire [$L-1:0] bits, output wire [$ow-1:0] count);
  wire [$ow-1:0] c;
  ${name}_comb comb (.clk(clk), .bits(bits), .count(c));
  delay_ref #(.W($ow), .PIPE($pipe)) dly (.clk(clk), .d(c), .q(count));
endmodule
EOV
  if ! yosys -q -l "$dir/latency.log" -p "read_verilog $tree $dir/comb.v $dir/gold.v $here/popcount_ref.v;
      hierarchy -check; proc; opt_clean; rename ${name}_adder_tree dut;
      miter -equiv -flatten -make_outputs ${name}_gold dut miter; hierarchy -top miter; flatten; opt -fast;
      sat -verify -seq $((pipe + 1)) -prove-skip $pipe -prove trigger 0 -timeout 600 miter" > /dev/null 2>&1; then
    result FAIL latency "see $dir/latency.log"; exit 1
  fi
  method=$method+seq$((pipe + 1))
fi
result PASS "$method" "$counts"
