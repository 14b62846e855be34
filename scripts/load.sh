#!/usr/bin/env bash
# Load figures: cmas (release build) under CONNECTIONS concurrent connections
# on loopback, each scenario beside the ceiling of a bare handler of the same
# server (/healthz, through the same middleware). Prints a Markdown table,
# then single requests one at a time: results, scorecard, study, and the
# first scorecard and study after one more assessment is finalised.
#
#   scripts/load.sh [sqlite|postgres] [CLIENTS]     # defaults: sqlite 10000
#
# DURATION (default 15s) and CONNECTIONS (default 64) tune the runs;
# CMAS_LOAD_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
# is where the postgres run makes its own schema. Installs wrk if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:-sqlite}"
clients="${2:-10000}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-64}"

if ! command -v wrk >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq wrk
fi

cargo build --quiet --release --bin cmas
bin="$(realpath "${CARGO_TARGET_DIR:-target}/release/cmas")"
work="$(mktemp -d)"
server=""
schema=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  [ -n "$schema" ] && psql -q "$pg" -c "DROP SCHEMA ${schema} CASCADE" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"

case "$backend" in
  sqlite) url="${work}/cmas.sqlite3" ;;
  postgres)
    pg="${CMAS_LOAD_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
    schema="load_$$"
    psql -q "$pg" -c "CREATE SCHEMA ${schema}"
    url="${pg}?options=-csearch_path%3D${schema}"
    ;;
  *) echo "usage: scripts/load.sh [sqlite|postgres] [CLIENTS]" >&2; exit 2 ;;
esac

export CMAS_DATABASE_URL="$url" CMAS_BIND="127.0.0.1:${port}" CMAS_LOG=warn CMAS_ADMIN_PASSWORD="load-admin-password"
echo "== demo portfolio: ${clients} clients (${backend})"
"$bin" demo --clients "$clients" | head -1
"$bin" serve >"${work}/serve.log" 2>&1 &
server=$!
# Ready once the instance has worked out the studies ahead (seconds at 10,000 clients).
for _ in $(seq 1 600); do curl -sf "${base}/readyz" >/dev/null && break; sleep 0.2; done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
token="$(curl -sf -X POST "${base}/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"consultant@demo.cmas","password":"demo-consultant-pass"}' -c "${work}/cookies" | json 'd["csrf_token"]')"
bearer="$(curl -sf -b "${work}/cookies" -H "X-CSRF-Token: ${token}" -X POST "${base}/api/v1/tokens" \
  -H 'content-type: application/json' -d '{"name":"load"}' | json 'd["token"]')"
auth="Authorization: Bearer ${bearer}"
# An admin's token, for the server's own counters at /metrics.
admin_token="$(curl -sf -X POST "${base}/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@demo.cmas","password":"demo-admin-pass"}' -c "${work}/admin-cookies" | json 'd["csrf_token"]')"
admin_bearer="$(curl -sf -b "${work}/admin-cookies" -H "X-CSRF-Token: ${admin_token}" -X POST "${base}/api/v1/tokens" \
  -H 'content-type: application/json' -d '{"name":"metrics"}' | json 'd["token"]')"
final="$(curl -sf -H "$auth" "${base}/api/v1/assessments?status=final" | json 'd[0]["id"]')"
questionnaire="$(curl -sf -H "$auth" "${base}/api/v1/questionnaires" | json 'd[0]["id"]')"
client="$(curl -sf -H "$auth" "${base}/api/v1/clients" | json 'd[0]["id"]')"
draft="$(curl -sf -H "$auth" -X POST "${base}/api/v1/assessments" -H 'content-type: application/json' \
  -d "{\"client_id\":${client},\"questionnaire_id\":${questionnaire},\"assessment_date\":\"2026-11-23\"}" | json 'd["id"]')"
questions="$(curl -sf -H "$auth" "${base}/api/v1/questionnaires/${questionnaire}" |
  json '",".join("\""+q["id"]+"\"" for a in d["definition"]["areas"] for s in a["sub_areas"] for q in s["questions"])')"

cat >"${work}/save.lua" <<EOF
local questions = { ${questions} }
local n = 0
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer ${bearer}"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local q = questions[(n % #questions) + 1]
  return wrk.format(nil, "/api/v1/assessments/${draft}/scores/" .. q, nil,
    string.format('{"intention":%d,"reality":%d}', n % 11, (n + 3) % 11))
end
EOF
cat >"${work}/login.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"consultant@demo.cmas","password":"demo-consultant-pass"}'
EOF
cat >"${work}/auth.lua" <<EOF
wrk.headers["Authorization"] = "Bearer ${bearer}"
EOF

# "name|path|script" per scenario; the first is the ceiling.
scenarios=(
  "bare handler (/healthz)|/healthz|"
  "bare handler, a results-sized body (a 33 KB static font)|/static/vendor/fonts/source-sans-3-latin-ext-400-normal.woff2|"
  "save a score|/|${work}/save.lua"
  "read consolidated results|/api/v1/assessments/${final}/results|${work}/auth.lua"
  "render a scorecard PDF|/api/v1/assessments/${final}/scorecard.pdf|${work}/auth.lua"
  "log in|/api/v1/auth/login|${work}/login.lua"
)

to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  python3 -c "v='$1'; print(round(float(v[:-2])/1000,2) if v.endswith('us') else round(float(v[:-2]),2) if v.endswith('ms') else round(float(v[:-1])*1000,1))"
}

# The server's resident memory now, its peak since the last reset_peak
# (writing 5 to clear_refs resets VmHWM), and its counters in /metrics.
rss_mib() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/${server}/status"; }
peak_mib() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/${server}/status"; }
peak_overall=0
reset_peak() {
  peak_overall=$(( $(peak_mib) > peak_overall ? $(peak_mib) : peak_overall ))
  echo 5 >"/proc/${server}/clear_refs"
}
metric() { curl -sf -H "Authorization: Bearer ${admin_bearer}" "${base}/metrics" | awk -v s="$1" '$1 == s {print $2}'; }
commits_before="$(metric cmas_db_commits_total)"

echo
echo "| ${backend}, ${clients} clients, ${connections} connections, ${duration} | requests/s | p50 ms | p99 ms | × ceiling | RSS after, MiB | peak during, MiB |"
echo "|---|---|---|---|---|---|---|"
echo "| (start-up: demo loaded, study worked out, two logins) | | | | | $(rss_mib) | $(peak_mib) |"
ceiling=""
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name path script <<<"$scenario"
  args=(-t2 -c"$connections" -d"$duration" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  reset_peak
  out="$(wrk "${args[@]}" "${base}${path}")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")"
  errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  [ -z "$ceiling" ] && ceiling="$rps"
  ratio="$(python3 -c "print(f'{float($rps)/float($ceiling):.2f}')")"
  echo "| ${name}${errors:+ (${errors} non-2xx)} | ${rps} | ${p50} | ${p99} | ${ratio} | $(rss_mib) | $(peak_mib) |"
  case "$name" in
    "bare handler, a results-sized body"*) sized_ceiling="$rps" ;;
    "read consolidated results") results_rps="$rps" ;;
  esac
  if [ "$name" = "save a score" ]; then
    saves="$(awk '/requests in/ {print $1}' <<<"$out")"
    commits_after="$(metric cmas_db_commits_total)"
    save_line="Saves: ${saves} answered in $((commits_after - commits_before)) commits."
  fi
done
echo
echo "$save_line"
echo "Results against the bare handler with a body of their size: $(python3 -c "print(f'{float($results_rps)/float($sized_ceiling):.2f}')")×."
for cache in results documents credentials; do
  hits="$(metric "cmas_cache_hits_total{cache=\"${cache}\"}")"
  misses="$(metric "cmas_cache_misses_total{cache=\"${cache}\"}")"
  echo "Cache ${cache}: ${hits} hits, ${misses} misses."
done
echo
reset_peak
echo "Single requests, one at a time (ms):"
ms() { curl -s -o /dev/null -w '%{time_total}' -H "$auth" "${base}$1" | python3 -c "import sys; print(round(float(sys.stdin.read())*1000,1))"; }
scorecard="/api/v1/assessments/${final}/scorecard.pdf"
echo "- consolidated results: $(ms "/api/v1/assessments/${final}/results")"
echo "- scorecard PDF: $(for _ in 1 2 3 4 5; do ms "$scorecard"; done | tr '\n' ' ')"
echo "- portfolio study: $(for _ in 1 2 3; do ms /api/v1/analysis/portfolio; done | tr '\n' ' ')"
# One more final assessment: the first scorecard and study after it.
fresh="$(curl -sf -H "$auth" -X POST "${base}/api/v1/assessments" -H 'content-type: application/json' \
  -d "{\"client_id\":${client},\"questionnaire_id\":${questionnaire},\"assessment_date\":\"2026-11-24\"}" | json 'd["id"]')"
for q in $(tr -d '"' <<<"$questions" | tr ',' ' '); do
  curl -sf -o /dev/null -H "$auth" -X PUT "${base}/api/v1/assessments/${fresh}/scores/${q}" \
    -H 'content-type: application/json' -d '{"intention":6,"reality":5}'
done
version="$(curl -sf -H "$auth" "${base}/api/v1/assessments/${fresh}" | json 'd["version"]')"
curl -sf -o /dev/null -H "$auth" -X PATCH "${base}/api/v1/assessments/${fresh}" \
  -H 'content-type: application/json' -d "{\"version\":${version},\"status\":\"final\"}"
echo "- after one more finalisation, scorecard PDF: $(ms "$scorecard"), then $(ms "$scorecard")"
echo "- after one more finalisation, study: $(ms /api/v1/analysis/portfolio), then $(ms /api/v1/analysis/portfolio)"

echo "- peak memory during these single requests: $(peak_mib) MiB"
reset_peak
echo
echo "Peak server memory over the whole run (VmHWM, the highest of the phases above): ${peak_overall} MiB"
