#!/usr/bin/env python3
"""Measure the bits an H-tree macro moves over its root's links per input vector, in Icarus.

  python3 scripts/htree_link_bits.py GEN_DIR [VECTORS]     (prints one JSON object)

GEN_DIR is the output of `cimgen generate` of a `datapath: "htree"` spec. The script reads the
root's links from the generated tree module (rtl/<name>_htree.v: the down links `dn_1_k` and
the up links `up_1_k` between the root and level 1), writes a small testbench that resets the
macro and sends VECTORS input vectors (default 8; the first all-positive, the second
all-negative, the rest random with a fixed seed) with y_ready high and no weight writes, and
counts at the root side of every root link:
  * down: the cycles in which the link carries go (a vector transfer) and, over those beats,
    the wires that carry the vector: the go flag that marks a beat, and every wire whose value
    changed between beats (the step(x) bits; the write fields stay idle);
  * up: the cycles in which the link carries a valid partial sum, times the link's width in
    the generated RTL (valid + C partial sums; all of them are driven by the node's adders).
Bits per vector = beats per vector x carrying wires, summed over the root's links. It also
measures cycles per vector (between consecutive x beats) and latency (x beat to y_valid).
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def root_links(htree_v):
    text = open(htree_v).read()
    widths = {m.group(2): int(m.group(1)) for m in re.finditer(r"wire \[(\d+)-1:0\] (\w+);", text)}
    down = sorted((w for w in widths if re.fullmatch(r"dn_1_\d+_d", w)), key=lambda w: int(w.split("_")[2]))
    up = sorted((w for w in widths if re.fullmatch(r"up_1_\d+_q", w)), key=lambda w: int(w.split("_")[2]))
    if not down or len(down) != len(up):
        sys.exit("htree_link_bits: no root links in " + htree_v)
    return [(w, widths[w]) for w in down], [(w, widths[w]) for w in up]


def testbench(man, down, up, vectors):
    d, s = man["derived"], man["spec"]
    name, N, NB, C = man["name"], s["vector_length"], s["input_bits"], s["channels"]
    XW = N * (NB + 1)
    mon = []
    for k, (w, width) in enumerate(down + up):
        mon.append(f"""
  reg [{width}-1:0] prev_{k}, tog_{k};
  integer beats_{k} = 0;
  always @(posedge clk) if (rst_n && dut.u_htree.{w}[0]) begin
    if (beats_{k} > 0) tog_{k} = tog_{k} | (prev_{k} ^ dut.u_htree.{w});
    else tog_{k} = {{{{{width - 1}{{1'b0}}}}, 1'b1}};  // the flag that marks the beat carries it
    prev_{k} = dut.u_htree.{w};
    beats_{k} = beats_{k} + 1;
  end""")
    report = []
    for k, (w, width) in enumerate(down + up):
        report.append(f'    ones = 0; for (i = 0; i < {width}; i = i + 1) ones = ones + (tog_{k}[i] === 1\'b1);\n'
                      f'    $display("LINK {w} {width} %0d %0d", beats_{k}, ones);')
    return f"""`timescale 1ns/1ps
module tb;
  reg clk = 1'b0, rst_n = 1'b0, x_valid = 1'b0;
  reg [{XW}-1:0] x_data = {{{XW}{{1'b0}}}};
  wire x_ready, wr_ready, y_valid;
  wire [{C * d["Y_W"]}-1:0] y_data;
  integer v, i, ones, seed = 7, cyc = 0, x_first = -1, x_last = -1, y_first = -1, ys = 0, xs = 0;
  {name}_top dut (.clk(clk), .rst_n(rst_n), .wr_valid(1'b0), .wr_ready(wr_ready), .wr_sum(1'b0),
    .wr_channel({{{d["CH_W"]}{{1'b0}}}}), .wr_index({{{d["IDX_W"]}{{1'b0}}}}), .wr_data({{{d["WR_W"]}{{1'b0}}}}),
    .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data), .y_valid(y_valid), .y_ready(1'b1), .y_data(y_data));
  always #5 clk = ~clk;
  always @(posedge clk) begin
    cyc = cyc + 1;
    if (x_valid && x_ready) begin if (x_first < 0) x_first = cyc; x_last = cyc; xs = xs + 1; end
    if (y_valid) begin if (y_first < 0) y_first = cyc; ys = ys + 1; end
  end
{''.join(mon)}
  initial begin
    #23 rst_n = 1'b1;
    @(negedge clk);
    for (v = 0; v < {vectors}; v = v + 1) begin
      for (i = 0; i < {N}; i = i + 1)
        x_data[i*{NB + 1} +: {NB + 1}] = v == 0 ? {NB + 1}'d0 : v == 1 ? {{1'b1, {NB}'d0}} : $random(seed);
      x_valid = 1'b1;
      i = xs;
      while (xs == i) @(negedge clk);  // the beat transfers at a rising edge; data change at falling ones
    end
    x_valid = 1'b0;
    while (ys < {vectors}) @(posedge clk);
    repeat (64) @(posedge clk);
{chr(10).join(report)}
    $display("TIMING %0d %0d %0d %0d %0d", x_first, x_last, y_first, ys, xs);
    $finish;
  end
endmodule
"""


def main():
    gen = sys.argv[1]
    vectors = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    man = json.load(open(os.path.join(gen, "manifest.json")))
    name = man["name"]
    down, up = root_links(os.path.join(gen, "rtl", name + "_htree.v"))
    with tempfile.TemporaryDirectory(prefix="htree_link_bits.") as t:
        tb = os.path.join(t, "tb.v")
        open(tb, "w").write(testbench(man, down, up, vectors))
        files = [os.path.join(gen, "rtl", l.strip()) for l in open(os.path.join(gen, "rtl", "files.f")) if l.strip()]
        subprocess.run(["iverilog", "-g2005", "-s", "tb", "-o", os.path.join(t, "sim"), tb] + files, check=True)
        out = subprocess.run(["vvp", "-n", os.path.join(t, "sim")], check=True, capture_output=True, text=True).stdout
    links = {}
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "LINK":
            links[f[1]] = {"width": int(f[2]), "beats": int(f[3]), "carrying_wires": int(f[4])}
        elif f and f[0] == "TIMING":
            x_first, x_last, y_first, ys, xs = map(int, f[1:])
    if ys != vectors or any(links[w]["beats"] != vectors for w, _ in down + up):
        sys.exit(f"htree_link_bits: {xs} vectors sent, {ys} results and beats {links} for {vectors} vectors")
    # Down: wires that changed across vector beats; up: every wire of the link (see above).
    down_bits = sum(links[w]["beats"] * links[w]["carrying_wires"] for w, _ in down) / vectors
    up_bits = sum(links[w]["beats"] * links[w]["width"] for w, _ in up) / vectors
    print(json.dumps({"root_links": len(down), "root_down_bits_per_vector": down_bits,
                      "root_up_bits_per_vector": up_bits, "down_link_widths": [x for _, x in down],
                      "cycles_per_vector": (x_last - x_first) / (vectors - 1), "latency": y_first - x_first,
                      "links": links}))


if __name__ == "__main__":
    main()
