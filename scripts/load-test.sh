#!/usr/bin/env bash
# Load test of the demo body's endpoints on the embedded SQLite database: starts a release
# server with --demo in a temporary folder, logs in, and runs wrk (Debian package `wrk`) with
# 64 connections against the assessment and workspace endpoints and two web pages. Loopback only; bounded in time.
#   scripts/load-test.sh [seconds per endpoint, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-20}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p grunnmur
DIR="$(mktemp -d)"
PORT=18080
./target/release/grunnmur serve --demo --data-dir "$DIR" --listen "127.0.0.1:$PORT" > "$DIR/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
COOKIE=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"demo@grunnmur.no","password":"grunnmur-demo"}' "http://127.0.0.1:$PORT/api/login" \
  | tr -d '\r' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
ORGNR=$(curl -s -H "cookie: $COOKIE" "http://127.0.0.1:$PORT/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["memberships"][0]["orgnr"])')
echo "server pid $PID, body $ORGNR, $(nproc) cores"
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
