#!/usr/bin/env python3
"""CSV, markdown and gnuplot PNGs of a `scripts/compare_htree.sh` sweep.

  python3 scripts/compare_htree_report.py WORK_DIR LIST_FILE OUT_DIR

WORK_DIR holds <name>.json (spec), <name>/ (the `cimgen synth` output) and, for H-tree points,
<name>.links.json (scripts/htree_link_bits.py) for every name in LIST_FILE (one per line,
optionally numbered as `nl` prints them). Writes OUT_DIR/compare_htree.csv,
OUT_DIR/compare_htree.md and OUT_DIR/*.png (PNGs only if gnuplot is installed).
"""
import csv
import json
import os
import shutil
import subprocess
import sys

FIELDS = ["design", "B", "N", "C", "m", "n", "L", "gate_equivalents", "flip_flops", "bank_gate_equivalents",
          "cycles_per_vector", "latency", "root_links", "root_down_bits_per_vector", "root_up_bits_per_vector",
          "manifest_root_down_bits_per_vector", "multiply_based_down_bits_per_vector", "array_bitcells"]


def row(work, name):
    spec = json.load(open(os.path.join(work, name + ".json")))
    area = json.load(open(os.path.join(work, name, "synth", "area.json")))
    man = json.load(open(os.path.join(work, name, "manifest.json")))
    N, n = spec["vector_length"], spec["input_bits"]
    ht = "htree" in spec
    r = {"design": "htree" if ht else "flat near_memory", "B": spec["htree"]["banks"] if ht else 1, "N": N,
         "C": spec["channels"], "m": spec["weight_bits"], "n": n, "L": spec["uarray_columns"],
         "gate_equivalents": round(area["periphery"]["gate_equivalents"]), "flip_flops": area["periphery"]["flip_flops"],
         "bank_gate_equivalents": "", "cycles_per_vector": man["initiation_interval"], "latency": man["latency"],
         "root_links": "", "root_down_bits_per_vector": "", "root_up_bits_per_vector": "",
         "manifest_root_down_bits_per_vector": "", "multiply_based_down_bits_per_vector": N * (n + 1),
         "array_bitcells": area["array"]["bitcells"]}
    if ht:
        links = json.load(open(os.path.join(work, name + ".links.json")))
        # The measured timing must be the manifest's (the Icarus run checks the generated design).
        if links["cycles_per_vector"] != man["initiation_interval"] or links["latency"] != man["latency"]:
            sys.exit(f"compare-htree: {name}: measured II/latency {links['cycles_per_vector']}/{links['latency']}, "
                     f"manifest {man['initiation_interval']}/{man['latency']}")
        level1 = man["derived"]["htree"]["traffic"][0] if "derived" in man else None
        banks = [b for b in area["blocks"] if b["block"].startswith("H-tree banks")]
        r.update({"bank_gate_equivalents": round(sum(b["gate_equivalents"] for b in banks)),
                  "root_links": links["root_links"],
                  "root_down_bits_per_vector": round(links["root_down_bits_per_vector"], 2),
                  "root_up_bits_per_vector": round(links["root_up_bits_per_vector"], 2),
                  "manifest_root_down_bits_per_vector": level1["down_bits_per_vector"] if level1 else ""})
    return r


def markdown(rows):
    md = ["# H-tree core against the flat near_memory macro\n",
          f"N = {rows[0]['N']}, C = {rows[0]['C']}, m = n, dadda trees, fanout 4, 1 link stage; B = 1 is the flat "
          "near_memory macro. GE: periphery gate equivalents (`cimgen synth`, generic library). Root-link bits: "
          "measured in Icarus on the generated RTL (`scripts/htree_link_bits.py`: beats per vector on the root's "
          "links times the wires that carry the vector, down; times the link width, up). Multiply-based: a "
          "distributed design that sends every element's n+1 bits down, N(n+1).\n",
          "| B | n | GE | bank sequencers GE | flip-flops | cycles/vector | latency | root links | root down bits/vector (measured) "
          "| manifest | multiply-based N(n+1) | root up bits/vector (measured) |",
          "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        md.append(f"| {r['B']} | {r['n']} | {r['gate_equivalents']} | {r['bank_gate_equivalents'] or '-'} | "
                  f"{r['flip_flops']} | {r['cycles_per_vector']} | {r['latency']} | {r['root_links'] or '-'} | "
                  f"{r['root_down_bits_per_vector'] if r['root_down_bits_per_vector'] != '' else '- (no tree)'} | "
                  f"{r['manifest_root_down_bits_per_vector'] or '-'} | {r['multiply_based_down_bits_per_vector']} | "
                  f"{r['root_up_bits_per_vector'] if r['root_up_bits_per_vector'] != '' else '-'} |")
    return "\n".join(md) + "\n"


def plots(rows, out):
    if not shutil.which("gnuplot"):
        print("compare-htree: gnuplot not found, no PNGs", file=sys.stderr)
        return []
    banks = sorted({r["B"] for r in rows})
    bits = sorted({r["n"] for r in rows})
    by = {(r["B"], r["n"]): r for r in rows}
    made, tmp = [], []

    def dat(name, lines):
        p = os.path.join(out, f".{name}.dat")
        with open(p, "w") as f:
            f.write("\n".join(lines) + "\n")
        tmp.append(p)
        return p

    def gp(png, script, series):
        plot = ", ".join(f'"{f}" using 1:2 with linespoints lw 2 title "{t}"' for f, t in series)
        subprocess.run(["gnuplot"], input='set terminal pngcairo size 900,560 font "sans,11"\nset grid\n'
                       f'set key left top\nset output "{png}"\n{script}\nplot {plot}\n', text=True, check=True)
        made.append(png)

    # 1. Root down-link bits per vector against n: flat for the H-tree, N(n+1) multiply-based.
    series = [(dat(f"bits_b{b}", [f"{n} {by[(b, n)]['root_down_bits_per_vector']}" for n in bits if (b, n) in by]),
               f"H-tree, B = {b} (measured)") for b in banks if b > 1]
    series.append((dat("bits_mult", [f"{n} {rows[0]['N'] * (n + 1)}" for n in bits]), "multiply-based, N(n+1)"))
    gp(os.path.join(out, "root_bits_vs_n.png"), 'set yrange [0:*]\nset xlabel "input bits n"\n'
       'set ylabel "bits per vector down the root links"\nset title "Root-link traffic per input vector '
       f'(N = {rows[0]["N"]})"', series)
    # 2. Area and cycles against B, per n.
    for metric, label, png in [("gate_equivalents", "gate equivalents (periphery)", "ge_vs_banks.png"),
                               ("cycles_per_vector", "cycles per input vector", "cycles_vs_banks.png"),
                               ("latency", "latency (cycles)", "latency_vs_banks.png")]:
        series = [(dat(f"{metric}_{n}", [f"{b} {by[(b, n)][metric]}" for b in banks if (b, n) in by]), f"m = n = {n}")
                  for n in bits]
        gp(os.path.join(out, png), f'set logscale x 2\nset yrange [0:*]\nset xlabel "banks B (1: flat macro)"\n'
           f'set ylabel "{label}"\nset title "H-tree core against the flat macro (N = {rows[0]["N"]}, '
           f'C = {rows[0]["C"]})"', series)
    for p in tmp:
        os.remove(p)
    return made


def main():
    work, list_file, out = sys.argv[1:4]
    names = [l.split()[-1] for l in open(list_file) if l.strip()]
    rows = sorted((row(work, n) for n in names), key=lambda r: (r["n"], r["B"]))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compare_htree.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    open(os.path.join(out, "compare_htree.md"), "w").write(markdown(rows))
    made = plots(rows, out)
    print(f"compare-htree: wrote {out}/compare_htree.csv, compare_htree.md and {len(made)} PNGs", file=sys.stderr)


if __name__ == "__main__":
    main()
