#!/usr/bin/env bash
# Server time per page, role by role: cmas (release build) on a demo
# portfolio of CLIENTS clients (default: the demo's 48), each page asked
# ROUNDS times (default 20) one at a time on loopback; prints a Markdown
# table of the median and the slowest answer in milliseconds.
#
#   scripts/page-timing.sh [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."

clients="${1:-48}"
rounds="${ROUNDS:-20}"
cargo build --quiet --release --bin cmas
bin="$(realpath "${CARGO_TARGET_DIR:-target}/release/cmas")"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
export CMAS_DATABASE_URL="${work}/cmas.sqlite3" CMAS_BIND="127.0.0.1:${port}" CMAS_LOG=warn CMAS_ADMIN_PASSWORD="timing-admin-password"
"$bin" demo --clients "$clients" | head -1
"$bin" serve >"${work}/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf "${base}/readyz" >/dev/null && break; sleep 0.2; done

login() { # email password -> a cookie jar with the session
  curl -sf -X POST "${base}/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" -c "${work}/$1.cookies" >/dev/null
  echo "${work}/$1.cookies"
}
time_page() { # role jar path
  local times
  times=$(for _ in $(seq 1 "$rounds"); do
    curl -s -o /dev/null -b "$2" -w '%{http_code} %{time_total}\n' "${base}$3"
  done)
  python3 - "$1" "$3" <<PY
import statistics, sys
rows = [line.split() for line in """${times}""".strip().splitlines()]
codes = {r[0] for r in rows}
ms = sorted(float(r[1]) * 1000 for r in rows)
print(f"| {sys.argv[1]} | \`{sys.argv[2]}\` | {'/'.join(sorted(codes))} | {statistics.median(ms):.1f} | {ms[-1]:.1f} |")
PY
}

consultant="$(login consultant@demo.cmas demo-consultant-pass)"
admin="$(login admin@demo.cmas demo-admin-pass)"
executive="$(login executive@demo.cmas demo-executive-pass)"
manager="$(login programme@demo.cmas demo-programme-pass)"
programme="$(curl -sf -b "$manager" "${base}/api/v1/programmes" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
final="$(curl -sf -b "$consultant" "${base}/api/v1/assessments?status=final&per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"

echo
echo "| ${clients} clients | page | status | median ms | slowest ms |"
echo "|---|---|---|---|---|"
for path in / /clients "/clients?q=bank" /clients/1 /assessments "/assessments?q=bank&status=final" "/assessments/${final}/scorecard" /programmes; do
  time_page consultant "$consultant" "$path"
done
for path in / /admin/users /admin/audit /admin/access /admin/settings; do
  time_page admin "$admin" "$path"
done
for path in / /clients; do
  time_page executive "$executive" "$path"
done
for path in / "/programmes/${programme}"; do
  time_page "programme manager" "$manager" "$path"
done
