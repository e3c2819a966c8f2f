#!/usr/bin/env bash
# The assessment cache's bound, measured (issue 13): six bodies of 1,000 systems each
# (`grunnmur gen --bodies 6 --systems 1000`, loaded with `grunnmur load`), a release server
# with --cache-mb N, and each body's full assessment (every trail, gzipped as a browser asks)
# read in turn; the server's resident memory after each, and at the end.
# Usage: scripts/cache-bound.sh [MiB, default 256]
# GRUNNMUR_BIN=path runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-256}"
BIN="${GRUNNMUR_BIN:-}"
if [[ -z "$BIN" ]]; then cargo build --release -q -p grunnmur; BIN=./target/release/grunnmur; fi
DIR="$(mktemp -d)"
PORT=18092
PID=""
trap '[[ -n "$PID" ]] && kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
"$BIN" gen --out "$DIR/case" --bodies 6 --systems 1000 >/dev/null
"$BIN" load --data-dir "$DIR/data" "$DIR/case" >/dev/null
echo "reader-password" | "$BIN" user create --data-dir "$DIR/data" --email les@example.no \
  --password-stdin >/dev/null
ORGNRS=$(python3 -c 'import json,glob,sys
print(" ".join(json.load(open(f))["org"]["orgnr"] for f in sorted(glob.glob(sys.argv[1] + "/bodies/*.json"))))' "$DIR/case")
for o in $ORGNRS; do
  "$BIN" user grant --data-dir "$DIR/data" --email les@example.no --body "$o" --role reader >/dev/null
done
"$BIN" serve --data-dir "$DIR/data" --catalog "$DIR/case/catalog.json" --cache-mb "$MB" \
  --listen "127.0.0.1:$PORT" --insecure-cookies > "$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done
COOKIE=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"les@example.no","password":"reader-password"}' \
  "http://127.0.0.1:$PORT/api/login" | tr -d '\r' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$PID/status"; }
echo "--cache-mb $MB; server after start: $(rss)"
for o in $ORGNRS; do
  sizes=$(curl -sf -o /dev/null -w "%{size_download}" -H "cookie: $COOKIE" -H 'accept-encoding: gzip' \
    "http://127.0.0.1:$PORT/api/bodies/$o/assessment")
  plain=$(curl -sf -o /dev/null -w "%{size_download}" -H "cookie: $COOKIE" \
    "http://127.0.0.1:$PORT/api/bodies/$o/assessment?explain=false")
  echo "body $o: assessment $((sizes / 1024)) KB gzipped, $((plain / 1024)) KB without trails; server $(rss)"
done
sleep 1
echo "after all six: $(rss); peak $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$PID/status")"
