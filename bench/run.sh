#!/usr/bin/env bash
# Reruns the SQL FIFO engine benchmark and prints its figures (see bench/README.md), e.g.
#   bench/run.sh                      # 1M demo fills
#   bench/run.sh --fills 10000000     # 10M demo fills
# Demo data is generated once per size and seed under $TMPDIR/fifo-bench and reused by later runs (--fresh redoes it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-chdb.sh >/dev/null
artifacts="${TMPDIR:-/tmp}/fifo-bench-build"
dotnet build bench/Fifo.Bench -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
exec dotnet "$artifacts/bin/Fifo.Bench/release/fifo-bench.dll" "$@"
