#!/usr/bin/env python3
"""Independent reference of the cimgen golden model, written from DESIGN.md
sections 2, 3, 5, 6 and 7 only (standard library, no cleverness).

  python3 scripts/golden_ref.py SPEC.json --weights W.txt --inputs X.txt \
      [--zero-sign positive|negative]
  python3 scripts/golden_ref.py --selftest

Prints one line per input vector: the C outputs y, decimal, single spaces.
Numbers are (sign, magnitude) pairs: sign bit 1 = negative, `-0` is (1, 0).
"""
import argparse
import json
import sys


def die(msg, code=1):
    sys.stderr.write("golden_ref: " + msg + "\n")
    sys.exit(code)


def clog2(v):
    """Smallest b with 2^b >= v (clog2(1) == 0)."""
    b = 0
    while (1 << b) < v:
        b += 1
    return b


# ---------------------------------------------------------------- spec (section 6)

class Spec:
    def __init__(self, d):
        self.op = d.get("operator", "mf")
        self.datapath = d.get("datapath", "near_memory")
        self.N = d["vector_length"]
        self.C = d["channels"]
        self.m = d["weight_bits"]
        self.n = d["input_bits"]
        self.L = d.get("uarray_columns", min(self.N, 64))
        adc = d.get("adc", {})
        self.bits = adc.get("bits", clog2(self.L + 1))
        self.shift = adc.get("lsb_shift", 0)
        self.rounding = adc.get("rounding", "floor")
        if self.op not in ("mf", "conventional"):
            die("operator must be mf or conventional", 2)
        if self.datapath not in ("near_memory", "in_memory"):
            die("datapath must be near_memory or in_memory", 2)
        if self.op == "conventional" and self.datapath != "near_memory":
            die("conventional is near_memory only", 2)
        if self.rounding not in ("floor", "nearest"):
            die("adc.rounding must be floor or nearest", 2)
        if not (1 <= self.L <= self.N):
            die("uarray_columns out of range", 2)
        self.S = (self.N + self.L - 1) // self.L          # number of segments

    def lossless(self):
        if self.datapath == "near_memory":
            return True
        return self.shift == 0 and (1 << self.bits) - 1 >= self.L

    def convert(self, c):
        """Section 3: conversion of one per-segment count c (0 <= c <= L)."""
        assert 0 <= c <= self.L
        if self.datapath == "near_memory":
            return c
        s = self.shift
        r = (1 << (s - 1)) if (self.rounding == "nearest" and s > 0) else 0
        code = min((1 << self.bits) - 1, (c + r) >> s)
        return code << s

    def y_range(self):
        """Section 5: the two's complement range of Y_W."""
        m, n, N = self.m, self.n, self.N
        if self.op == "conventional":
            yw = clog2(N * (2**m - 1) * (2**n - 1) + 1) + 1
        elif self.lossless():
            yw = clog2(N * (2**m + 2**n - 2) + 1) + 1
        else:
            s = self.shift
            r = (1 << (s - 1)) if (self.rounding == "nearest" and s > 0) else 0
            c_max = min(((1 << self.bits) - 1) << s, ((self.L + r) >> s) << s)
            yw = clog2(2 * self.S * c_max * (2**m + 2**n - 2) + 1) + 1
        return yw, -(1 << (yw - 1)), (1 << (yw - 1)) - 1


# ---------------------------------------------------------------- numbers (sections 2, 7)

def parse_token(tok, zero_negative):
    """Text token -> (sign bit, magnitude)."""
    if tok == "-0":
        return (1, 0)
    if tok == "+0":
        return (0, 0)
    try:
        v = int(tok, 10)
    except ValueError:
        die("not a decimal integer: %r" % tok)
    if v == 0:
        return (1, 0) if zero_negative else (0, 0)
    return (1, -v) if v < 0 else (0, v)


def read_vectors(path, width, bits, zero_negative):
    rows = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0]
            toks = line.split()
            if not toks:
                continue
            if len(toks) != width:
                die("%s:%d: %d numbers, expected %d" % (path, lineno, len(toks), width))
            row = [parse_token(t, zero_negative) for t in toks]
            for (_, mag) in row:
                if mag > (1 << bits) - 1:
                    die("%s:%d: magnitude %d does not fit in %d bits" % (path, lineno, mag, bits))
            rows.append(row)
    return rows


def step(v):
    return 1 - v[0]


def sgn(v):
    return 2 * step(v) - 1


def bit(v, j):
    return (v[1] >> j) & 1


# ---------------------------------------------------------------- arithmetic (section 3)

def mf(spec, w, x, where=""):
    """y = 2A - Sw + 2B - Sx, counts per segment, each count through the converter."""
    N, L = spec.N, spec.L
    A = 0
    for j in range(spec.m):                       # weight bit-planes, gated by step(x)
        for seg in range(spec.S):
            c = 0
            for i in range(seg * L, min(N, (seg + 1) * L)):
                c += step(x[i]) & bit(w[i], j)
            A += (1 << j) * spec.convert(c)
    B = 0
    Sx = 0
    for k in range(spec.n):                       # input bit-planes
        for seg in range(spec.S):
            cb = 0                                # sign row step(w), gated by x[k]
            cs = 0                                # dummy all-ones row, gated by x[k]
            for i in range(seg * L, min(N, (seg + 1) * L)):
                cb += step(w[i]) & bit(x[i], k)
                cs += 1 & bit(x[i], k)
            B += (1 << k) * spec.convert(cb)
            Sx += (1 << k) * spec.convert(cs)
    Sw = 0
    for i in range(N):
        Sw += w[i][1]
    y = 2 * A - Sw + 2 * B - Sx
    if spec.lossless():
        direct = 0
        for i in range(N):
            direct += sgn(x[i]) * w[i][1] + sgn(w[i]) * x[i][1]
        if y != direct:
            die("%slossless conversion, but decomposed y=%d != direct MF formula %d"
                % (where, y, direct))
    return y


def conventional(spec, w, x, where=""):
    """y = SUM w_i*x_i, checked against the bit-serial SUM 2^(j+k) (P_jk - N_jk)."""
    y = 0
    for i in range(spec.N):
        p = w[i][1] * x[i][1]
        y += -p if w[i][0] != x[i][0] else p
    serial = 0
    for j in range(spec.m):
        for k in range(spec.n):
            P = 0
            Q = 0
            for i in range(spec.N):
                if bit(w[i], j) & bit(x[i], k):
                    if w[i][0] == x[i][0]:
                        P += 1
                    else:
                        Q += 1
            serial += (1 << (j + k)) * (P - Q)
    if serial != y:
        die("%sbit-serial y=%d != SUM w*x %d" % (where, serial, y))
    return y


def run(spec, W, X):
    out = []
    for v, x in enumerate(X):
        ys = []
        for c in range(spec.C):
            where = "vector %d channel %d: " % (v, c)
            if spec.op == "conventional":
                y = conventional(spec, W[c], x, where)
            else:
                y = mf(spec, W[c], x, where)
            yw, lo, hi = spec.y_range()
            if not (lo <= y <= hi):
                sys.stderr.write("golden_ref: warning: %sy=%d outside Y_W=%d range [%d, %d]\n"
                                 % (where, y, yw, lo, hi))
            ys.append(y)
        out.append(ys)
    return out


# ---------------------------------------------------------------- hand-worked cases

def selftest():
    P = lambda *vals: [(1, -v) if v < 0 else (0, v) for v in vals]   # noqa: E731
    fails = 0

    def check(name, spec_dict, W, X, want):
        nonlocal fails
        got = run(Spec(spec_dict), W, X)
        ok = got == want
        fails += not ok
        print("%s %s: got %r want %r" % ("ok  " if ok else "FAIL", name, got, want))

    # 1. N=2, m=n=2, near_memory.  w = (3, -1), x = (2, -0).
    #    direct: sign(x0)|w0| + sign(w0)|x0| = 3 + 2 = 5 ; sign(x1)|w1| + sign(w1)|x1| = -1 + -0 = -1
    #    -> y = 4.  conventional 3*2 + (-1)*(-0) = 6.
    base = {"operator": "mf", "datapath": "near_memory", "vector_length": 2,
            "channels": 1, "weight_bits": 2, "input_bits": 2}
    check("mf near N=2", base, [P(3, -1)], [[(0, 2), (1, 0)]], [[4]])
    conv = dict(base, operator="conventional")
    check("conventional N=2", conv, [P(3, -1)], [[(0, 2), (1, 0)]], [[6]])

    # 2. in_memory N=4 L=4 m=n=1, adc bits=2 (paper choice clog2(L)=2: max code 3).
    #    w = (1,1,1,1), x = (1,1,1,1): every count is 4 -> saturates to 3.
    #    A = 3, B = 3, Sx = 3, Sw = 4 -> y = 6 - 4 + 6 - 3 = 5 (lossless would be 8).
    im = {"operator": "mf", "datapath": "in_memory", "vector_length": 4, "channels": 2,
          "weight_bits": 1, "input_bits": 1, "uarray_columns": 4, "adc": {"bits": 2}}
    #    channel 1: w = (-1,-1,-1,-1): A counts step(x)&w[0] = 4 -> 3, B = 0, Sx = 3, Sw = 4
    #    -> y = 6 - 4 + 0 - 3 = -1 (lossless would be -8).
    check("in_memory saturating", im, [P(1, 1, 1, 1), P(-1, -1, -1, -1)],
          [P(1, 1, 1, 1)], [[5, -1]])

    # 3. in_memory N=5 L=2 (segments {0,1},{2,3},{4}), m=1 n=2, bits=2 lsb_shift=1 nearest:
    #    r = 1, code = min(3, (c+1)>>1), c_hat = 2*code: c=0->0, 1->2, 2->2.
    #    w = (1,1,-0,1,0), x = (3,1,2,-1,-0)
    #    A (j=0, gate step(x) = 1,1,1,0,0): cells w[0] = 1,1,0,1,0 -> segs 2,0,0 -> 2+0+0 = 2
    #    B k=0 (x[0] = 1,1,0,1,0; step(w) = 1,1,0,1,1): segs 2,1,0 -> 2+2+0 = 4
    #    B k=1 (x[1] = 1,0,1,0,0): step(w)&: segs 1,0,0 -> 2 ; times 2 -> 4 ; B = 8
    #    Sx k=0: segs 2,1,0 -> 2+2+0 = 4 ; k=1: segs 1,1,0 -> 2+2 = 4, times 2 -> 8 ; Sx = 12
    #    Sw = 3 ; y = 4 - 3 + 16 - 12 = 5.
    #    Lossless (near_memory): A = 2, B = SUM step(w)|x| = 3+1+0+1+0 = 5, Sx = 7,
    #    y = 4 - 3 + 10 - 7 = 4 = direct (1+3) + (1+1) + (0-2) + (-1+1) + (-0+0) = 4.
    lossy = {"operator": "mf", "datapath": "in_memory", "vector_length": 5, "channels": 1,
             "weight_bits": 1, "input_bits": 2, "uarray_columns": 2,
             "adc": {"bits": 2, "lsb_shift": 1, "rounding": "nearest"}}
    W3 = [[(0, 1), (0, 1), (1, 0), (0, 1), (0, 0)]]
    X3 = [[(0, 3), (0, 1), (0, 2), (1, 1), (1, 0)]]
    check("in_memory nearest L=2", lossy, W3, X3, [[5]])
    exact = dict(lossy, datapath="near_memory")
    del exact["adc"]
    check("same, near_memory", exact, W3, X3, [[4]])

    # 4. token parsing: plain 0 follows --zero-sign, -0 is always negative, +0 always positive.
    assert parse_token("0", False) == (0, 0) and parse_token("0", True) == (1, 0)
    assert parse_token("-0", False) == (1, 0) and parse_token("+0", True) == (0, 0)
    assert parse_token("-7", False) == (1, 7) and parse_token("+7", True) == (0, 7)
    print("%d failed" % fails)
    return 1 if fails else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("spec", nargs="?")
    ap.add_argument("--weights")
    ap.add_argument("--inputs")
    ap.add_argument("--zero-sign", choices=("positive", "negative"), default="positive")
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    if a.selftest:
        return selftest()
    if not (a.spec and a.weights and a.inputs):
        ap.error("SPEC, --weights and --inputs are required")
    with open(a.spec) as f:
        spec = Spec(json.load(f))
    neg = a.zero_sign == "negative"
    W = read_vectors(a.weights, spec.N, spec.m, neg)
    X = read_vectors(a.inputs, spec.N, spec.n, neg)
    if len(W) != spec.C:
        die("%s: %d weight lines, expected C=%d" % (a.weights, len(W), spec.C))
    for ys in run(spec, W, X):
        print(" ".join(str(y) for y in ys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
