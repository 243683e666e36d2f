#!/usr/bin/env bash
# Build the libFuzzer targets of tb/fuzz with clang (ASan + UBSan) in BUILD and run each one,
# one after the other, on the checked-in corpus tb/fuzz/corpus/<target>:
#   tb/fuzz/run.sh BUILD runs N       N executions each (the fuzz_smoke test); nothing is kept
#   tb/fuzz/run.sh BUILD seconds S    S seconds each (make fuzz); new inputs kept in BUILD/corpus
# A finding (crash, sanitizer report, exception other than InputError) is saved as
# BUILD/artifacts/<target>-crash-* and fails the run. Exit 77 (skipped) without clang/libFuzzer.
set -uo pipefail
build=$1 mode=$2 amount=$3
src=$(cd "$(dirname "$0")/../.." && pwd)
targets=(spec vecfile programs liberty netlist)
cxx=${FUZZ_CXX:-clang++}

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/p.cpp"
if ! command -v "$cxx" > /dev/null || ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2> /dev/null; then
  echo "fuzz: SKIPPED: $cxx with libFuzzer (-fsanitize=fuzzer) not available; install clang and libfuzzer-14-dev (make deps)"
  exit 77
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "+ cmake -S $src -B $build -DCMAKE_CXX_COMPILER=$cxx -DCIMGEN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo"
  cmake -S "$src" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCIMGEN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$probe/cmake.log" 2>&1 ||
    { cat "$probe/cmake.log"; exit 3; }
fi
echo "+ cmake --build $build -j ${JOBS:-1} --target ${targets[*]/#/fuzz_}"
cmake --build "$build" -j "${JOBS:-1}" --target "${targets[@]/#/fuzz_}" > "$probe/build.log" 2>&1 || { tail -40 "$probe/build.log"; exit 3; }

mkdir -p "$build/artifacts" "$build/logs"
failed=0
for t in "${targets[@]}"; do
  case $mode in
    runs) work="$probe/corpus_$t"; limit=(-runs="$amount") ;;
    seconds) work="$build/corpus/$t"; limit=(-max_total_time="$amount") ;;
    *) echo "usage: $0 BUILD runs N | seconds S"; exit 2 ;;
  esac
  mkdir -p "$work"
  log="$build/logs/fuzz_$t.log"
  cmd=("$build/fuzz_$t" "${limit[@]}" -seed=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536
       -artifact_prefix="$build/artifacts/$t-" "$work" "$src/tb/fuzz/corpus/$t")
  echo "+ ${cmd[*]}"
  start=$(date +%s)
  "${cmd[@]}" > "$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  stats=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE '^#[0-9]+|cov: [0-9]+|ft: [0-9]+|corp: [0-9]+/[0-9a-zA-Z]+|exec/s: [0-9]+' | tr '\n' ' ')
  if [ "$rc" = 0 ]; then
    echo "fuzz_$t: ok, ${secs} s, $stats"
  else
    failed=$((failed + 1))
    echo "fuzz_$t: FINDING (exit $rc), ${secs} s, log $log:"
    grep -E 'FINDING|ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -10
  fi
done
[ "$failed" = 0 ]
