#!/usr/bin/env bash
# Attestations against an independent JOSE implementation: `grunnmur keygen` and
# `grunnmur attest issue` on the example municipality, then joserfc (PyPI, on the cryptography
# package) verifies the token with the public JWK and refuses it with one changed byte.
#
#   bash scripts/attest-interop.sh        # builds the binary if needed
#
# joserfc is installed with pip into a virtual environment of its own (pinned below).
set -euo pipefail
cd "$(dirname "$0")/.."

JOSERFC_VERSION=1.8.0
VENV="${ATTEST_VENV:-target/attest-venv}"
if ! "$VENV/bin/python" -c "import joserfc, sys; sys.exit(joserfc.__version__ != '$JOSERFC_VERSION')" 2>/dev/null; then
  echo "installing joserfc $JOSERFC_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "joserfc==$JOSERFC_VERSION"
fi

BIN="${GRUNNMUR_BIN:-}"
if [ -z "$BIN" ]; then
  cargo build --locked -q -p grunnmur
  BIN=target/debug/grunnmur
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN" --lang en keygen --out "$WORK/key.jwk" >"$WORK/public.jwk"
"$BIN" --lang en attest issue examples/kommune.yaml --declarations examples/declarations \
  --key "$WORK/key.jwk" --out "$WORK/a.jws" >/dev/null
"$VENV/bin/python" scripts/attest_interop.py "$WORK/a.jws" "$WORK/public.jwk"
