#!/usr/bin/env bash
# Installs Debian's chromium for the Playwright browser tests (they drive /usr/bin/chromium; `playwright install`
# is never used). Idempotent: does nothing when chromium is already there.
set -euo pipefail

chromium=/usr/bin/chromium
if [[ -x $chromium ]]; then
  echo "install-chromium: $($chromium --version 2>/dev/null || echo chromium) already installed" >&2
  exit 0
fi

sudo=()
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "install-chromium: run as root or install sudo (apt-get needs root)" >&2; exit 1; }
  sudo=(sudo)
fi

echo "install-chromium: installing Debian's chromium (apt-get)" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
[[ -x $chromium ]] || { echo "install-chromium: apt-get finished but $chromium is missing" >&2; exit 1; }
echo "install-chromium: $($chromium --version 2>/dev/null) installed" >&2
