#!/usr/bin/env bash
# Runs Lighthouse 12.2.3 (mobile preset, the default: simulated slow 4G and a CPU four times slower)
# with the system Chromium against the release build served on 127.0.0.1 — compressed as static hosts
# serve it (brotli) and uncompressed — several times each, and prints every run's scores and timings,
# their medians, and what the Largest Contentful Paint was (the element, and where its time went).
# Not part of the test suite: scores are measurements, not assertions; the machine's load is printed
# with them, since a busy machine slows the simulated CPU too.
# Lighthouse's default simulates the slow network and CPU from a load observed at full speed
# (loopback here); THROTTLING=devtools throttles the real load instead (slower to run, closer to a phone).
# Usage: [RUNS=5] [MODES="compressed uncompressed"] [THROTTLING=simulate|devtools] scripts/lighthouse.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
RUNS=${RUNS:-5}
MODES=${MODES:-compressed uncompressed}
THROTTLING=${THROTTLING:-simulate}
TOOLS=.tools/lighthouse
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  echo "[lighthouse] installing lighthouse@12.2.3 into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save lighthouse@12.2.3 >/dev/null
fi
[ -f "$DIST/index.html" ] || { echo "no build in $DIST: run trunk build --release first"; exit 1; }
PORT=${PORT:-4173}
OUT=$(mktemp -d)
REPORTS=${REPORT_DIR:-/tmp}
mkdir -p "$REPORTS"
echo "Lighthouse against $DIST, $RUNS runs a mode, $THROTTLING throttling; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# Static hosts serve the app compressed; Lighthouse runs that way (brotli, as the browser asks for
# it) and uncompressed, so both figures are printed.
for MODE in $MODES; do
  FLAG=""; [ "$MODE" = compressed ] && FLAG=--compress
  node tests/e2e/serve.mjs "$DIST" "$PORT" $FLAG > /dev/null & SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
  echo
  echo "== served $MODE$([ "$MODE" = compressed ] && echo ' (brotli, as static hosts serve it)')"
  for RUN in $(seq "$RUNS"); do
    CHROME_PATH=/usr/bin/chromium "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" \
      --quiet --output=json --output-path="$OUT/$MODE-$RUN.json" --throttling-method="$THROTTLING" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$OUT/profile-$MODE-$RUN"
    cp "$OUT/$MODE-$RUN.json" "$REPORTS/lighthouse-$MODE-$RUN.json"
  done
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true
  node -e '
const [mode, runs, dir] = process.argv.slice(1);
const reports = Array.from({ length: Number(runs) }, (_, i) => require(`${dir}/${mode}-${i + 1}.json`));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${(x / 1000).toFixed(2)} s`;
const r0 = reports[0];
console.log(`Lighthouse ${r0.lighthouseVersion}, ${r0.configSettings.formFactor}, ${r0.finalDisplayedUrl}`);
const cats = Object.keys(r0.categories);
for (const c of cats) {
  const xs = reports.map((r) => Math.round(r.categories[c].score * 100));
  console.log(`${r0.categories[c].title.padEnd(16)} median ${median(xs)}   (runs: ${xs.join(", ")})`);
}
for (const id of ["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time", "interactive"]) {
  const xs = reports.map((r) => r.audits[id].numericValue);
  const fmt = id === "total-blocking-time" ? (x) => `${Math.round(x)} ms` : ms;
  console.log(`  ${r0.audits[id].title}: median ${fmt(median(xs))}   (runs: ${xs.map(fmt).join(", ")})`);
}
const cls = reports.map((r) => r.audits["cumulative-layout-shift"].numericValue);
console.log(`  Cumulative Layout Shift: median ${median(cls).toFixed(3)}`);
const bytes = reports.map((r) => r.audits["total-byte-weight"]?.numericValue || 0);
console.log(`  Transferred: ${Math.round(median(bytes)).toLocaleString("en")} bytes`);
// What the LCP was, and its phases (time to first byte, the wait before its resource loads, the
// load, the render delay after it), from the last run.
const el = r0.audits["largest-contentful-paint-element"];
const items = el?.details?.items || [];
const node = items[0]?.items?.[0]?.node;
if (node) console.log(`  LCP element: ${node.snippet.slice(0, 160)}`);
const phases = items[1]?.items;
if (phases) console.log("  LCP phases: " + phases.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(", "));
const failed = Object.values(r0.audits).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary").map((x) => x.id);
if (failed.length) console.log("  failing binary audits (first run): " + failed.join(", "));
' "$MODE" "$RUNS" "$OUT"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "full reports: $REPORTS/lighthouse-<mode>-<run>.json"
