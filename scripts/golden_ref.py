#!/usr/bin/env python3
"""Independent reference of DESIGN.md section 3 in plain Python (standard library only).

Usage: golden_ref.py SPEC.json --weights W.txt --inputs X.txt [--zero-sign positive|negative]
       golden_ref.py --selftest
Prints one line per input vector with the C outputs, as cimgen's output files.
"""
import argparse
import json
import sys


def clog2(x):
    r = 0
    while (1 << r) < x:
        r += 1
    return r


def parse_token(tok, zero_negative):
    """Sign-magnitude (neg, mag); '-0' is negative zero, a plain '0' follows --zero-sign."""
    neg = tok.startswith("-")
    mag = int(tok.lstrip("+-"))
    if mag == 0 and tok[0] not in "+-":
        neg = zero_negative
    return (neg, mag)


def read_rows(path, zero_negative):
    rows = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                rows.append([parse_token(t, zero_negative) for t in line])
    return rows


class Macro:
    def __init__(self, spec):
        self.op = spec.get("operator", "mf")
        self.dp = spec.get("datapath", "near_memory")
        self.N = spec["vector_length"]
        self.m = spec["weight_bits"]
        self.n = spec["input_bits"]
        self.L = spec.get("uarray_columns", min(self.N, 64))
        adc = spec.get("adc", {})
        self.b = adc.get("bits", clog2(self.L + 1))
        self.s = adc.get("lsb_shift", 0)
        self.rounding = adc.get("rounding", "floor")
        self.lossless = self.dp == "near_memory" or (self.s == 0 and (1 << self.b) - 1 >= self.L)

    def convert(self, c):
        if self.dp == "near_memory":
            return c
        r = (1 << (self.s - 1)) if (self.rounding == "nearest" and self.s > 0) else 0
        code = min((1 << self.b) - 1, (c + r) >> self.s)
        return code << self.s

    def segments(self):
        return [range(lo, min(self.N, lo + self.L)) for lo in range(0, self.N, self.L)]

    def y(self, w, x):
        if self.op == "conventional":
            return sum((-wm if wn else wm) * (-xm if xn else xm) for (wn, wm), (xn, xm) in zip(w, x))
        step = lambda v: 0 if v[0] else 1
        A = B = Sx = 0
        for seg in self.segments():
            for j in range(self.m):
                A += self.convert(sum(step(x[i]) & (w[i][1] >> j) & 1 for i in seg)) << j
            for k in range(self.n):
                B += self.convert(sum(((x[i][1] >> k) & 1) & step(w[i]) for i in seg)) << k
                Sx += self.convert(sum((x[i][1] >> k) & 1 for i in seg)) << k
        Sw = sum(mag for _, mag in w)
        y = 2 * A - Sw + 2 * B - Sx
        if self.lossless:
            sign = lambda v: -1 if v[0] else 1
            direct = sum(sign(x[i]) * w[i][1] + sign(w[i]) * x[i][1] for i in range(self.N))
            if direct != y:
                sys.exit(f"golden_ref: decomposition {y} != direct formula {direct}")
        return y


def selftest():
    # w = (+3, -1, -0), x = (+2, -0, -3), m = n = 2, L = 2:
    # i0: +1*3 + +1*2 = 5; i1: -1*1 + -1*0 = -1; i2: -1*0 + -1*3 = -3  ->  y = 1
    mac = Macro({"vector_length": 3, "channels": 1, "weight_bits": 2, "input_bits": 2, "uarray_columns": 2})
    ok = mac.y([(False, 3), (True, 1), (True, 0)], [(False, 2), (True, 0), (True, 3)]) == 1
    # Lossy: N = L = 4, b = 1 (saturates at 1), all +1: A = B = Sx = 1, Sw = 4 -> y = 2 - 4 + 2 - 1 = -1
    mac = Macro({"datapath": "in_memory", "vector_length": 4, "channels": 1, "weight_bits": 1,
                 "input_bits": 1, "adc": {"bits": 1}})
    ok = ok and mac.y([(False, 1)] * 4, [(False, 1)] * 4) == -1
    # Conventional: 3*2 + (-1)(-2) + 0*(-3) = 8
    mac = Macro({"operator": "conventional", "vector_length": 3, "channels": 1, "weight_bits": 2, "input_bits": 2})
    ok = ok and mac.y([(False, 3), (True, 1), (True, 0)], [(False, 2), (True, 2), (True, 3)]) == 8
    print("golden_ref selftest:", "ok" if ok else "FAILED")
    return 0 if ok else 1


def main():
    if "--selftest" in sys.argv:
        return selftest()
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--weights", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--zero-sign", choices=["positive", "negative"], default="positive")
    a = ap.parse_args()
    mac = Macro(json.load(open(a.spec)))
    zn = a.zero_sign == "negative"
    ws = read_rows(a.weights, zn)
    for x in read_rows(a.inputs, zn):
        print(" ".join(str(mac.y(w, x)) for w in ws))
    return 0


if __name__ == "__main__":
    sys.exit(main())
