#!/usr/bin/env bash
# The national case in a server, measured (issue 13, "at national scale"):
#   1. `grunnmur gen` writes the national case (600 bodies × 300 systems, 50 declarations);
#      `grunnmur load` puts it into a fresh store (SQLite in a temporary folder, or PostgreSQL
#      with --postgres URL: that database's schema public is DROPPED first — give it a database
#      of its own, e.g. postgres://postgres@127.0.0.1:5432/grunnmur_national, created if missing)
#      and stores every contribution.
#   2. A release server starts on it; the time from its start to the first national answer.
#   3. wrk: GET /api/national/coverage, 16 connections, warm (p50/p99, requests/s).
#   4. A change to one body's workspace through the API, and the time until the national view
#      shows it.
#   5. The server's resident memory (now and peak).
# Usage: scripts/national-load.sh [--postgres URL] [seconds of wrk, default 20]
# GRUNNMUR_BIN=path runs another build; GRUNNMUR_NATIONAL_CASE=DIR reuses a generated case.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=""
if [[ "${1:-}" == "--postgres" ]]; then PG="$2"; shift 2; fi
SECS="${1:-20}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
BIN="${GRUNNMUR_BIN:-}"
if [[ -z "$BIN" ]]; then cargo build --release -q -p grunnmur; BIN=./target/release/grunnmur; fi
DIR="$(mktemp -d)"
PORT=18090
PID=""
trap '[[ -n "$PID" ]] && kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
CASE="${GRUNNMUR_NATIONAL_CASE:-$DIR/case}"
if [[ ! -f "$CASE/catalog.json" ]]; then
  /usr/bin/time -f "gen: %e s, peak %M KB" "$BIN" gen --out "$CASE"
fi
echo "case: $(ls "$CASE/bodies" | wc -l) bodies, $(du -sh "$CASE" | cut -f1)"
STORE=(--data-dir "$DIR/data")
if [[ -n "$PG" ]]; then
  DB="${PG##*/}"
  psql "${PG%/*}/postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || psql "${PG%/*}/postgres" -qc "CREATE DATABASE \"$DB\"" >/dev/null
  psql "$PG" -q -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
  STORE+=(--database-url "$PG")
fi
/usr/bin/time -f "load: %e s, peak %M KB" "$BIN" load "${STORE[@]}" "$CASE"
# A supervisor who also edits one municipality (to make the change below).
ORGNR=$(python3 -c 'import json,glob,sys
for f in sorted(glob.glob(sys.argv[1] + "/bodies/*.json")):
    o = json.load(open(f))["org"]
    if o["kind"] == "kommune": print(o["orgnr"]); break' "$CASE")
echo "national-load-password" | "$BIN" user create "${STORE[@]}" --email tilsyn@example.no \
  --password-stdin >/dev/null
"$BIN" platform grant "${STORE[@]}" --email tilsyn@example.no --role supervisor >/dev/null
"$BIN" user grant "${STORE[@]}" --email tilsyn@example.no --body "$ORGNR" --role editor >/dev/null
start_ms=$(date +%s%3N)
"$BIN" serve "${STORE[@]}" --catalog "$CASE/catalog.json" --listen "127.0.0.1:$PORT" \
  --insecure-cookies > "$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done
COOKIE=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"tilsyn@example.no","password":"national-load-password"}' \
  "http://127.0.0.1:$PORT/api/login" | tr -d '\r' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
URL="http://127.0.0.1:$PORT/api/national/coverage"
curl -sf -o "$DIR/first.json" -H "cookie: $COOKIE" "$URL"
first_ms=$(( $(date +%s%3N) - start_ms ))
echo "first national answer after start (incl. sign-in): ${first_ms} ms; $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bodies"])' "$DIR/first.json") bodies"
echo "== GET /api/national/coverage, 16 connections, ${SECS}s"
wrk -t2 -c16 -d"${SECS}s" --latency -H "cookie: $COOKIE" "$URL" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%|requests in"
echo "== GET /api/national/coverage?kind=kommune, 16 connections, ${SECS}s"
wrk -t2 -c16 -d"${SECS}s" --latency -H "cookie: $COOKIE" "$URL?kind=kommune" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%|requests in"
# A change: the first municipality becomes a state agency; how long until the view shows it.
python3 - "$PORT" "$COOKIE" "$ORGNR" <<'EOF'
import json, sys, time, urllib.request
port, cookie, orgnr = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"
def call(method, path, body=None, headers=None):
    h = {"cookie": cookie, **(headers or {})}
    req = urllib.request.Request(base + path, data=body, method=method, headers=h)
    with urllib.request.urlopen(req) as r:
        return r.read()
me = json.loads(call("GET", "/api/me"))
def stat_bodies():
    return json.loads(call("GET", "/api/national/coverage?kind=stat"))["bodies"]
before = stat_bodies()
doc = json.loads(call("GET", f"/api/bodies/{orgnr}/workspace"))
doc["org"]["kind"] = "stat"
t0 = time.monotonic()
call("PUT", f"/api/bodies/{orgnr}/workspace", json.dumps(doc).encode(),
     {"content-type": "application/json", "x-csrf-token": me["csrf"]})
put_ms = (time.monotonic() - t0) * 1000
while stat_bodies() != before + 1:
    if time.monotonic() - t0 > 30:
        sys.exit("the change did not reach the national view in 30 s")
    time.sleep(0.01)
print(f"a workspace change (PUT {put_ms:.0f} ms) shown in the national view after "
      f"{(time.monotonic() - t0) * 1000:.0f} ms (state agencies {before} -> {before + 1})")
EOF
grep -E "VmRSS|VmHWM" "/proc/$PID/status" | tr -s ' \t' ' '
