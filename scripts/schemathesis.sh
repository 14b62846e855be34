#!/usr/bin/env bash
# schemathesis (from PyPI) against the API's own OpenAPI document, with an
# admin's bearer token on a fresh demo database: no response may be a 5xx,
# and every status, content type and body must be the documented ones.
#
#   scripts/schemathesis.sh [EXAMPLES] [PHASES] [SECONDS]
#
# PHASES default to `coverage,stateful`: every operation's edge cases from
# the schema, then chains of calls through the document's links (a client
# created, assessed, scored, exported), both with the demo's records that
# scripts/schemathesis_config.py finds; `coverage,fuzzing,stateful` with
# EXAMPLES=20 and SECONDS=600 is the long run. schemathesis.toml says which
# warnings fail the run, and scripts/schemathesis_hooks.py reads our PDFs.
# EXAMPLES per operation (default 5) and SECONDS (default 180) bound the run. Left out: logout and password change (they would end
# the run's own credentials), revoking tokens (it could revoke the run's own
# token), and the TOML and XLSX uploads, which schemathesis cannot write
# (the fuzz targets and property tests cover those parsers).
set -euo pipefail
cd "$(dirname "$0")/.."

examples="${1:-5}"
phases="${2:-coverage,stateful}"
seconds="${3:-180}"
if ! python3 -c 'import schemathesis' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "schemathesis==4.32.5"
fi
# Through python3 itself: a fresh pip install need not have put `st` on PATH yet.
st() { python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())' "$@"; }

cargo build --quiet --bin cmas
bin="$(realpath "${CARGO_TARGET_DIR:-target}/debug/cmas")"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
CMAS_DATABASE_URL="${work}/cmas.sqlite3" CMAS_BIND="127.0.0.1:${port}" CMAS_LOG=warn "$bin" serve --demo \
  >"${work}/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "${base}/readyz" >/dev/null && break; sleep 0.2; done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
csrf="$(curl -sf -c "${work}/cookies" -X POST "${base}/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@demo.cmas","password":"demo-admin-pass"}' | json 'd["csrf_token"]')"
token="$(curl -sf -b "${work}/cookies" -H "X-CSRF-Token: ${csrf}" -X POST "${base}/api/v1/tokens" \
  -H 'content-type: application/json' -d '{"name":"schemathesis"}' | json 'd["token"]')"

# The demo's platform operator, for the operator routes.
operator="$(curl -sf -X POST "${base}/api/v1/operator/tokens" -H 'content-type: application/json' \
  -d '{"email":"ops@demo.cmas","password":"demo-operator-pass"}' | json 'd["token"]')"

# The tokens go in the run's config (an operation's own headers lose to the command line's).
python3 scripts/schemathesis_config.py "${base}" "${token}" "${work}/schemathesis.toml" "${operator}"
export PYTHONPATH="scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
  SCHEMATHESIS_EXAMPLES="${work}/schemathesis-examples.json"
st --config-file "${work}/schemathesis.toml" run "${base}/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases "${phases}" --max-examples "${examples}" --seed 20261123 --max-time "${seconds}" \
  --exclude-path /api/v1/auth/logout --exclude-path /api/v1/auth/password \
  --exclude-path '/api/v1/tokens/{id}' --exclude-name 'POST /api/v1/questionnaires' \
  --exclude-name 'POST /api/v1/assessments/{id}/workbook'
