#!/usr/bin/env bash
# Runs the admin console on the embedded ClickHouse (chDB) with demo data loaded on first start.
# Set ClickHouse__ConnectionString to use a real ClickHouse server instead.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec dotnet run --project src/Fifo.Admin -c Release -- "$@"
