#!/usr/bin/env bash
# Runs every test: unit, integration (real embedded ClickHouse), component (bunit) and browser (Playwright +
# Debian chromium). Installs what the tests need first (idempotent).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --with-browser

results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
rm -rf "$results" && mkdir -p "$results"
log="$results/dotnet-test.log"

set +e
dotnet test Fifo.Admin.sln -c Release --no-restore --results-directory "$results" \
  --logger trx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite, summed over the test assemblies.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
echo
echo "Tests: $summary"
exit "$status"
