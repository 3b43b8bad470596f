#!/usr/bin/env bash
# Fetches libchdb.so (ClickHouse 26.7 as a library) from the npm package @chdb/lib-linux-x64-gnu
# into a cache outside the repo, verifies it, and prints its path. Idempotent: a verified copy is reused.
set -euo pipefail

CHDB_PACKAGE="@chdb/lib-linux-x64-gnu"
CHDB_VERSION="26.7.3-stable.1"
# npm's integrity of the tarball, and the sha256 of the library inside it.
CHDB_TGZ_INTEGRITY="sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw=="
CHDB_LIB_SHA256="36ad4e999882821ef13cf2d0f52c93f48e6ee1b4498b35a201c23ce4b8d15bf5"

cache_root="${FIFO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fifo-admin}"
target_dir="$cache_root/chdb/$CHDB_VERSION"
lib="$target_dir/libchdb.so"
stamp="$target_dir/.verified"

if [[ -f "$lib" && -f "$stamp" && "$(cat "$stamp")" == "$CHDB_LIB_SHA256" ]]; then
  echo "$lib"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-chdb: npm is required to fetch $CHDB_PACKAGE (apt-get install npm)" >&2; exit 1; }
mkdir -p "$target_dir"
work="$(mktemp -d "$target_dir/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-chdb: downloading $CHDB_PACKAGE@$CHDB_VERSION (~180 MB, once)" >&2
(cd "$work" && npm pack "$CHDB_PACKAGE@$CHDB_VERSION" --silent >/dev/null)
tgz="$(ls "$work"/*.tgz)"

actual_integrity="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [[ "$actual_integrity" != "$CHDB_TGZ_INTEGRITY" ]]; then
  echo "fetch-chdb: tarball integrity mismatch: expected $CHDB_TGZ_INTEGRITY, got $actual_integrity" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work" package/libchdb.so
actual_sha="$(sha256sum "$work/package/libchdb.so" | cut -d' ' -f1)"
if [[ "$actual_sha" != "$CHDB_LIB_SHA256" ]]; then
  echo "fetch-chdb: libchdb.so sha256 mismatch: expected $CHDB_LIB_SHA256, got $actual_sha" >&2
  exit 1
fi
mv -f "$work/package/libchdb.so" "$lib"
echo "$CHDB_LIB_SHA256" > "$stamp"
echo "$lib"
