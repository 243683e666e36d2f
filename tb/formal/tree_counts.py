#!/usr/bin/env python3
"""Adder-tree bookkeeping for tb/formal/tree_equiv.sh.

tree_counts.py TREE.v MANIFEST.json COMB.v COMB_MODULE
Checks every `// FA` cell is sum = a ^ b ^ c with carry (a & b) | (c & (a ^ b)) (or no carry),
every `// HA` cell is sum = a ^ b with carry a & b (or no carry), and that their counts equal
the manifest's adder_tree.full_adders / half_adders. Writes COMB.v: the tree with every
`always @(posedge clk) x <= y;` replaced by `always @* x = y;` (the registers as wires), module
renamed COMB_MODULE, and one more output `zdrop` holding the carries the generator dropped (a cell
with no carry line: only the top column drops its carry, which is always zero). With them the tree's
sum identity SUM_k 2^k count[k] + 2^W SUM_j zdrop[j] = popcount(bits) is exact, so ABC `&polyn`
proves it without expanding the dropped carries, and since popcount(bits) <= L < 2^W it also proves
every zdrop[j] = 0. Prints "fa F/F ha H/H regs R" and exits 1 on any mismatch."""
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
dropped = []  # carry expressions of the top-column cells without a carry line
weight = {}   # wire -> log2 of its weight in the sum (bits[i]: 0)
out_w = None
dropped_low = 0  # carries dropped below the top column (ripple: a sub-adder's top), not exposed


def w_of(x):
    m = re.match(r"bits\[\d+\]$", x)
    return 0 if m else weight.get(x)


def drop(expr, a):
    global dropped_low
    if w_of(a) is not None and w_of(a) + 1 == out_w:
        dropped.append(expr)
    else:
        dropped_low += 1


def cell(kind, sum_wire, a, carry, i, nxt):
    """One FA/HA cell at line i: its sum's and carry's weights, its carry line (the next line)
    checked against `carry`, or its carry dropped when it has none."""
    cm = carry_line.match(nxt)
    if w_of(a) is not None:
        weight[sum_wire] = w_of(a)
    if not cm or "//" in nxt or cm.group(1).startswith("count["):
        drop(carry, a)
        return
    if w_of(a) is not None:
        weight[cm.group(1)] = w_of(a) + 1
    if cm.group(2) != carry:
        errors.append(f"line {i + 2}: {kind} carry is '{cm.group(2)}'")


copy_line = re.compile(rf"^\s*(?:assign|always @\(posedge clk\)) {op} <?= {op};$")
out_decl = re.compile(r"^\s*output wire \[(\d+)-1:0\] count$")
for i, line in enumerate(lines):
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    m = out_decl.match(line)
    if m:
        out_w = int(m.group(1))
    m = copy_line.match(line)
    if m and w_of(m.group(2)) is not None:
        weight[m.group(1)] = w_of(m.group(2))
    m = fa_sum.match(line)
    if m:
        fa += 1
        a, b, c = m.group(2, 3, 4)
        cell("FA", m.group(1), a, f"({a} & {b}) | ({c} & ({a} ^ {b}))", i, nxt)
        continue
    m = ha_sum.match(line)
    if m:
        ha += 1
        a, b = m.group(2, 3)
        cell("HA", m.group(1), a, f"{a} & {b}", i, nxt)
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
if dropped:
    comb = comb.replace(f"output wire [{out_w}-1:0] count\n",
                        f"output wire [{out_w}-1:0] count,\n  output wire [{len(dropped)}-1:0] zdrop\n", 1)
    comb = comb.replace("endmodule", "".join(f"  assign zdrop[{j}] = {e};\n" for j, e in enumerate(dropped))
                        + "endmodule", 1)
if "posedge" in comb:
    errors.append("a clocked statement left in the register-free copy")
open(comb_out, "w").write(comb)
print(f"fa {fa}/{at['full_adders']} ha {ha}/{at['half_adders']} regs {at['pipeline_registers']}"
      + f" drop {len(dropped)}+{dropped_low}"
      + ("" if not errors else " ERROR " + "; ".join(errors)))
sys.exit(1 if errors else 0)
