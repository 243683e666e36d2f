#!/usr/bin/env python3
"""CSV, markdown and gnuplot PNGs of a `scripts/compare.sh` sweep.

  python3 scripts/compare_report.py WORK_DIR LIST_FILE OUT_DIR

WORK_DIR holds enums.json (`cimgen enums --json`: the operators and tree kinds, in table order),
and <name>.json (spec) and <name>/ (the `cimgen synth` output) for every name in LIST_FILE (one
per line, optionally numbered as `nl` prints them). Writes OUT_DIR/compare.csv, OUT_DIR/compare.md
and OUT_DIR/*.png (PNGs only if gnuplot is installed).
"""
import csv
import json
import os
import shutil
import subprocess
import sys


def clog2(v):
    b = 0
    while (1 << b) < v:
        b += 1
    return b


# How the report names each operator: MF against the multiply-based baseline. An operator of
# `cimgen enums` missing here stops the report (it would otherwise be dropped from the tables).
OPERATOR_LABELS = {"mf": "MF", "conventional": "multiply-based"}

FIELDS = ["operator", "tree", "N", "bits", "C", "L", "S", "gate_equivalents", "flip_flops", "depth_levels",
          "cycles_per_vector", "latency", "ge_x_cycles", "converter_bits", "array_bitcells", "tree_instances",
          "tree_gate_equivalents", "tree_depth_levels", "tree_full_adders", "tree_half_adders",
          "tree_full_adder_lower_bound", "tree_adder_levels",
          # Real cell library only (COMPARE_TECH): OpenSTA figures, empty otherwise.
          "area_um2", "fmax_mhz", "critical_path_ns", "energy_pj", "energy_delay_pj_ns", "tops_per_w",
          "tree_area_um2", "popcount_area_um2", "tree_fa_cells"]


def real_units(area):
    """OpenSTA figures of a real-library report (COMPARE_TECH), or empty fields."""
    if "timing" not in area:
        return {k: "" for k in FIELDS[FIELDS.index("area_um2"):]}
    t, tree = area["timing"], area["adder_tree"]
    cells = tree.get("library_adder_cells", {})
    return {"area_um2": round(t["macro"]["timed_netlist"]["area_um2"]), "fmax_mhz": round(t["macro"]["fmax_mhz"], 1),
            "critical_path_ns": round(t["macro"]["critical_path_ns"], 3),
            "energy_pj": round(t["per_vector"]["energy_pj"], 2),
            "energy_delay_pj_ns": round(t["per_vector"]["energy_delay_pj_ns"]),
            "tops_per_w": round(t["throughput"]["tops_per_w"], 4),
            "tree_area_um2": tree.get("area", ""), "popcount_area_um2": tree.get("behavioral", {}).get("area", ""),
            "tree_fa_cells": cells.get("full_adders_used", "")}


def row(work, name):
    spec = json.load(open(os.path.join(work, name + ".json")))
    area = json.load(open(os.path.join(work, name, "synth", "area.json")))
    man = json.load(open(os.path.join(work, name, "manifest.json")))
    N, L, bits = spec["vector_length"], spec["uarray_columns"], spec["input_bits"]
    t = area["adder_tree"]
    ge = area["periphery"]["gate_equivalents"]
    ii = man["initiation_interval"]
    # Converter resolution a macro of this operator needs per conversion: MF counts one bit-plane
    # step of L columns, clog2(L+1) bits; a DAC-driven multi-bit macro sums n-bit products of
    # L columns, n + clog2(L+1) bits.
    count_bits = clog2(L + 1)
    return {
        "operator": spec["operator"], "tree": spec["adder_tree"]["kind"], "N": N, "bits": bits,
        "C": spec["channels"], "L": L, "S": -(-N // L),
        "gate_equivalents": round(ge), "flip_flops": area["periphery"]["flip_flops"],
        "depth_levels": area["periphery"]["longest_path_levels"],
        "cycles_per_vector": ii, "latency": man["latency"], "ge_x_cycles": round(ge * ii),
        "converter_bits": count_bits if spec["operator"] == "mf" else bits + count_bits,
        "array_bitcells": area["array"]["bitcells"], "tree_instances": t["instances"],
        "tree_gate_equivalents": round(t["gate_equivalents"], 1), "tree_depth_levels": t["depth_levels"],
        "tree_full_adders": t["full_adders"], "tree_half_adders": t["half_adders"],
        "tree_full_adder_lower_bound": t["full_adder_lower_bound"], "tree_adder_levels": t["adder_levels"],
        **real_units(area),
    }


ENUMS = {}  # `cimgen enums --json`, read by main()


def check_enums(rows):
    """Every operator of cimgen has a label here; every row's operator and tree kind is one of cimgen's."""
    unknown = [op for op in ENUMS["operator"] if op not in OPERATOR_LABELS]
    if unknown:
        sys.exit(f"compare_report: operator(s) {unknown} of `cimgen enums` have no place in the report "
                 f"(OPERATOR_LABELS in {__file__})")
    for r in rows:
        if r["operator"] not in ENUMS["operator"] or r["tree"] not in ENUMS["adder_tree.kind"]:
            sys.exit(f"compare_report: row {r['operator']}/{r['tree']} is not in `cimgen enums`")


def axes(rows):
    """Rows by (operator, tree, N, bits); the bit widths, Ns and tree kinds swept (in cimgen's table
    order); the tree kind of the MF-versus-multiplier comparison (dadda if swept, else the last)."""
    by = {(r["operator"], r["tree"], r["N"], r["bits"]): r for r in rows}
    bits_list = sorted({r["bits"] for r in rows})
    ns = sorted({r["N"] for r in rows})
    trees = [t for t in ENUMS["adder_tree.kind"] if any(r["tree"] == t for r in rows)]
    return by, bits_list, ns, trees, ("dadda" if "dadda" in trees else trees[-1])


def markdown(rows):
    by, bits_list, ns, trees, ref = axes(rows)
    C = rows[0]["C"]
    md = []
    md.append(f"### MF versus multiply-based macro ({ref} trees, C = {C}, L = min(N, 64), near_memory)")
    md.append("")
    md.append("| m = n | N | MF GE | mult. GE | MF / mult. | MF cycles | mult. cycles | MF GE x cycles | mult. GE x cycles "
              "| MF depth | mult. depth | MF converter bits | DAC macro converter bits |")
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for b in bits_list:
        for n in ns:
            a, c = by.get(("mf", ref, n, b)), by.get(("conventional", ref, n, b))
            if not a or not c:
                continue
            md.append(f"| {b} | {n} | {a['gate_equivalents']} | {c['gate_equivalents']} | "
                      f"{a['gate_equivalents'] / c['gate_equivalents']:.2f} | {a['cycles_per_vector']} | "
                      f"{c['cycles_per_vector']} | {a['ge_x_cycles']} | {c['ge_x_cycles']} | {a['depth_levels']} | "
                      f"{c['depth_levels']} | {a['converter_bits']} | {c['converter_bits']} |")
    md.append("")
    lib = "the cell library's NAND2 = 1" if rows[0]["area_um2"] != "" else "cimgen_generic library, NAND2 = 1"
    md.append(f"GE: gate equivalents of the synthesized periphery ({lib}), bit cells "
              "excluded (the same (m+1)N C + N cells for both). Cycles: initiation interval per input vector. Depth: "
              "longest path in cell levels. Converter bits: resolution per conversion of an in-memory version, "
              "clog2(L+1) for the MF bit-plane counts, n + clog2(L+1) for a DAC-driven multi-bit macro.")
    md.append("")
    b0 = bits_list[0]
    md.append(f"### Adder-tree kinds (MF, m = n = {b0}, C = {C}; per tree of L inputs)")
    md.append("")
    md.append("| N | L | tree | full adders (lower bound) | half adders | adder levels | tree GE | tree depth "
              "| macro GE | macro depth |")
    md.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in ns:
        for t in trees:
            r = by.get(("mf", t, n, b0))
            if not r:
                continue
            netlist = r["tree_full_adders"] + r["tree_half_adders"] > 0  # a behavioral tree has no adders to count
            fa = f"{r['tree_full_adders']} ({r['tree_full_adder_lower_bound']})" if netlist else "-"
            ha = str(r["tree_half_adders"]) if netlist else "-"
            lv = str(r["tree_adder_levels"]) if netlist else "-"
            md.append(f"| {n} | {r['L']} | {t} | {fa} | {ha} | {lv} | {r['tree_gate_equivalents']} | "
                      f"{r['tree_depth_levels']} | {r['gate_equivalents']} | {r['depth_levels']} |")
    md.append("")
    if rows[0]["area_um2"] != "":
        md += markdown_real_units(rows)
    return "\n".join(md) + "\n"


def markdown_real_units(rows):
    """MF against the multiply-based macro, and the trees against Yosys's popcount, in real units."""
    by, bits_list, ns, trees, ref = axes(rows)
    md = [f"### Real units: MF versus multiply-based macro ({ref} trees, OpenSTA at a 10 ns clock, vectorless "
          "input activity 0.2)", "",
          "| m = n | N | MF um^2 | mult. um^2 | MF fmax MHz | mult. fmax MHz | MF pJ/vector | mult. pJ/vector "
          "| MF pJ*ns/vector | mult. pJ*ns/vector | MF TOPS/W | mult. TOPS/W |",
          "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for b in bits_list:
        for n in ns:
            a, c = by.get(("mf", ref, n, b)), by.get(("conventional", ref, n, b))
            if a and c:
                md.append(f"| {b} | {n} | {a['area_um2']} | {c['area_um2']} | {a['fmax_mhz']} | {c['fmax_mhz']} | "
                          f"{a['energy_pj']} | {c['energy_pj']} | {a['energy_delay_pj_ns']} | {c['energy_delay_pj_ns']} "
                          f"| {a['tops_per_w']} | {c['tops_per_w']} |")
    md += ["", "Area: the timed (buffered) periphery netlist; energy per vector = power x II x 10 ns; bit cells, analog "
           "models and the clock tree excluded.", "",
           "| N | L | tree | library FA cells | tree um^2 | Yosys popcount um^2 | tree / popcount |",
           "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    for n in ns:
        for t in trees:
            r = by.get(("mf", t, n, bits_list[0]))
            if r and r["tree_area_um2"] != "" and r["popcount_area_um2"]:
                md.append(f"| {n} | {r['L']} | {t} | {r['tree_fa_cells']} | {r['tree_area_um2']:.0f} | "
                          f"{r['popcount_area_um2']:.0f} | {r['tree_area_um2'] / r['popcount_area_um2']:.3f} |")
    return md + [""]


def plots(rows, out):
    if not shutil.which("gnuplot"):
        print("compare: gnuplot not found, no PNGs", file=sys.stderr)
        return []
    by, bits_list, ns, trees, ref = axes(rows)
    made = []

    def dat(path, lines):
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")

    def gp(script):
        subprocess.run(["gnuplot"], input=script, text=True, check=True)

    common = 'set terminal pngcairo size 900,560 font "sans,11"\nset grid\nset key left top\nset logscale x 2\n'
    def vs_n(metric, label, name, yscale, title):
        """One PNG of `metric` versus N, MF against multiply-based, per bit width."""
        series = []
        for b in bits_list:
            for op in ENUMS["operator"]:
                f = os.path.join(out, f".{name}_{op}_{b}.dat")
                dat(f, [f"{n} {by[(op, ref, n, b)][metric]}" for n in ns if (op, ref, n, b) in by])
                series.append((f, f"{OPERATOR_LABELS[op]}, m = n = {b}"))
        png = os.path.join(out, f"{name}_vs_n.png")
        plot = ", ".join(f'"{f}" using 1:2 with linespoints lw 2 title "{t}"' for f, t in series)
        gp(common + yscale + f'set output "{png}"\nset xlabel "vector length N"\nset ylabel "{label}"\n'
           f'set title "{title} ({ref} trees, C = {rows[0]["C"]})"\nplot {plot}\n')
        made.append(png)

    # 1. GE and GE x cycles versus N, MF against multiply-based, per bit width.
    log_y, from_0 = "set logscale y 10\n", "set yrange [0:*]\n"
    for metric, label, name in [("gate_equivalents", "gate equivalents (periphery)", "ge"),
                                ("ge_x_cycles", "GE x cycles per vector", "ge_x_cycles")]:
        vs_n(metric, label, name, log_y, "MF versus multiply-based macro")
    # 1b. Real units (COMPARE_TECH): timed area, fmax and energy per vector versus N.
    if rows[0]["area_um2"] != "":
        for metric, label, name, yscale in [("area_um2", "timed periphery area (um^2)", "area_um2", log_y),
                                            ("fmax_mhz", "fmax (MHz, OpenSTA)", "fmax", from_0),
                                            ("energy_pj", "energy per vector (pJ)", "energy", log_y)]:
            vs_n(metric, label, name, yscale, "MF versus multiply-based macro, real units")
    # 2. Cycles per vector.
    series = []
    for b in bits_list:
        for op in ENUMS["operator"]:
            f = os.path.join(out, f".cyc_{op}_{b}.dat")
            dat(f, [f"{n} {by[(op, ref, n, b)]['cycles_per_vector']}" for n in ns if (op, ref, n, b) in by])
            series.append((f, f"{OPERATOR_LABELS[op]}, m = n = {b}"))
    png = os.path.join(out, "cycles_vs_n.png")
    plot = ", ".join(f'"{f}" using 1:2 with linespoints lw 2 title "{t}"' for f, t in series)
    gp(common + f'set yrange [0:*]\nset output "{png}"\nset xlabel "vector length N"\nset ylabel "cycles per input vector"\n'
       f'set title "Throughput: m + n + 1 row reads (MF) versus m n + 2 (multiply-based)"\nplot {plot}\n')
    made.append(png)
    # 3. Adder trees: GE and depth per tree of L inputs.
    b0 = bits_list[0]
    for metric, label, name in [("tree_gate_equivalents", "GE of one tree", "tree_ge"),
                                ("tree_depth_levels", "cell levels of one tree", "tree_depth")]:
        series = []
        for t in trees:
            f = os.path.join(out, f".{name}_{t}.dat")
            dat(f, [f"{n} {by[('mf', t, n, b0)][metric]}" for n in ns if ("mf", t, n, b0) in by])
            series.append((f, t))
        png = os.path.join(out, f"{name}_vs_n.png")
        plot = ", ".join(f'"{f}" using 1:2 with linespoints lw 2 title "{t}"' for f, t in series)
        gp(common + f'set yrange [0:*]\nset output "{png}"\nset xlabel "vector length N (tree width L = min(N, 64))"\n'
           f'set ylabel "{label}"\nset title "Adder-tree kinds (MF, m = n = {b0})"\nplot {plot}\n')
        made.append(png)
    for f in os.listdir(out):
        if f.startswith(".") and f.endswith(".dat"):
            os.remove(os.path.join(out, f))
    return made


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: compare_report.py WORK_DIR LIST_FILE OUT_DIR")
    work, listing, out = sys.argv[1:]
    ENUMS.update(json.load(open(os.path.join(work, "enums.json"))))
    names = [line.split()[-1] for line in open(listing) if line.strip()]
    rows = [row(work, n) for n in names]
    check_enums(rows)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compare.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(out, "compare.md"), "w") as f:
        f.write(markdown(rows))
    made = plots(rows, out)
    print(f"compare: wrote {out}/compare.csv ({len(rows)} rows), {out}/compare.md, {len(made)} PNGs", file=sys.stderr)


if __name__ == "__main__":
    main()
