#!/usr/bin/env bash
# `cimgen synth --verify` on every spec: no latches, `check -assert`, everything mapped, the
# hierarchical longest path and area equal Yosys's on the flattened design, and the report is
# consistent: blocks add up to the totals and are the manifest's categories, instance counts
# follow the architecture of DESIGN.md section 4 (worked out here from the spec, not read from
# the generator), adder trees use at least the lower bound of full adders.
# Usage: tb/synth_all.sh CIMGEN SPEC_DIR
set -uo pipefail
cimgen=$1
spec_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for spec in "$spec_dir"/*.json; do
  name=$(basename "$spec" .json)
  start=$(date +%s)
  if "$cimgen" synth "$spec" -o "$tmp/$name" --verify --quiet > /dev/null 2> "$tmp/$name.err" &&
     python3 - "$spec" "$tmp/$name/synth/area.json" <<'PY'
import json, math, sys
spec = json.load(open(sys.argv[1]))
a = json.load(open(sys.argv[2]))
p = a["periphery"]
assert p["cells"] > 0 and p["flip_flops"] > 0 and p["longest_path_levels"] > 0, p
assert abs(p["gate_equivalents"] - p["area"]) < 1e-6, "generic library: area is in gate equivalents"
assert sum(b["cells"] for b in a["blocks"]) == p["cells"], "blocks must add up to the total"
assert sum(b["flip_flops"] for b in a["blocks"]) == p["flip_flops"]
assert abs(sum(b["area"] for b in a["blocks"]) - p["area"]) < 1e-6 * p["area"]
assert sum(b["transistors"] for b in a["blocks"]) == p["transistors"]
assert sum(a["cells_by_type"].values()) == p["cells"]
assert sum(m["cells"] * m["instances"] for m in a["modules"]) == p["cells"]
# Report categories are the generator's (manifest modules[].block); black boxes are never priced.
man = json.load(open(sys.argv[2].replace("/synth/area.json", "/manifest.json")))
category = {e["module"]: e["block"] for e in man["modules"]}
for m in a["modules"]:
    assert m["block"] == category[m["module"].split(" ")[0]], m
assert not {b["block"] for b in a["blocks"]} & {"bit-cell array", "analog models"}, a["blocks"]
# Instance counts from the architecture: S uArrays per channel; near_memory MF has one tree per
# uArray plus one per segment for the shared dummy row, the baseline two per uArray.
N, C = spec["vector_length"], spec["channels"]
ht = spec.get("htree", {})
B = ht.get("banks", 1)
NBK = -(-N // B)
L = spec.get("uarray_columns", min(NBK, 64))
S = -(-N // L)
def count(suffix):  # over every module entry: parameterized variants share a display name
    return sum(m["instances"] for m in a["modules"] if m["module"].split(" ")[0] == spec["name"] + suffix)
dp = spec.get("datapath", "near_memory")
op = spec.get("operator", "mf")
if "pruning" in spec:
    # DESIGN section 10: the partition is the report's; each group's column U_g is recomputed
    # from the mask file: |g| * max(1, ceil(|U_g|/L)) uArrays, m+2 cells per stored entry.
    import os
    rows = [l.split("#")[0].split() for l in open(os.path.join(os.path.dirname(sys.argv[1]), spec["pruning"]["mask"]))]
    mask = [[int(t) for t in r] for r in rows if r]
    pr = a["pruning"]
    assert sorted(c for g in pr["groups"] for c in g["channels"]) == list(range(C)), pr["groups"]
    uarrays = gatings = stored = 0
    for g in pr["groups"]:
        width = sum(1 for i in range(N) if any(mask[c][i] for c in g["channels"]))
        assert g["width"] == width, (g, width)
        segs = max(1, -(-width // L))
        uarrays += len(g["channels"]) * segs
        gatings += segs if width else 0
        stored += len(g["channels"]) * width
    assert pr["weight_entries"] == {"dense": N * C, "ideal": sum(map(sum, mask)), "stored": stored}, pr["weight_entries"]
    if dp == "near_memory":
        assert count("_pr_uarray") == uarrays, (count("_pr_uarray"), uarrays)
        assert count("_adder_tree") == 2 * uarrays == a["adder_tree"]["instances"], count("_adder_tree")
    else:
        assert count("_pr_uarray_im") == uarrays, (count("_pr_uarray_im"), uarrays)
    assert count("_gating") == gatings, (count("_gating"), gatings)
    assert a["array"]["bitcells"] == stored * (spec["weight_bits"] + 2), (a["array"]["bitcells"], stored)
    sys.exit(0)
if dp == "near_memory":
    ua = "_uarray" if op == "mf" else "_uarray_conv"
    assert count(ua) == C * S, (ua, count(ua), C * S)
    trees = C * S + S if op == "mf" else 2 * C * S
    assert count("_adder_tree") == trees, (count("_adder_tree"), trees)
    t = a["adder_tree"]
    assert t["instances"] == trees
    assert t["full_adder_lower_bound"] == L - math.ceil(math.log2(L + 1))
    if t["kind"] != "behavioral":
        assert t["full_adders"] >= t["full_adder_lower_bound"], t
    if L > 1:
        assert t["depth_levels"] > 0 and t["behavioral"]["depth_levels"] > 0
elif dp == "htree":
    # DESIGN section 9: B banks of ceil(N/B) elements at the leaves of a fanout-f tree of depth D
    # (all banks at depth D); a node at level l covers f^(D-l) banks; one link per non-root node.
    f = ht.get("fanout", 2)
    D = 1
    while f ** D < B:
        D += 1
    per_level = [-(-B // f ** (D - l)) for l in range(D + 1)]
    SB = -(-NBK // L)
    assert count("_bank") == B, (count("_bank"), B)
    assert count("_node") == sum(per_level[:D]), (count("_node"), per_level)
    assert count("_link") == 2 * sum(per_level[1:]), (count("_link"), per_level)
    trees = B * C * SB + C * S + S
    assert count("_adder_tree") == trees, (count("_adder_tree"), trees)
    assert a["adder_tree"]["instances"] == trees
elif dp == "dima":
    # DESIGN section 12: one signed SAR converter, one RDL, one instruction memory, one sequencer;
    # the array is C word rows of N words of m+1 cells (no dummy row), no column gating.
    for suffix in ("_sar", "_dima_rdl", "_dima_imem", "_dima_seq"):
        assert count(suffix) == 1, (suffix, count(suffix))
    assert count("_gating") == 0
else:
    assert count("_uarray_im") == C * S, (count("_uarray_im"), C * S)
if dp != "dima":
    assert count("_gating") == S * (2 if op == "conventional" else 1)
cells = (spec["weight_bits"] + 1) * N * C + (0 if dp in ("htree", "dima") else N)  # htree: no dummy row, Sx counts x
assert a["array"]["bitcells"] == cells, (a["array"]["bitcells"], cells)
PY
  then
    passed=$((passed + 1)); echo "synth_all: $name ok ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1)); echo "synth_all: $name FAILED"; cat "$tmp/$name.err"
  fi
done
echo "synth_all: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
