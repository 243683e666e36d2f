#!/usr/bin/env bash
# Static timing and power of `cimgen synth` on a real library (DESIGN.md section 13):
#  1. OpenSTA against a delay worked by hand from the osu018 Liberty tables;
#  2. bad input: unknown or missing technology, Liberty without timing, clock <= 0 — one line,
#     exit 2, no report;
#  3. the report of a small macro on osu018: critical path = period - slack, stages summing to
#     the arrival, energy per vector = power x II x period, and energy growing with the input
#     activity (random against all-zero vectors, --activity-inputs) and with N; the dadda tree built of the library's FAX1/HAX1, as many as the
#     manifest's full and half adders; each registered block timed alone, no longer than the
#     macro, and the buffered macro faster than the area netlist timed as it is.
#  4. activity simulated (`cimgen sim --activity`, DESIGN.md section 13): an input bit driven
#     0,1,0,1 toggles 3 times in the window of 4 vectors x II cycles, the clock twice a cycle;
#     `synth --activity` annotates measured nets, and all-zero input vectors cost less energy than
#     random ones; a malformed activity file: one line naming file:line, exit 2, no report.
# Usage: tb/synth_sta.sh CIMGEN SOURCE_DIR [SIM_CACHE]
set -uo pipefail
cimgen=$1
src=$(cd "$2" && pwd)
sim_cache=${3:-}
lib=/usr/share/qflow/tech/osu018/osu018_stdcells.lib
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
if ! command -v sta > /dev/null || [ ! -f "$lib" ]; then
  echo "synth_sta: needs the opensta and qflow-tech-osu018 packages (scripts/install-deps.sh)"
  exit 1
fi

# --- 1. Hand-worked delay: input a (transition 0.18 ns) -> INVX1 u1 -> INVX1 u2 -> y (load
# 0.025 pF), no wire load (the library has none). Worst case is a falling:
#  u1 (A falls, Y rises), load = u2/A rise_capacitance 0.00932196 pF, input slew 0.18 (a table
#   index, column 2): between load indices 0.005 and 0.0125, t = (0.00932196 - 0.005) / 0.0075
#   = 0.576261;
#   cell_rise      = 0.056898 + t * (0.083003 - 0.056898) = 0.071941 ns
#   rise_transition= 0.059488 + t * (0.0786   - 0.059488) = 0.070502 ns
#  u2 (A rises, Y falls), load 0.025 (index row 3), input slew 0.070502 between 0.06 and 0.18:
#   s = (0.070502 - 0.06) / 0.12 = 0.087517;
#   cell_fall      = 0.064368 + s * (0.091076 - 0.064368) = 0.066705 ns
#  arrival = 0.071941 + 0.066705 = 0.138646 ns.
# Rising a: u1 cell_fall (fall_capacitance 0.00932456, t = 0.576608) = 0.037434 + t * 0.020117
#  = 0.049034, fall_transition 0.0648 + t * 0.0078 = 0.069298; u2 cell_rise (s = 0.077483)
#  = 0.07402 + s * 0.038602 = 0.077011; arrival 0.126045 ns (not the worst).
cat > "$tmp/chain.tcl" <<TCL
read_liberty $lib
read_verilog $src/tb/fixtures/sta_chain.v
link_design chain
create_clock -name clk -period 10
set_input_delay 0 -clock clk [all_inputs]
set_output_delay 0 -clock clk [all_outputs]
set_input_transition 0.18 [all_inputs]
set_load 0.025 [all_outputs]
report_checks -path_delay max -digits 6
report_checks -path_delay max -digits 6 -rise_to [get_ports y]
TCL
(cd "$tmp" && sta -no_init -exit chain.tcl > chain.log 2>&1)
check sta_hand_worked python3 - "$tmp/chain.log" <<'PY'
import re, sys
arr = [float(x) for x in re.findall(r"([0-9.]+)\s+data arrival time", open(sys.argv[1]).read())]
hand_worst = (0.056898 + 0.576261 * (0.083003 - 0.056898)) + (0.064368 + 0.087517 * (0.091076 - 0.064368))
hand_rise = (0.037434 + 0.576608 * 0.020117) + (0.07402 + 0.077483 * 0.038602)
assert len(arr) == 4, arr  # each report prints the arrival twice
assert abs(arr[0] - hand_worst) <= 0.01 * hand_worst, (arr[0], hand_worst)
assert abs(arr[2] - hand_rise) <= 0.01 * hand_rise, (arr[2], hand_rise)
PY

# --- 2. Bad input: one line on stderr, exit 2, no output directory.
spec="$src/tb/specs/r02_mf_n5_l2.json"
printf 'library(notiming) {\n  cell (NAND2) { area : 1; pin(A) { direction : input; } pin(B) { direction : input; }\n    pin(Y) { direction : output; function : "!(A B)"; } }\n  cell (DFF) { area : 4; ff (IQ, IQN) { next_state : "D"; clocked_on : "C"; }\n    pin(D) { direction : input; } pin(C) { direction : input; clock : true; }\n    pin(Q) { direction : output; function : "IQ"; } } }\n' > "$tmp/notiming.lib"
bad() {  # bad NAME EXPECTED_TEXT ARGS... : exit 2, one line naming EXPECTED_TEXT, nothing written
  local name=$1 want=$2
  shift 2
  "$cimgen" synth "$spec" -o "$tmp/bad_$name" -q "$@" > "$tmp/bad.out" 2> "$tmp/bad.err"
  local rc=$?
  check "bad_$name" test "$rc" = 2 -a "$(wc -l < "$tmp/bad.err")" = 1 -a ! -e "$tmp/bad_$name"
  check "bad_${name}_message" grep -q -- "$want" "$tmp/bad.err"
}
bad unknown_tech "allowed: osu018, osu035, osu050" --tech osu013
CIMGEN_QFLOW_TECH_DIR=$tmp/none bad missing_package "install the Debian package qflow-tech-osu018" --tech osu018
bad no_timing "no timing arcs" --liberty "$tmp/notiming.lib" --clock-ns 5
bad clock_zero "must be a number > 0" --tech osu018 --clock-ns 0
bad clock_negative "must be a number > 0" --tech osu018 --clock-ns -3
bad clock_text "must be a number > 0" --tech osu018 --clock-ns 5ns
bad tech_and_liberty "excludes" --tech osu018 --liberty "$lib"
echo "1 2 3" > "$tmp/short_x.txt"
bad activity_file "short_x.txt" --tech osu018 --activity-inputs "$tmp/short_x.txt"
printf '# cimgen activity 1\ntop r02_mf_n5_l2_top\nwindow 2 vectors 18 cycles\n3 r02_mf_n5_l2_top x_data[0]\nthree m y\n' > "$tmp/bad_act.txt"
bad activity_sim_line "bad_act.txt:5: toggles" --tech osu018 --activity "$tmp/bad_act.txt"
printf '# cimgen activity 1\ntop other_top\nwindow 2 vectors 18 cycles\n3 other_top x_data[0]\n' > "$tmp/other_act.txt"
bad activity_sim_top "other_act.txt:2: activity of module other_top" --tech osu018 --activity "$tmp/other_act.txt"
bad activity_both "excludes --activity" --tech osu018 --activity "$tmp/other_act.txt" --activity-inputs "$tmp/short_x.txt"

# --- 3. Reports of a small macro at two input activities and two widths.
mkspec() {  # mkspec N FILE
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["name"]="sta_n"+sys.argv[2]; s["vector_length"]=int(sys.argv[2]); s.pop("uarray_columns"); json.dump(s,open(sys.argv[3],"w"))' \
    "$src/specs/mf_n64_c4.json" "$1" "$2"
}
mkspec 16 "$tmp/n16.json"
mkspec 48 "$tmp/n48.json"
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 -o "$tmp/a" -q > /dev/null
# Input-port activity from vector files: random vectors against all-zero ones.
"$cimgen" vectors "$tmp/n16.json" --seed 3 --count 40 --weights "$tmp/w.txt" --inputs "$tmp/xr.txt" 2> /dev/null
python3 -c 'print("\n".join(" ".join(["0"] * 16) for _ in range(40)))' > "$tmp/xz.txt"
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 --activity-inputs "$tmp/xr.txt" -o "$tmp/b" -q > /dev/null
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 --activity-inputs "$tmp/xz.txt" -o "$tmp/z" -q > /dev/null
"$cimgen" synth "$tmp/n48.json" --tech osu018 --clock-ns 8 -o "$tmp/c" -q > /dev/null
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 --no-buffering -o "$tmp/u" -q > /dev/null
# Each registered block timed alone (controller, channel, front end, accumulator): present, in
# the markdown too, and no longer than the macro it sits in. The timed netlist is hierarchical,
# and ABC's buffering inside each module still shortens the macro's path against the area
# netlist timed as it is (the input register's load enable drives 80 flip-flops).
check sta_blocks python3 - "$tmp/a/synth/area.json" "$tmp/a/synth/area.md" "$tmp/u/synth/area.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["timing"]
md = open(sys.argv[2]).read()
u = json.load(open(sys.argv[3]))["timing"]
m = a["macro"]["critical_path_ns"]
names = [b["module"] for b in a["blocks"]]
for want in ("sta_n16_ctrl", "sta_n16_channel", "sta_n16_frontend", "sta_n16_shift_acc (W=8)"):
    assert want in names, (want, names)
assert "sta_n16_top" not in names and "sta_n16_adder_tree" not in names and "sta_n16_gating" not in " ".join(names), names
for b in a["blocks"]:
    assert 0 < b["critical_path_ns"] <= m + 1e-6, (b, m)
    assert abs(b["fmax_mhz"] - 1000 / b["critical_path_ns"]) < 1e-6 and b["startpoint"] and b["endpoint"], b
    assert "| " + b["module"] + " | " in md, b["module"]
assert "hierarchical" in a["mapping"] and "hierarchical" in u["mapping"], (a["mapping"], u["mapping"])
assert m < u["macro"]["critical_path_ns"], (m, u["macro"]["critical_path_ns"])
PY
check sta_report python3 - "$tmp/a/synth/area.json" "$tmp/b/synth/area.json" "$tmp/c/synth/area.json" "$tmp/z/synth/area.json" <<'PY'
import json, sys
ra = json.load(open(sys.argv[1]))
a, b, c, z = (json.load(open(f))["timing"] for f in sys.argv[1:])
tr = ra["adder_tree"]
cells = tr["library_adder_cells"]
assert cells["full_adder"] == "FAX1" and cells["half_adder"] == "HAX1", cells
assert cells["full_adders_used"] == tr["full_adders"] > 0 and cells["half_adders_used"] == tr["half_adders"], (cells, tr)
m = a["macro"]
assert a["clock_ns"] == 8 and a["activity"]["input_toggles_per_clock"] == 0.2, a["activity"]
assert abs(m["critical_path_ns"] - (8 - m["worst_slack_ns"])) < 1e-9, m
assert abs(m["fmax_mhz"] - 1000 / m["critical_path_ns"]) < 1e-6
st = m["stages"]
assert len(st) >= 3 and st[-1]["pin"].startswith(m["endpoint"]), (st[-1], m["endpoint"])
assert abs(sum(s["delay_ns"] for s in st) - st[-1]["time_ns"]) < 1e-3 * len(st)
assert 0 < a["adder_tree_alone"]["critical_path_ns"] <= m["critical_path_ns"]
p = m["power_w"]
assert p["total"] > 0 and abs(p["internal"] + p["switching"] + p["leakage"] - p["total"]) <= 1e-3 * p["total"], p
v = a["per_vector"]
assert abs(v["energy_pj"] - p["total"] * v["initiation_interval"] * 8 * 1e3) <= 1e-6 * v["energy_pj"], v
t = a["throughput"]
assert abs(t["tops_per_w"] - v["ops"] / (v["energy_pj"] * 1e-12) / 1e12) <= 1e-6 * t["tops_per_w"], t
assert v["ops"] == 2 * 16 * 4 and t["bitcell_area_um2"] == 140 * 0.18 ** 2, (v, t)
# More toggles at the inputs, more energy; a wider vector, more energy per vector.
assert b["activity"]["ports"] == 16 * 5 and b["activity"]["mean_port_toggles_per_clock"] > 0, b["activity"]
assert z["activity"]["mean_port_toggles_per_clock"] == 0, z["activity"]
assert b["per_vector"]["energy_pj"] > z["per_vector"]["energy_pj"], (b["per_vector"], z["per_vector"])
assert c["per_vector"]["energy_pj"] > 1.5 * v["energy_pj"], (c["per_vector"], v)
PY

# --- 4. Activity simulated: toggles counted per net bit by a toggle-coverage model.
cache=${sim_cache:-$tmp/simcache}
python3 -c 'print("\n".join(" ".join([v] + ["0"] * 15) for v in "0101"))' > "$tmp/x0101.txt"
sim_activity() {  # sim_activity INPUTS OUT
  "$cimgen" sim "$tmp/n16.json" --weights "$tmp/w.txt" --inputs "$1" --activity "$2" --cache "$cache" > "$tmp/sim.log" 2>&1 ||
    { cat "$tmp/sim.log"; failed=$((failed + 1)); echo "FAIL sim_activity $1"; }
}
sim_activity "$tmp/x0101.txt" "$tmp/act0101.txt"
sim_activity "$tmp/xr.txt" "$tmp/actr.txt"
sim_activity "$tmp/xz.txt" "$tmp/actz.txt"
check activity_hand_worked python3 - "$tmp/act0101.txt" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0].startswith("# cimgen activity 1") and lines[1] == "top sta_n16_top", lines[:2]
assert lines[2] == "window 4 vectors 36 cycles", lines[2]  # 4 vectors x II = 9 cycles
t = {l.split()[2]: int(l.split()[0]) for l in lines[3:]}
# x_data[0] is bit 0 of element 0: 0 -> 1 -> 0 -> 1 as vectors 1, 2, 3 enter; the other bits stay 0.
assert t["x_data[0]"] == 3, t["x_data[0]"]
assert all(t[f"x_data[{b}]"] == 0 for b in range(1, 80)), [b for b in range(1, 80) if t[f"x_data[{b}]"]]
assert t["clk"] == 2 * 36, t["clk"]
PY
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 --activity "$tmp/actr.txt" -o "$tmp/sr" -q > /dev/null
"$cimgen" synth "$tmp/n16.json" --tech osu018 --clock-ns 8 --activity "$tmp/actz.txt" -o "$tmp/sz" -q > /dev/null
check activity_simulated python3 - "$tmp/sr/synth/area.json" "$tmp/sz/synth/area.json" "$tmp/z/synth/area.json" "$tmp/sr/synth/area.md" <<'PY'
import json, sys
r, z, iz = (json.load(open(f))["timing"] for f in sys.argv[1:4])
for t in (r, z):
    a = t["activity"]
    assert a["source"] == "simulated" and a["vectors"] == 40 and a["cycles"] == 40 * 9, a
    assert 0 < a["nets_measured"] < a["nets"] and a["nets_measured"] + a["nets_propagated"] + a["blackbox_inputs"] == a["nets"], a
assert "activity: simulated (40 vectors, 360 cycles, from " in open(sys.argv[4]).read()
er, ez = r["per_vector"]["energy_pj"], z["per_vector"]["energy_pj"]
print(f"synth_sta: energy per vector, simulated activity: random {er:.1f} pJ, all-zero {ez:.1f} pJ "
      f"({100 * (er - ez) / er:.1f} % less); input-port activity only, all-zero: {iz['per_vector']['energy_pj']:.1f} pJ")
assert ez < er, (ez, er)
PY

echo "synth_sta: $passed passed, $failed failed"
[ "$failed" = 0 ]
