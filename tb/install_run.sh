#!/usr/bin/env bash
# Install and first run: `cmake --install BUILD --prefix P` gives a P/bin/cimgen whose `sim`
# compiles the testbench from P/share/cimgen (not from the source tree) and passes, run from
# another directory. Usage: tb/install_run.sh BUILD_DIR SPEC
set -uo pipefail
build=$1 spec=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

if cmake --install "$build" --prefix "$tmp/p" > "$tmp/install.log" 2>&1; then ok; else fail "cmake --install"; cat "$tmp/install.log"; fi
[ -x "$tmp/p/bin/cimgen" ] && [ -f "$tmp/p/share/cimgen/tb/sim_main.cpp" ] && ok || { fail "installed files"; ls -R "$tmp/p"; }
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
"$tmp/p/bin/cimgen" sim "$spec" --vectors 20 --cache "$tmp/cache" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 0 ] && grep -q '^PASS ' "$tmp/out" && ok || { fail "sim from the installed prefix: rc=$rc"; cat "$tmp/out" "$tmp/err"; }
# The model was compiled from the installed sources, not from the source tree.
grep -qF -- "-I$tmp/p/share/cimgen/tb" "$tmp/err" && ok || { fail "testbench not taken from $tmp/p/share/cimgen"; cat "$tmp/err"; }
# It linked the installed prebuilt testbench libraries instead of compiling golden/ and core/.
grep -qF -- "-LDFLAGS '$tmp/p/lib/cimgen/libcimgen_simtb.a'" "$tmp/err" && ! grep -q "golden/golden.cpp" "$tmp/err" && ok ||
  { fail "prebuilt testbench libraries of $tmp/p/lib/cimgen not linked"; cat "$tmp/err"; }
[ -z "$(ls -A "$tmp/elsewhere")" ] && ok || { fail "files left in the working directory"; ls -A "$tmp/elsewhere"; }
echo "install_run: $passed passed, $failed failed"
[ "$failed" = 0 ]
