#!/usr/bin/env bash
# Side by side, in one run: Grunnmur's `oscal resolve` and compliance-trestle's resolver on the
# same input (FedRAMP rev5 HIGH against NIST SP 800-53 rev5), and Grunnmur's import of the
# NIST catalog as a measure bank. Wall time, CPU time (user+sys) and peak memory from
# /usr/bin/time -v; trestle's own timing of its resolver call.
#
#   crates/grunnmur-oscal/benches/compare.sh [RUNS]
#
# Needs: scripts/fetch-oscal-data.sh run first; a release build (made here); compliance-trestle
# in a venv at $TRESTLE_VENV (default /work/venv-trestle; `python3 -m venv DIR && DIR/bin/pip
# install compliance-trestle`). Nothing here is a test: it prints figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DATA="${GRUNNMUR_OSCAL_DATA:-$ROOT/target/oscal-data}"
RUNS="${1:-5}"
VENV="${TRESTLE_VENV:-/work/venv-trestle}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/release/grunnmur"
PROFILE="fedramp/FedRAMP_rev5_HIGH-baseline_profile.json"

(cd "$ROOT" && cargo build --release -p grunnmur --quiet)
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

measure() { # label, command...
  local label="$1"; shift
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time" || { cat "$OUT/time"; exit 1; }
    awk -v l="$label" -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = p[n] + (n > 1 ? p[n-1] * 60 : 0) }
      /User time/ { u = $2 } /System time/ { s = $2 }
      /Maximum resident set size/ { m = $2 }
      END { printf "%s: wall %.0f ms, cpu %.0f ms, peak %.1f MB\n", l, w * 1000, (u + s) * 1000, m / 1024 }
    ' "$OUT/time"
  done
}

echo "== $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "grunnmur oscal resolve FedRAMP HIGH" \
  "$BIN" oscal resolve "$DATA/$PROFILE" --out "$OUT/high.json"
python3 -c "
import json,sys
c=json.load(open('$OUT/high.json'))['catalog']
def n(cs): return sum(1+n(x.get('controls',[])) for x in cs)
print('grunnmur: controls in result:', n(c.get('controls',[]))+sum(n(g.get('controls',[])) for g in c.get('groups',[])))"
measure "grunnmur oscal import-catalog NIST + FedRAMP L/M/H" \
  "$BIN" oscal import-catalog "$DATA/nist/NIST_SP-800-53_rev5_catalog.json" \
  --baseline-profiles "$DATA/fedramp/FedRAMP_rev5_LOW-baseline_profile.json,$DATA/fedramp/FedRAMP_rev5_MODERATE-baseline_profile.json,$DATA/fedramp/FedRAMP_rev5_HIGH-baseline_profile.json" \
  --id nist --out "$OUT/nist.json"
if [[ -x "$VENV/bin/python" ]]; then
  measure "compliance-trestle resolve FedRAMP HIGH (process)" \
    "$VENV/bin/python" "$ROOT/crates/grunnmur-oscal/benches/trestle_resolve.py" "$DATA" "$PROFILE" 1
  "$VENV/bin/python" "$ROOT/crates/grunnmur-oscal/benches/trestle_resolve.py" "$DATA" "$PROFILE" "$RUNS"
  "$VENV/bin/pip" show compliance-trestle 2>/dev/null | grep -E '^(Name|Version)'
else
  echo "compliance-trestle: NOT RUN (no venv at $VENV)"
fi
