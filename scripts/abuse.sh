#!/usr/bin/env bash
# Abuse run: a release cmas on a fresh demo database, on a free loopback port,
# under the traffic of a security probe (parallel password guesses, thousands
# of slow request bodies, made-up methods, oversized uploads, big pages in
# parallel), from outside. Prints one line per phase, a table of the server's
# memory (VmRSS and its peak VmHWM) after each, and the figures for the README.
#
#   scripts/abuse.sh [BIN] [--quick] [ABUSE.PY ARGS…]
#
# BIN defaults to ${CARGO_TARGET_DIR:-target}/release/cmas (built if missing).
# --quick: 200 slow bodies instead of 2,000, 2,000 made-up methods instead of
# 20,000, shorter probes and idle wait. Every request goes to 127.0.0.1 only;
# the server is stopped when the run ends, however it ends.
set -euo pipefail

bin=""
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  bin="$(realpath "$1")"
  shift
fi
cd "$(dirname "$0")/.."

if [ -z "$bin" ]; then
  bin="${CARGO_TARGET_DIR:-target}/release/cmas"
  [ -x "$bin" ] || cargo build --quiet --release --bin cmas
  bin="$(realpath "$bin")"
fi
[ -x "$bin" ] || { echo "abuse.sh: no executable at ${bin}" >&2; exit 2; }

work="$(mktemp -d)"
server=""
# Running, and not a zombie waiting to be reaped (`kill -0` would say yes to one).
alive() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null || true)"; [ -n "$state" ] && [ "${state:0:1}" != Z ]; }
cleanup() {
  if [ -n "$server" ]; then
    if alive "$server"; then
      kill "$server" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$server" || break; sleep 0.2; done
      alive "$server" && kill -9 "$server" 2>/dev/null
    fi
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"

CMAS_DATABASE_URL="${work}/cmas.sqlite3" CMAS_BIND="127.0.0.1:${port}" CMAS_LOG=warn \
  "$bin" serve --demo >"${work}/serve.out" 2>"${work}/serve.log" &
server=$!
echo "== cmas ${bin} on ${base} (pid ${server}), demo loading"

# Ready once the demo is loaded and the studies worked out ahead: up to 120 s.
ready=""
for _ in $(seq 1 600); do
  alive "$server" || break
  if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "${base}/readyz" || true)" = "200" ]; then
    ready=1
    break
  fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "abuse.sh: the server did not become ready within 120 s; the end of its log:" >&2
  tail -n 20 "${work}/serve.log" | cut -c1-300 >&2
  exit 1
fi

status=0
python3 scripts/abuse.py --base "$base" --pid "$server" "$@" || status=$?

# CMAS_LOG=warn: whatever the server logged (stderr) is a warning or worse;
# its stdout (the demo logins, a generated admin password) is not shown.
lines="$(wc -l <"${work}/serve.log")"
echo
echo "server log (warn and above): ${lines} lines$([ "$lines" -gt 0 ] && echo ", the last:")"
[ "$lines" -gt 0 ] && tail -n 8 "${work}/serve.log" | cut -c1-300
if ! alive "$server"; then
  echo "abuse.sh: the server is no longer running" >&2
  status=1
fi
exit "$status"
