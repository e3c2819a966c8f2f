#!/usr/bin/env bash
# Takes the user guide's pictures again (docs/guide/{nb,en}/*.png) with the browser test's own
# flow against `grunnmur serve --demo`: run after a change to the pages the guides show.
set -euo pipefail
cd "$(dirname "$0")/.."
GRUNNMUR_GUIDE_DIR="$PWD/docs/guide" GRUNNMUR_BROWSER_ONLY=guide GRUNNMUR_REQUIRE_BROWSER=1 \
  cargo test -p grunnmur --test browser -- --nocapture
