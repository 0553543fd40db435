#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds, runs all test projects, and ends with
# one line "N passed, N failed" summed over the test assemblies.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh || { echo "could not install the test dependencies" >&2; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build Sharpflow.slnx -c Release -nologo -v quiet 2>&1 | tee "$log" | grep -E "error|Warn|Elapsed" || true
if grep -qE "[1-9][0-9]* Error\(s\)|Build FAILED" "$log"; then
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Sharpflow.slnx -c Release --no-build -nologo \
  --blame-hang-timeout 10m \
  --results-directory TestResults 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
