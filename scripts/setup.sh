#!/usr/bin/env bash
# One-time (idempotent) setup for a fresh machine: the chDB library, optionally Debian's chromium for the
# browser tests, and the NuGet restore. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2; exit 1; }
if ! command -v npm >/dev/null; then
  echo "setup: installing npm (needed once to fetch libchdb)" >&2
  apt-get update -qq && apt-get install -y -qq npm >/dev/null
fi

export FIFO_CHDB_LIBRARY="${FIFO_CHDB_LIBRARY:-$(scripts/fetch-chdb.sh)}"
echo "setup: chDB library at $FIFO_CHDB_LIBRARY" >&2

if [[ $with_browser == 1 ]]; then
  scripts/install-chromium.sh
fi

dotnet restore Fifo.Admin.sln --verbosity quiet
