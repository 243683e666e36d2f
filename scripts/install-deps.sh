#!/usr/bin/env bash
# Install the Debian packages cimgen needs; does nothing when all are present (idempotent).
set -euo pipefail
pkgs=(g++ make cmake verilator yosys iverilog nlohmann-json3-dev doctest-dev libcli11-dev zlib1g-dev python3 gnuplot-nox clang libfuzzer-14-dev z3 python3-yaml opensta qflow-tech-osu018 qflow-tech-osu035 qflow-tech-osu050)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
