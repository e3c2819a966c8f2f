#!/usr/bin/env bash
# The API against its own contract: schemathesis (PyPI) generates requests from
# /api/openapi.json — valid ones and invalid ones — and sends them to `grunnmur serve --demo`,
# signed in with a bearer token of the demo user (an administrator of the demo body, which the
# body-scoped operations are pointed at). It fails on any 5xx answer, any answer whose
# status code the document does not list for the operation, and any answer that does not match
# the documented schema or content type.
#
#   bash scripts/api-contract.sh            # builds the binary if needed
#   GRUNNMUR_BIN=target/release/grunnmur API_CONTRACT_MAX_EXAMPLES=200 bash scripts/api-contract.sh
#
# schemathesis is installed with pip into a virtual environment of its own (pinned below; the
# first run downloads it, later runs reuse it). The run is bounded: at most
# API_CONTRACT_MAX_EXAMPLES cases per operation and phase (default 20), and the whole run is
# stopped after API_CONTRACT_TIMEOUT seconds (default 300) — a run cut off fails. Failures are
# printed with a curl command to reproduce them; the report is in target/api-contract/.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
VENV="${API_CONTRACT_VENV:-target/api-contract-venv}"
MAX_EXAMPLES="${API_CONTRACT_MAX_EXAMPLES:-20}"
TIMEOUT="${API_CONTRACT_TIMEOUT:-300}"
OUT=target/api-contract

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

BIN="${GRUNNMUR_BIN:-}"
if [ -z "$BIN" ]; then
  cargo build --locked -q -p grunnmur
  BIN=target/debug/grunnmur
fi

WORK="$(mktemp -d)"
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A fresh demo on a free port; its first line naming a URL is the address.
"$BIN" serve --demo --data-dir "$WORK/data" --listen 127.0.0.1:0 --insecure-cookies \
  >"$WORK/serve.log" 2>&1 &
PID=$!
BASE=""
for _ in $(seq 1 600); do
  BASE="$(grep -o 'http://[0-9.:]*' "$WORK/serve.log" 2>/dev/null | head -n 1 || true)"
  [ -n "$BASE" ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve.log"; echo "grunnmur serve stopped" >&2; exit 1; }
  sleep 0.1
done
[ -n "$BASE" ] || { cat "$WORK/serve.log"; echo "grunnmur serve printed no address" >&2; exit 1; }
TOKEN="$("$BIN" token create --email demo@grunnmur.no --label api-contract --data-dir "$WORK/data")"

# Body-scoped operations go to the demo body, so they reach their handlers rather than a 404.
ORGNR="$(grep -o 'orgnr: "[0-9]*"' examples/kommune.yaml | head -n 1 | grep -o '[0-9]\{9\}')"
cat >"$WORK/schemathesis.toml" <<TOML
[parameters]
"path.orgnr" = "$ORGNR"
TOML

mkdir -p "$OUT"
echo "schemathesis $SCHEMATHESIS_VERSION against $BASE (at most $MAX_EXAMPLES cases per operation)"
status=0
timeout --signal=INT "$TIMEOUT" "$VENV/bin/schemathesis" --config-file "$WORK/schemathesis.toml" \
  run "$BASE/api/openapi.json" \
  --url "$BASE" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
  --max-examples "$MAX_EXAMPLES" \
  --seed "${API_CONTRACT_SEED:-1}" \
  --workers 2 \
  --request-timeout 60 \
  --suppress-health-check all \
  --report junit --report-dir "$OUT" \
  --output-truncate true || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 130 ]; then
  echo "api-contract: stopped after ${TIMEOUT}s — the run did not finish" >&2
fi
if ! kill -0 "$PID" 2>/dev/null; then
  echo "api-contract: the server is gone" >&2
  cat "$WORK/serve.log" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  # What the server said about the failures: the cause of a 500 is in its log, not the answer.
  echo "api-contract: errors and warnings in the server's log:" >&2
  grep -E 'ERROR|WARN' "$WORK/serve.log" | tail -n 40 >&2 || true
fi
exit "$status"
