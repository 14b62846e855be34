#!/usr/bin/env bash
# Exits 0 when the PostgreSQL server of the URL ($1) accepts a query.
set -u
url="$1"
if command -v psql >/dev/null 2>&1; then
  psql "$url" -qtAc 'SELECT 1' >/dev/null 2>&1
else
  hostport="${url#*@}"; hostport="${hostport%%/*}"
  (exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}") 2>/dev/null
fi
