#!/usr/bin/env bash
# Prints the raw and brotli bytes of every file in a release dist/ and the total a first visit
# downloads. Usage: scripts/size.sh [dist]   (build first with `trunk build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/size.mjs "${1:-dist}"
