#!/usr/bin/env bash
# `cimgen generate` writes <name>.core (FuseSoC CAPI2): parsed with a YAML parser and checked
# against the generated file lists (rtl/files.f, sim/files.f) and the files on disk; its lint
# target's files, in its order, pass `verilator --lint-only -Wall` with its toplevel.
# Usage: tb/fusesoc_core.sh CIMGEN SPEC...
set -uo pipefail
cimgen=$1
shift
source "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"
for spec in "$@"; do
  name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$spec")
  out="$tmp/$name"
  "$cimgen" generate "$spec" -o "$out" > /dev/null 2>&1
  check "core_$name" python3 - "$out" "$name" <<'PY'
import json, os, sys, yaml
out, name = sys.argv[1], sys.argv[2]
text = open(os.path.join(out, name + ".core")).read()
assert text.startswith("CAPI=2:\n"), text[:20]
core = yaml.safe_load(text)
assert core["name"] == "cimgen:macro:%s:0" % name, core["name"]
def listed(path):
    p = os.path.join(out, path)
    return [os.path.join(os.path.dirname(path), l) for l in open(p).read().split()] if os.path.exists(p) else []
rtl, sim = listed("rtl/files.f"), listed("sim/files.f")
fs = core["filesets"]
assert fs["rtl"]["files"] == rtl and fs["rtl"]["file_type"] == "verilogSource", fs["rtl"]
assert fs.get("sim", {"files": []})["files"] == sim, fs.get("sim")
on_disk = sorted(os.path.join(d, f) for d in ("rtl", "sim") if os.path.isdir(os.path.join(out, d))
                 for f in os.listdir(os.path.join(out, d)) if f.endswith(".v"))
assert sorted(rtl + sim) == on_disk, (rtl + sim, on_disk)
sets = ["rtl", "sim"] if sim else ["rtl"]
t = core["targets"]
for target, tool in (("lint", "verilator"), ("sim", "icarus"), ("synth", "yosys")):
    assert t[target]["default_tool"] == tool and t[target]["toplevel"] == name + "_top", t[target]
assert t["lint"]["filesets"] == sets and t["sim"]["filesets"] == sets and t["synth"]["filesets"] == ["rtl"]
assert name + ".core" in json.load(open(os.path.join(out, "manifest.json")))["files"]
with open(os.path.join(out, "lint.f"), "w") as f:
    f.write("\n".join(sum((fs[s]["files"] for s in t["lint"]["filesets"]), [])) + "\n")
PY
  check "core_lint_$name" bash -c "cd '$out' && verilator --lint-only -Wall --top-module ${name}_top -f lint.f"
done
echo "fusesoc_core: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]  # no spec given is a failure, not a pass
