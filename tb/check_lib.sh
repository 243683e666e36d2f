# Shared by the tb/*.sh tests that count named checks (sourced, not run):
#   tmp     a private temporary folder, removed on exit
#   check NAME COMMAND...   runs COMMAND, counts it in passed / failed, prints FAIL NAME on failure
tmp=$(mktemp -d "/tmp/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}
