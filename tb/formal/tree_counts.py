#!/usr/bin/env python3
"""Adder-tree bookkeeping for tb/formal/tree_equiv.sh.

tree_counts.py TREE.v MANIFEST.json COMB.v COMB_MODULE
Checks every `// FA` cell is sum = a ^ b ^ c with carry (a & b) | (c & (a ^ b)) (or no carry),
every `// HA` cell is sum = a ^ b with carry a & b (or no carry), and that their counts equal
the manifest's adder_tree.full_adders / half_adders. Writes COMB.v: the tree with every
`always @(posedge clk) x <= y;` replaced by `always @* x = y;` (the registers as wires), module
renamed COMB_MODULE. Prints "fa F/F ha H/H regs R" and exits 1 on any mismatch."""
import json
import re
import sys

tree, manifest, comb_out, comb_name = sys.argv[1:5]
lines = open(tree).read().split("\n")
at = json.load(open(manifest))["adder_tree"]
op = r"([\w\[\]]+)"
fa_sum = re.compile(rf"^\s*assign {op} = {op} \^ {op} \^ {op};\s*// FA$")
ha_sum = re.compile(rf"^\s*assign {op} = {op} \^ {op};\s*// HA$")
carry_line = re.compile(rf"^\s*assign {op} = (.*);$")
errors = []
fa = ha = 0
for i, line in enumerate(lines):
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    m = fa_sum.match(line)
    if m:
        fa += 1
        a, b, c = m.group(2, 3, 4)
        cm = carry_line.match(nxt)
        if cm and "//" not in nxt and cm.group(2) != f"({a} & {b}) | ({c} & ({a} ^ {b}))":
            errors.append(f"line {i + 2}: FA carry is '{cm.group(2)}'")
        continue
    m = ha_sum.match(line)
    if m:
        ha += 1
        a, b = m.group(2, 3)
        cm = carry_line.match(nxt)
        if cm and "//" not in nxt and not cm.group(1).startswith("count[") and cm.group(2) != f"{a} & {b}":
            errors.append(f"line {i + 2}: HA carry is '{cm.group(2)}'")
        continue
    if "// FA" in line or "// HA" in line:
        errors.append(f"line {i + 1}: unrecognised cell '{line.strip()}'")
if fa != at["full_adders"]:
    errors.append(f"{fa} full adders in the netlist, manifest says {at['full_adders']}")
if ha != at["half_adders"]:
    errors.append(f"{ha} half adders in the netlist, manifest says {at['half_adders']}")

text = "\n".join(lines)
comb, regs = re.subn(r"always @\(posedge clk\)\s*([\w\[\].]+)\s*<=\s*([^;]+);", r"always @* \1 = \2;", text)
comb = re.sub(r"\bmodule\s+\w+", f"module {comb_name}", comb, count=1)
if "posedge" in comb:
    errors.append("a clocked statement left in the register-free copy")
open(comb_out, "w").write(comb)
print(f"fa {fa}/{at['full_adders']} ha {ha}/{at['half_adders']} regs {at['pipeline_registers']}"
      + ("" if not errors else " ERROR " + "; ".join(errors)))
sys.exit(1 if errors else 0)
