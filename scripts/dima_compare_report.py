#!/usr/bin/env python3
"""CSV, markdown and gnuplot PNGs of a `scripts/dima_compare.sh` run.

  python3 scripts/dima_compare_report.py OUT DESIGNS_TSV SIGMAS [TECH]

DESIGNS_TSV: one `N  m  name` line per design; OUT/<name>/ is its generic `cimgen synth` output,
OUT/<name>.<TECH>/ its `--tech` output (when TECH is given), OUT/<name>.noise its
`cimgen sim --noise-sigma SIGMAS` report. Writes OUT/dima_compare.csv, OUT/dima_compare.md (also
as OUT/table.md) and, if gnuplot is installed, OUT/csnr_vs_sigma.png and OUT/periphery.png.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys


def design_row(out, n, b, name, sigmas, tech):
    d = os.path.join(out, name)
    man = json.load(open(os.path.join(d, "manifest.json")))
    area = json.load(open(os.path.join(d, "synth", "area.json")))
    csnr = [re.search(r"CSNR (-?[0-9.]+|inf) dB", line).group(1)
            for line in open(os.path.join(out, name + ".noise")) if line.startswith("NOISE")]
    if len(csnr) != len(sigmas):
        sys.exit(f"dima_compare: {name}.noise has {len(csnr)} NOISE lines, expected {len(sigmas)}")
    r = {"N": n, "m_n": b, "design": name, "datapath": man["spec"]["datapath"],
         "conversions_per_channel": man["conversions_per_channel"], "adc_bits": man["spec"]["adc"]["bits"],
         "cycles_per_vector": man["initiation_interval"],
         "periphery_ge": "%.0f" % area["periphery"]["gate_equivalents"],
         "timed_um2": "", "fmax_mhz": "", "energy_pj": ""}
    if tech:
        t = json.load(open(os.path.join(out, f"{name}.{tech}", "synth", "area.json")))["timing"]
        r["timed_um2"] = "%.0f" % t["macro"]["timed_netlist"]["area_um2"]
        r["fmax_mhz"] = "%.1f" % t["macro"]["fmax_mhz"]
        r["energy_pj"] = "%.1f" % t["per_vector"]["energy_pj"]
    for s, c in zip(sigmas, csnr):
        r["csnr_db_sigma_" + s] = c
    return r


def markdown(rows, sigmas, tech):
    real = ["timed um^2 (%s)" % tech, "fmax MHz", "pJ / vector"] if tech else []
    head = (["N", "m = n", "design", "conversions / channel", "ADC bits", "cycles / vector", "periphery GE"]
            + real + ["CSNR dB, sigma %s" % s for s in sigmas])
    lines = ["| " + " | ".join(head) + " |", "| ---: | ---: | --- | " + " | ".join("---:" for _ in head[3:]) + " |"]
    for r in rows:
        f = [r["N"], r["m_n"], "%s (%s)" % (r["design"], r["datapath"]), r["conversions_per_channel"],
             r["adc_bits"], r["cycles_per_vector"], r["periphery_ge"]]
        f += [r["timed_um2"], r["fmax_mhz"], r["energy_pj"]] if tech else []
        f += [r["csnr_db_sigma_" + s] for s in sigmas]
        lines.append("| " + " | ".join(str(x) for x in f) + " |")
    return "\n".join(lines) + "\n"


def kind(r):
    """in_memory, dima (lossless) or dimaB (B-bit ADC): the design family of a row."""
    return r["design"].split("_")[0]


def plots(rows, out, sigmas, tech):
    if not shutil.which("gnuplot"):
        print("dima_compare: gnuplot not found, no PNGs", file=sys.stderr)
        return []
    points = sorted({(int(r["N"]), int(r["m_n"])) for r in rows})
    kinds = list(dict.fromkeys(kind(r) for r in rows))
    label = {k: ("MF in_memory" if k == "im" else "DIMA lossless ADC" if k == "dima" else
                 "DIMA %s-bit ADC" % k[4:]) for k in kinds}
    by = {(int(r["N"]), int(r["m_n"]), kind(r)): r for r in rows}
    tmp = []

    def dat(name, lines):
        p = os.path.join(out, name)
        with open(p, "w") as f:
            f.write("\n".join(lines) + "\n")
        tmp.append(p)
        return p

    head = 'set terminal pngcairo noenhanced size 1000,760 font "sans,10"\n'
    # 1. CSNR versus sigma, one panel per (N, m = n); an infinite CSNR (bit-exact) is not drawn.
    cols = 2 if len(points) > 1 else 1
    rws = (len(points) + cols - 1) // cols
    gp = head + f'set output "{out}/csnr_vs_sigma.png"\nset multiplot layout {rws},{cols} title ' \
                '"CSNR against sigma (fraction of one column\'s full-scale level); missing points: bit-exact"\n'
    gp += "set grid\nset logscale x 10\nset key top right\nset xlabel \"sigma\"\nset ylabel \"CSNR dB\"\n"
    for n, b in points:
        series = []
        for k in kinds:
            r = by[(n, b, k)]
            vals = [r["csnr_db_sigma_" + s] for s in sigmas]
            f = dat(f".csnr_{n}_{b}_{k}.dat", [f"{s} {'NaN' if v == 'inf' else v}" for s, v in zip(sigmas, vals)])
            series.append(f'"{f}" using 1:2 with linespoints lw 2 title "{label[k]}"')
        gp += f'set title "N = {n}, m = n = {b}"\nplot ' + ", ".join(series) + "\n"
    subprocess.run(["gnuplot"], input=gp + "unset multiplot\n", text=True, check=True)
    # 2. Periphery cost per design: GE, and with a real library um^2 and energy per vector.
    metrics = [("periphery_ge", "periphery gate equivalents (generic)")]
    if tech:
        metrics += [("timed_um2", f"timed periphery um^2 ({tech})"), ("energy_pj", f"pJ per vector ({tech}, 10 ns clock)")]
    metrics += [("cycles_per_vector", "cycles per vector (C = 1)")]
    gp = head.replace("1000,760", "1000,%d" % (300 * ((len(metrics) + 1) // 2))) + f'set output "{out}/periphery.png"\n'
    gp += f"set multiplot layout {(len(metrics) + 1) // 2},2 title \"Periphery cost per design (bit cells and analog models excluded)\"\n"
    gp += "set grid y\nset style data histogram\nset style histogram clustered gap 1\nset style fill solid 0.8 border -1\n"
    gp += "set key top left\nset yrange [0:*]\nset offsets 0, 0, graph 0.45, 0\nset xtics nomirror\n"
    for key, title in metrics:
        f = dat(f".bar_{key}.dat", ['"N=%d m=%d" ' % (n, b) + " ".join(str(by[(n, b, k)][key]) for k in kinds)
                                   for n, b in points])
        series = ", ".join(f'"{f}" using {i + 2}{":xtic(1)" if i == 0 else ""} title "{label[k]}"' for i, k in enumerate(kinds))
        gp += f'set title "{title}"\nplot {series}\n'
    subprocess.run(["gnuplot"], input=gp + "unset multiplot\n", text=True, check=True)
    for p in tmp:
        os.remove(p)
    return [os.path.join(out, "csnr_vs_sigma.png"), os.path.join(out, "periphery.png")]


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: dima_compare_report.py OUT DESIGNS_TSV SIGMAS [TECH]")
    out, listing, sig = sys.argv[1:4]
    tech = sys.argv[4] if len(sys.argv) == 5 else ""
    sigmas = sig.split(",")
    rows = [design_row(out, *line.split(), sigmas, tech) for line in open(listing) if line.strip()]
    fields = list(rows[0].keys())
    with open(os.path.join(out, "dima_compare.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    md = markdown(rows, sigmas, tech)
    for name in ("dima_compare.md", "table.md"):
        with open(os.path.join(out, name), "w") as f:
            f.write(md)
    made = plots(rows, out, sigmas, tech)
    print(f"dima_compare: wrote {out}/dima_compare.csv ({len(rows)} rows), dima_compare.md, {len(made)} PNGs",
          file=sys.stderr)


if __name__ == "__main__":
    main()
