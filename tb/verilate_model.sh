#!/usr/bin/env bash
# Generate one spec's RTL and verilate it into a static library for the regression executable.
# Usage: tb/verilate_model.sh CIMGEN SPEC NAME GEN_DIR OBJ_DIR
set -euo pipefail
cimgen=$1 spec=$2 name=$3 gen=$4 obj=$5
# The parent build's make flags must not leak into Verilator's own make.
unset MAKEFLAGS MFLAGS MAKELEVEL
mkdir -p "$obj"
"$cimgen" generate "$spec" -o "$gen" 2>/dev/null
if ! verilator --cc --build -j 2 -O2 --trace-fst --prefix "V$name" -Mdir "$obj" \
     --top-module "${name}_top" -y "$gen/rtl" -y "$gen/sim" "$gen/rtl/${name}_top.v" -CFLAGS -O1 > "$obj.log" 2>&1; then
  cat "$obj.log"
  exit 1
fi
