#!/usr/bin/env bash
# Benchmarks of the release build in headless Chromium: installs what is missing, builds dist/ once,
# and prints the figures (see scripts/bench.mjs). Not part of the tests: figures, not assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
node scripts/bench.mjs dist
