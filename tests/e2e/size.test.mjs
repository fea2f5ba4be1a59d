// The bundle budget. What the first card waits for — index.html and what it makes the browser fetch
// before the app can start: its stylesheet, the wasm-bindgen JS and its snippets (module preloads)
// and the wasm (preloaded), with the built-in deck's general answers and coaching inside — must stay
// within 390,000 bytes brotli. Read from the built index.html (scripts/size.mjs `firstCardFiles`), so
// a file added there counts. What is fetched without holding up the first card — icons, manifest,
// the service worker and its registration — is reported, not counted; each role track's answers
// (tracks/<key>.txt, fetched when that track is chosen and precached after the first load) within
// 40,000 bytes.
//
// Set from measurement (README, Size): 381,292 bytes on main at the last integration of the
// round (2026-11-26), rounded up to the next 5,000 — 300,519 with the app core and the prerendered
// first screen, then the interview kit (+42.8 KB), the mock interview (+19.4 KB), and the tab bar,
// an address per screen, the snackbar and the rest of the phone-app work (+18.0 KB); none of it
// bought back yet. Since the first screen is prerendered
// into index.html, the first paint no longer waits for these bytes (only index.html and the
// stylesheets); the first card does: at 1.6 Mbit/s every 10 KB is about 50 ms more before it.
// Earlier budgets (a wider count, icons, manifest and service worker included): 120,000 for the drill
// alone, 175,000 with rehearse mode, your own cards and the first deck, 260,000 with the coach-grade
// deck, 290,000 with the serde-derived records; on this count, 310,000 and 320,000 before the kit
// and the mock came in.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { firstCardFiles, measure } from '../../scripts/size.mjs';
import { DIST } from './helpers.mjs';

export const BUDGET_BYTES = 390_000;
export const TRACK_BUDGET_BYTES = 40_000;
const isTrack = (r) => r.file.startsWith('tracks/');

test(`what the first card waits for is at most ${BUDGET_BYTES} bytes brotli, each track file at most ${TRACK_BUDGET_BYTES}`, () => {
  const rows = measure(DIST);
  const waits = firstCardFiles(DIST);
  const first = rows.filter((r) => waits.has(r.file));
  for (const f of waits) assert.ok(first.some((r) => r.file === f), `index.html names ${f}, which is not in dist/`);
  const kinds = new Set(first.map((r) => r.file.split('.').pop()));
  for (const k of ['html', 'js', 'wasm', 'css']) assert.ok(kinds.has(k), `the first card waits for no .${k} file: ${[...waits].join(', ')}`);
  for (const r of rows) console.log(`${waits.has(r.file) ? 'first card' : 'later     '}  ${r.file}: ${r.raw} raw, ${r.br} brotli`);
  const bytes = first.reduce((a, r) => a + r.br, 0);
  const tracks = rows.filter(isTrack);
  const later = rows.filter((r) => !waits.has(r.file) && !isTrack(r)).reduce((a, r) => a + r.br, 0);
  console.log(`first card waits for: ${bytes} bytes brotli (budget ${BUDGET_BYTES}); fetched without holding it up: ${later}; `
    + `track files: ${tracks.map((r) => r.br).join(', ')}; a first visit with the service worker's precache: ${rows.reduce((a, r) => a + r.br, 0)}`);
  assert.deepEqual(tracks.map((r) => r.file), ['tracks/frontline.txt', 'tracks/graduate.txt', 'tracks/manager.txt', 'tracks/technical.txt']);
  assert.ok(bytes <= BUDGET_BYTES, `the first card waits for ${bytes} bytes brotli, over the ${BUDGET_BYTES}-byte budget`);
  for (const t of tracks) assert.ok(t.br <= TRACK_BUDGET_BYTES, `${t.file} is ${t.br} bytes brotli, over ${TRACK_BUDGET_BYTES}`);
});

test('the release build carries the first screen, inert and never taken for the app', () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const copy = /<!--first-paint--><div id=first-paint inert>([\s\S]*)<\/div>(?:<script>[^<]*<\/script>)?<!--\/first-paint-->/.exec(index)?.[1];
  assert.ok(copy, 'index.html holds the prerendered first screen between its markers (scripts/post-build.mjs)');
  assert.match(copy, /<main[\s>][\s\S]*<h1[\s>]/, 'the copy is the app\'s screen: its main element and heading');
  assert.doesNotMatch(copy, /\sid=|data-testid|<section|<script|\sstyle=/, 'no ids, test ids, sections, scripts or inline styles in the copy');
});
