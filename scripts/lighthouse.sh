#!/usr/bin/env bash
# Runs Lighthouse 12.2.3 (mobile preset, the default) with the system Chromium against the release
# build served on 127.0.0.1 — compressed as static hosts serve it (brotli) and uncompressed — and
# prints the category scores and timings of each. Not part of the test suite: scores are
# measurements, not assertions. Usage: scripts/lighthouse.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
TOOLS=.tools/lighthouse
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  echo "[lighthouse] installing lighthouse@12.2.3 into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save lighthouse@12.2.3 >/dev/null
fi
[ -f "$DIST/index.html" ] || { echo "no build in $DIST: run trunk build --release first"; exit 1; }
PORT=${PORT:-4173}
OUT=$(mktemp -d)
# Static hosts serve the app compressed; Lighthouse runs once that way (brotli, as the browser asks
# for it) and once uncompressed, so both figures are printed.
for MODE in compressed uncompressed; do
  FLAG=""; [ "$MODE" = compressed ] && FLAG=--compress
  node tests/e2e/serve.mjs "$DIST" "$PORT" $FLAG > /dev/null & SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
  echo
  echo "== served $MODE$([ "$MODE" = compressed ] && echo ' (brotli, as static hosts serve it)')"
  CHROME_PATH=/usr/bin/chromium "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" \
    --quiet --output=json --output-path="$OUT/$MODE.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$OUT/profile-$MODE"
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true
  node -e '
const r = require(process.argv[1]);
console.log(`Lighthouse ${r.lighthouseVersion}, ${r.configSettings.formFactor}, ${r.finalDisplayedUrl}`);
for (const c of Object.values(r.categories)) console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
const a = r.audits;
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
  console.log(`  ${a[id].title}: ${a[id].displayValue}`);
const bytes = a["total-byte-weight"];
if (bytes) console.log(`  Transferred: ${Math.round(bytes.numericValue).toLocaleString("en")} bytes`);
const failed = Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary").map((x) => x.id);
if (failed.length) console.log("  failing binary audits: " + failed.join(", "));
' "$OUT/$MODE.json"
  cp "$OUT/$MODE.json" "${REPORT_DIR:-/tmp}/lighthouse-$MODE.json"
done
echo
echo "full reports: ${REPORT_DIR:-/tmp}/lighthouse-compressed.json, ${REPORT_DIR:-/tmp}/lighthouse-uncompressed.json"
