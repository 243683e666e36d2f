#!/usr/bin/env bash
# Formal properties of the SAR sequencer and of the top (issue 11 point 3), yosys-smtbmc + z3.
#   tb/formal/props.sh CIMGEN OUT [TOP_DEPTH] [ONLY]   (ONLY: regex of spec names to run)
# FORMAL_MUTATE_RTL="BLOCK SED_EXPR" edits each spec's rtl/<name>_BLOCK.v first (negative tests).
# SAR (tb/formal/sar_prop.v) for the in_memory specs below and tb/specs/r15..r20: BMC to depth
# 3*(BITS+1)+2 and k-induction at the same depth (unbounded). Top (tb/formal/top_prop.v): BMC to
# TOP_DEPTH (default 3*latency+4) from reset on small specs of each datapath and operator, then
# k-induction at the same depth with the controller invariant of top_prop.v (required to pass
# where the top has the shared controller; reported as open elsewhere). Prints one line per
# property and spec.
set -uo pipefail
cimgen=$(realpath "$1") out=$2 top_depth=${3:-} only=${4:-.}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out/specs"; out=$(cd "$out" && pwd)
solver=${FORMAL_SOLVER:-z3}
status=0
par() { sed -n "s/^ *parameter integer $1 *= *\([0-9]*\).*/\1/p" "$2" | head -1; }
man() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }
line() { printf '%-6s %-22s %-10s %-6s %6.2f  %s\n' "$@"; }

spec() { echo "$2" > "$out/specs/$1.json"; }
spec fp_nm   '{"name":"fp_nm","vector_length":4,"channels":1,"weight_bits":2,"input_bits":2,"uarray_columns":4,"adder_tree":{"kind":"dadda","pipeline_stages":1}}'
spec fp_nm2  '{"name":"fp_nm2","vector_length":5,"channels":2,"weight_bits":1,"input_bits":2,"uarray_columns":3,"adder_tree":{"kind":"wallace","pipeline_stages":0}}'
spec fp_conv '{"name":"fp_conv","operator":"conventional","vector_length":3,"channels":1,"weight_bits":2,"input_bits":2,"uarray_columns":3,"adder_tree":{"kind":"ripple","pipeline_stages":2}}'
spec fp_im_row '{"name":"fp_im_row","datapath":"in_memory","vector_length":4,"channels":1,"weight_bits":2,"input_bits":1,"uarray_columns":2,"adc":{"bits":2,"lsb_shift":1,"rounding":"nearest","converters":"per_row"}}'
spec fp_im_ts  '{"name":"fp_im_ts","datapath":"in_memory","vector_length":4,"channels":1,"weight_bits":2,"input_bits":2,"uarray_columns":4,"adc":{"bits":2,"converters":1}}'
spec fp_ht   '{"name":"fp_ht","datapath":"htree","vector_length":5,"channels":1,"weight_bits":2,"input_bits":1,"uarray_columns":2,"adder_tree":{"kind":"wallace","pipeline_stages":1},"htree":{"banks":3,"fanout":2,"link_stages":1}}'
mkdir -p "$out/specs/masks"; printf '1 0 1\n0 0 0\n1 1 0\n' > "$out/specs/masks/fp_pr.mask"  # channel 1 pruned
spec fp_pr   '{"name":"fp_pr","vector_length":3,"channels":3,"weight_bits":2,"input_bits":1,"uarray_columns":2,"pruning":{"mask":"masks/fp_pr.mask","group_size":2,"grouping":"greedy"}}'
spec fp_do   '{"name":"fp_do","vector_length":3,"channels":2,"weight_bits":1,"input_bits":2,"uarray_columns":2,"dropout":{"registers":2}}'
spec fp_im_do '{"name":"fp_im_do","datapath":"in_memory","vector_length":3,"channels":1,"weight_bits":2,"input_bits":1,"uarray_columns":3,"dropout":{"registers":2}}'
for s in "$root"/tb/specs/r1[5-9]_*.json "$root"/tb/specs/r20_*.json "$root"/specs/mf_im_n64_c4.json; do
  cp "$s" "$out/specs/"
done

line kind spec property result 0 detail
for s in "$out"/specs/*.json; do
  name=$(man "$s" "['name']")
  [[ "$name" =~ $only ]] || continue
  d=$out/$name
  rm -rf "$d"; "$cimgen" generate "$s" -o "$d" > /dev/null 2>&1 || { line gen "$name" generate FAIL 0 ""; status=1; continue; }
  if [ -n "${FORMAL_MUTATE_RTL:-}" ]; then  # negative tests (smoke.sh): "BLOCK SED_EXPR" edits rtl/<name>_BLOCK.v
    f=$d/rtl/${name}_${FORMAL_MUTATE_RTL%% *}.v
    cp "$f" "$d/mutated.orig.v"; sed -i -e "${FORMAL_MUTATE_RTL#* }" "$f"
    cmp -s "$f" "$d/mutated.orig.v" && { line gen "$name" mutate FAIL 0 "FORMAL_MUTATE_RTL changed nothing"; status=1; continue; }
  fi
  dp=$(man "$d/manifest.json" "['spec'].get('datapath', 'near_memory')")
  # ---- SAR ----
  if [ "$dp" = in_memory ]; then
    sar=$d/rtl/${name}_sar.v cmp=$d/sim/${name}_comparator.v
    L=$(man "$d/manifest.json" "['spec'].get('uarray_columns', min(64, json.load(open('$d/manifest.json'))['spec']['vector_length']))")
    bits=$(par BITS "$sar") depth=$(( 3 * ($(par BITS "$sar") + 1) + 2 ))
    sed "s/SPECNAME/$name/g" "$here/sar_prop.v" > "$d/sar_prop.v"
    yosys -q -l "$d/sar_yosys.log" -p "read_verilog $sar $cmp; read_verilog -formal $d/sar_prop.v;
      chparam -set L $L -set COUNT_W $(par COUNT_W "$cmp") -set BITS $bits -set BIT_W $(par BIT_W "$sar") -set SHIFT $(par SHIFT "$sar") -set R $(par R "$cmp") -set CHAT_W $(par CHAT_W "$sar") sar_prop;
      prep -top sar_prop; dffunmap; write_smt2 -wires $d/sar.smt2" > /dev/null 2>&1 || { line sar "$name" code FAIL 0 yosys; status=1; }
    for mode in bmc ind; do
      t0=$(date +%s.%N)
      flag=""; [ $mode = ind ] && flag=-i
      if yosys-smtbmc -s "$solver" $flag -t "$depth" "$d/sar.smt2" > "$d/sar_$mode.log" 2>&1; then r=PASS; else r=FAIL; status=1; fi
      line sar "$name" "code/$mode" $r "$(echo "$(date +%s.%N) - $t0" | bc)" \
        "b=$bits s=$(par SHIFT "$sar") r=$(par R "$cmp") L=$L depth $depth"
    done
  fi
  # ---- top valid/ready ----
  case "$name" in fp_*) ;; *) continue ;; esac
  top=$d/rtl/${name}_top.v
  lat=$(man "$d/manifest.json" "['latency']")
  tdepth=${top_depth:-$((3 * lat + 4))}
  xw=$(( $(par N "$top") * ($(par NB "$top") + 1) )) yw=$(( $(par C "$top") * $(par Y_W "$top") ))
  sed "s/SPECNAME/$name/g" "$here/top_prop.v" > "$d/top_prop.v"
  flat=""; [ "$dp" = in_memory ] && flat="flatten;"
  # The controller invariant (top_prop.v, CTRL_INV) wherever the top has the shared controller.
  ctrl=$d/rtl/${name}_ctrl.v inv="" invp=""
  c=""
  if grep -q "${name}_ctrl u_ctrl" "$top"; then c=dut.u_ctrl
  elif grep -q "${name}_frontend u_frontend" "$top" && grep -q "${name}_ctrl u_ctrl" "$d/rtl/${name}_frontend.v"; then
    c=dut.u_frontend.u_ctrl
  fi
  if [ -f "$ctrl" ] && [ -n "$c" ]; then
    inv=-DCTRL_INV invp="-set CNT_W $(par CNT_W "$ctrl") -set LAST $(( $(par STEPS "$ctrl") + $(par PIPE "$ctrl") - 1 ))"
    flat="flatten; connect -set inv_state $c.state_reg; connect -set inv_cnt $c.cnt_reg;"
  fi
  sims=""
  if [ -f "$d/sim/${name}_product_line.v" ]; then  # the analog level: free in every cycle
    pl=$d/sim/${name}_product_line.v  # same parameter defaults as the generated model
    cat > "$d/pl_free.v" <<EOV
module ${name}_product_line #(parameter integer L = $(par L "$pl"), COUNT_W = $(par COUNT_W "$pl")) (
  input wire clk, input wire [31:0] id, input wire sample, input wire [L-1:0] cells, input wire [L-1:0] cl,
  output wire [COUNT_W-1:0] level);
  (* anyseq *) reg [COUNT_W-1:0] free_level;
  assign level = free_level;
endmodule
EOV
    sims=$d/pl_free.v
  fi
  yosys -q -l "$d/top_yosys.log" -p "read_verilog -DSYNTHESIS $d/rtl/*.v $( [ -f "$d/sim/${name}_comparator.v" ] && echo "$d/sim/${name}_comparator.v");
    read_verilog -formal $inv $d/top_prop.v $sims;
    chparam -set CH_W $(par CH_W "$top") -set IDX_W $(par IDX_W "$top") -set WR_W $(par WR_W "$top") -set XW $xw -set YW $yw -set LATENCY $lat $invp top_prop;
    prep -top top_prop; $flat async2sync; dffunmap; setundef -undriven -anyseq; opt_clean; write_smt2 -wires $d/top.smt2" > /dev/null 2>&1 ||
    { line top "$name" valid/ready FAIL 0 "yosys, see $d/top_yosys.log"; status=1; continue; }
  t0=$(date +%s.%N)
  if yosys-smtbmc -s "$solver" --unroll -t "$tdepth" "$d/top.smt2" > "$d/top_bmc.log" 2>&1; then r=PASS; else r=FAIL; status=1; fi
  line top "$name" valid/ready/bmc $r "$(echo "$(date +%s.%N) - $t0" | bc)" "latency $lat, depth $tdepth from reset"
  t0=$(date +%s.%N)
  if timeout 300 yosys-smtbmc -s "$solver" --unroll -i -t "$tdepth" "$d/top.smt2" > "$d/top_ind.log" 2>&1; then r=PASS
  elif [ -n "$inv" ]; then r=FAIL; status=1; else r=open; fi
  line top "$name" valid/ready/ind $r "$(echo "$(date +%s.%N) - $t0" | bc)" "k-induction depth $tdepth$( [ -n "$inv" ] &&
    echo ", controller invariant: unbounded" || echo " (open: not inductive without an invariant)")"
done
exit $status
