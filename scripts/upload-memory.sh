#!/usr/bin/env bash
# Memory while evidence uploads stream in: a release cmas on a fresh demo
# database, an open assessment, then 25 MiB evidence files sent at 5 MB/s
# (one, then four at once), the server's resident memory sampled every
# 100 ms. Prints the baseline, the peak during each phase and the end.
#
#   scripts/upload-memory.sh [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${CARGO_TARGET_DIR:-target}/release/cmas}"
[ -x "$bin" ] || cargo build --release --quiet --bin cmas
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
CMAS_DATABASE_URL="${work}/cmas.sqlite3" CMAS_BIND="127.0.0.1:${port}" CMAS_LOG=warn "$bin" serve --demo >"${work}/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "${base}/readyz" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
csrf="$(curl -sf -c "${work}/c" -X POST "${base}/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"consultant@demo.cmas","password":"demo-consultant-pass"}' | json 'd["csrf_token"]')"
token="$(curl -sf -b "${work}/c" -H "X-CSRF-Token: ${csrf}" -X POST "${base}/api/v1/tokens" \
  -H 'content-type: application/json' -d '{"name":"memory"}' | json 'd["token"]')"
auth=(-H "Authorization: Bearer ${token}")
client="$(curl -sf "${auth[@]}" "${base}/api/v1/clients" | json 'd[0]["id"]')"
questionnaire="$(curl -sf "${auth[@]}" "${base}/api/v1/questionnaires" | json 'd[0]["id"]')"
assessment="$(curl -sf "${auth[@]}" -X POST "${base}/api/v1/assessments" -H 'content-type: application/json' \
  -d "{\"client_id\":${client},\"questionnaire_id\":${questionnaire},\"assessment_date\":\"2026-12-01\"}" | json 'd["id"]')"
for i in 1 2 3 4 5; do
  # Just under the 25 MiB limit.
  python3 -c "import sys; line = ('notes of interview $i ' * 8 + '\n'); sys.stdout.write((line * (25*1024*1024 // len(line)))[:25*1024*1024 - 1024])" > "${work}/file$i.txt"
done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/${server}/status"; }
sample() { local peak=0; while kill -0 "$1" 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.1; done; echo "$peak"; }
upload() { curl -s -o /dev/null -w '%{http_code} ' --limit-rate 5M "${auth[@]}" -H 'content-type: text/plain' \
  --data-binary "@${work}/file$1.txt" "${base}/api/v1/assessments/${assessment}/evidence/files?file_name=interview-$1.txt"; }
echo "file size: $(stat -c %s "${work}/file1.txt") bytes; baseline RSS: $(rss) MiB"
( upload 1; echo ) & pid=$!; peak=$(sample $pid); wait $pid
echo "one 25 MiB upload at 5 MB/s: peak RSS ${peak} MiB"
( for i in 2 3 4 5; do upload "$i" & done; wait; echo ) & pid=$!; peak=$(sample $pid); wait $pid
echo "four at once: peak RSS ${peak} MiB"
sleep 5
echo "5 s later: RSS $(rss) MiB"
