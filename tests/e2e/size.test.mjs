// The bundle budget. What the first card waits for — html, js, the wasm with the built-in deck's
// general answers and coaching inside, css, icons, manifest, service worker — must stay within
// 290 KB brotli, counted strictly as 290,000 bytes; each role track's answers, a file of its own
// (tracks/<key>.txt) fetched when that track is chosen and precached by the service worker after the
// first load, within 40,000 bytes.
// The first-card budget was 120,000 for the drill alone; rehearse mode costs about 13 KB of it, the
// card editor, browser, import and export about 36 KB, holding up under full or damaged storage and
// a second tab about 3.4 KB, Anki's exports with every option, Quizlet and spreadsheets, merging a
// backup and the role tracks' screens about 22 KB more (175,000 in all with the first 80-card deck at
// 13 KB; the code alone now about 164 KB). The coach-grade deck (over twice the cards, each with its
// coaching) is about 65 KB inside the wasm; its four role tracks' answers would have been another
// 100 KB there, and are the track files instead. The stored records as serde-derived types read
// and written by serde_json (storage schema 3, backup version 2) and the FSRS model built through
// its crate's API instead of an unsafe transmute cost 41 KB (245,761 → 286,805): the budget moved
// from 260,000 to 290,000 with them. See the README's Size section.
import test from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../../scripts/size.mjs';
import { DIST } from './helpers.mjs';

export const BUDGET_BYTES = 290_000;
export const TRACK_BUDGET_BYTES = 40_000;
const isTrack = (r) => r.file.startsWith('tracks/');

test(`what the first card waits for is at most ${BUDGET_BYTES} bytes brotli, each track file at most ${TRACK_BUDGET_BYTES}`, () => {
  const rows = measure(DIST);
  const kinds = new Set(rows.map((r) => r.file.split('.').pop()));
  for (const k of ['html', 'js', 'wasm', 'css']) assert.ok(kinds.has(k), `dist has no .${k} file`);
  for (const r of rows) console.log(`${r.file}: ${r.raw} raw, ${r.br} brotli`);
  const first = rows.filter((r) => !isTrack(r)).reduce((a, r) => a + r.br, 0);
  const tracks = rows.filter(isTrack);
  console.log(`first card waits for: ${first} bytes brotli (budget ${BUDGET_BYTES}); track files: ${tracks.map((r) => r.br).join(', ')}; `
    + `a first visit with the service worker's precache: ${rows.reduce((a, r) => a + r.br, 0)}`);
  assert.deepEqual(tracks.map((r) => r.file), ['tracks/frontline.txt', 'tracks/graduate.txt', 'tracks/manager.txt', 'tracks/technical.txt']);
  assert.ok(first <= BUDGET_BYTES, `the first card waits for ${first} bytes brotli, over the ${BUDGET_BYTES}-byte budget`);
  for (const t of tracks) assert.ok(t.br <= TRACK_BUDGET_BYTES, `${t.file} is ${t.br} bytes brotli, over ${TRACK_BUDGET_BYTES}`);
});
