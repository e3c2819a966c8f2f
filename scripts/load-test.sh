#!/usr/bin/env bash
# Load test of the demo body's endpoints on the embedded SQLite database: starts a release
# server with --demo in a temporary folder, logs in, and runs wrk (Debian package `wrk`) with
# 64 connections against the assessment and workspace endpoints and two web pages. Loopback only; bounded in time.
#   scripts/load-test.sh [seconds per endpoint, default 20]
#   scripts/load-test.sh --pdf [seconds, default 20]
#     measures a cheap request (GET /api/me, 8 connections) alone, then while two clients keep
#     asking for the demo body's measure plan as PDF (a CPU-heavy rendering): the p50/p99 of the
#     cheap request show whether rendering stalls the server's other requests.
# GRUNNMUR_BIN=path runs another build of the server instead of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=endpoints
if [[ "${1:-}" == "--pdf" ]]; then MODE=pdf; shift; fi
SECS="${1:-20}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
BIN="${GRUNNMUR_BIN:-}"
if [[ -z "$BIN" ]]; then cargo build --release -q -p grunnmur; BIN=./target/release/grunnmur; fi
DIR="$(mktemp -d)"
PORT=18080
"$BIN" serve --demo --data-dir "$DIR" --listen "127.0.0.1:$PORT" > "$DIR/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
COOKIE=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"demo@grunnmur.no","password":"grunnmur-demo"}' "http://127.0.0.1:$PORT/api/login" \
  | tr -d '\r' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
ORGNR=$(curl -s -H "cookie: $COOKIE" "http://127.0.0.1:$PORT/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["memberships"][0]["orgnr"])')
echo "server pid $PID, body $ORGNR, $(nproc) cores"
if [[ "$MODE" == pdf ]]; then
  CSRF=$(curl -s -H "cookie: $COOKIE" "http://127.0.0.1:$PORT/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])')
  ID=$(curl -sf -H "cookie: $COOKIE" -H "x-csrf-token: $CSRF" -H 'content-type: application/json' \
    -d '{"kind":"measure-plan"}' "http://127.0.0.1:$PORT/api/bodies/$ORGNR/reports" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  PDF_URL="http://127.0.0.1:$PORT/api/bodies/$ORGNR/reports/$ID?format=pdf"
  curl -sf -o "$DIR/plan.pdf" -H "cookie: $COOKIE" "$PDF_URL"
  echo "measure plan as PDF: $(stat -c %s "$DIR/plan.pdf") bytes"
  cheap() {
    wrk -t1 -c8 -d"${SECS}s" --latency -H "cookie: $COOKIE" "http://127.0.0.1:$PORT/api/me" \
      | grep -E "Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%|requests in"
  }
  echo "== GET /api/me alone, 8 connections, ${SECS}s"
  cheap
  echo "== GET /api/me while 2 clients render the measure plan as PDF, ${SECS}s"
  for _ in 1 2; do
    (end=$((SECONDS + SECS + 2)); n=0
     while (( SECONDS < end )); do curl -sf -o /dev/null -H "cookie: $COOKIE" "$PDF_URL" && n=$((n + 1)); done
     echo "   PDF client: $n renderings") &
  done
  sleep 1
  cheap
  wait $(jobs -p | grep -v "^$PID$") 2>/dev/null || true
  exit 0
fi
for path in "/api/bodies/$ORGNR/assessment" "/api/bodies/$ORGNR/workspace" "/api/me" "/b/$ORGNR" "/b/$ORGNR/systems"; do
  echo "== GET $path, 64 connections, ${SECS}s"
  wrk -t2 -c64 -d"${SECS}s" --latency -H "cookie: $COOKIE" "http://127.0.0.1:$PORT$path" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%|requests in"
done
echo "== GET /api/bodies/$ORGNR/assessment with Accept-Encoding: gzip, 64 connections, ${SECS}s"
wrk -t2 -c64 -d"${SECS}s" --latency -H "cookie: $COOKIE" -H "accept-encoding: gzip" \
  "http://127.0.0.1:$PORT/api/bodies/$ORGNR/assessment" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%|requests in"
echo "== server memory after the load: $(grep VmRSS /proc/$PID/status) (peak $(grep VmHWM /proc/$PID/status | awk '{print $2, $3}'))"
