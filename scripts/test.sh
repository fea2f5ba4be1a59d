#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native, browser (wasm-bindgen-test in headless
# Chromium), one release build with its size report and budget, and the end-to-end suite against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh --browser --anki
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
failed=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting (cargo fmt --check, rustfmt.toml)"
cargo fmt --check || failed=1

step "clippy with warnings as errors (native and wasm32, every target)"
cargo clippy --locked --all-targets -- -D warnings || failed=1
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings || failed=1

step "native tests (domain, schema, deck, migrations, FSRS reference vectors, fuzzing)"
# The property tests fuzz the importers, the JSON reader and the storage decoder: more cases than
# proptest's default, and a time limit, so a hang fails the run instead of stalling it.
export PROPTEST_CASES="${PROPTEST_CASES:-1000}" FUZZ_CASES="${FUZZ_CASES:-2000}"
timeout 900 cargo test --locked || failed=1

step "Anki (its own pip package): every export option of Anki read here, and our export read by Anki"
# Anki writes a fresh set of its plain-text exports (which must match tests/data/anki/ and import as
# expected); the app's "Download for Anki" file is written and imported into a fresh Anki collection.
anki_dir=$(mktemp -d)
{ .tools/anki-venv/bin/python scripts/anki-fixtures.py "$anki_dir/exports" &&
  ANKI_EXPORTS_DIR="$anki_dir/exports" ANKI_EXPORT_OUT="$anki_dir/second-round-for-anki.txt" cargo test --locked --test anki_files &&
  .tools/anki-venv/bin/python scripts/anki-check-import.py "$anki_dir/second-round-for-anki.txt"; } || failed=1
rm -rf "$anki_dir"

step "browser tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser || failed=1

step "release build"
trunk build --release
scripts/size.sh dist

step "end-to-end tests against dist/ (headless Chromium, phone size)"
node --test --test-concurrency=1 tests/e2e/ || failed=1
step "the core journeys in WebKit (WebKitGTK through WebKitWebDriver, under Xvfb)"
node --test --test-concurrency=1 tests/webkit/ || failed=1

echo "Screenshots: $(pwd)/tests/e2e/screenshots/"
ls tests/e2e/screenshots/

if [ "$failed" != 0 ]; then
  echo "SOME TESTS FAILED"
  exit 1
fi
echo "all tests passed"
