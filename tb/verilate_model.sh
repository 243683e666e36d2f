#!/usr/bin/env bash
# Generate one spec's RTL and verilate it into a static library for the regression executable.
# Usage: tb/verilate_model.sh CIMGEN SPEC NAME GEN_DIR OBJ_DIR
# Verilator runs only when the bytes it reads changed: the RTL and simulation models, this
# script and the Verilator version are hashed into OBJ_DIR/inputs.sha256; when the hash equals
# the previous run's, the library is only touched (a rebuilt cimgen whose output is unchanged
# costs one generation, not a verilation).
set -euo pipefail
cimgen=$1 spec=$2 name=$3 gen=$4 obj=$5
# The parent build's make flags must not leak into Verilator's own make.
unset MAKEFLAGS MFLAGS MAKELEVEL
mkdir -p "$obj"
lib=$obj/V${name}__ALL.a
stamp=$obj/inputs.sha256
rm -rf "$gen.new"
"$cimgen" generate "$spec" -o "$gen.new" 2>/dev/null
rm -rf "$gen"
mv "$gen.new" "$gen"
# What Verilator reads, and how it is run.
inputs_hash() {
  (cd "$gen" && find rtl sim -type f -name '*.v' 2>/dev/null | LC_ALL=C sort | xargs sha256sum)
  sha256sum < "${BASH_SOURCE[0]}"
  verilator --version
}
hash=$(inputs_hash | sha256sum | cut -d' ' -f1)
if [ -f "$lib" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  touch "$lib"
  echo "verilate_model: $name RTL unchanged, Verilator skipped"
  exit 0
fi
rm -f "$stamp"
if ! verilator --cc --build -j 2 -O2 --trace-fst --prefix "V$name" -Mdir "$obj" \
     --top-module "${name}_top" -y "$gen/rtl" -y "$gen/sim" "$gen/rtl/${name}_top.v" -CFLAGS -O1 > "$obj.log" 2>&1; then
  cat "$obj.log"
  exit 1
fi
echo "$hash" > "$stamp"
