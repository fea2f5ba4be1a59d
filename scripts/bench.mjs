// Benchmarks of the release build in headless Chromium (figures printed, nothing asserted):
// navigation to the first card shown (median of 10 loads), grade → next card rendered (median and
// p95 over 200 grades), bytes written to local storage per grade, local-storage bytes in all, wasm
// memory and JS heap — with an empty collection and with 5,000 cards and 50,000 reviews — and a first
// visit on a slow phone network, served compressed (brotli, as static hosts serve the app) and not.
// Usage: node scripts/bench.mjs [dist]   (scripts/bench.sh builds first; BENCH_ONLY=first-visit stops
// after the first-visit figures)
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';
import { packCard } from '../tests/e2e/records.mjs';

const DIST = path.resolve(process.argv[2] || 'dist');
const DAY = 86_400_000;

/**
 * Counts what the app writes, notes when a question appears, keeps the wasm instance, and records the
 * page's largest-contentful-paint candidates (what Lighthouse's LCP is). Presses Start (or Continue)
 * as soon as it shows, unless the page was opened with `#hold`.
 */
function instrument() {
  window.__written = 0;
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      const name = !el ? '(removed)' : el.id ? `#${el.id}` : el.className ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}` : el.tagName.toLowerCase();
      window.__lcp.push({ at: e.startTime, size: e.size, name });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    window.__written += (String(k).length + String(v).length) * 2;
    return set.call(this, k, v);
  };
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  new MutationObserver(() => {
    if (window.__firstCard === undefined && document.querySelector('[data-testid=question]')) window.__firstCard = performance.now();
    const start = [...document.querySelectorAll('main#main button')].find((b) => /^(Start|Continue) session$/.test(b.textContent));
    if (start && !location.hash.includes('hold') && window.__firstCard === undefined && !window.__clicked) { window.__clicked = true; start.click(); }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * 5,000 cards of one's own and 50,000 reviews over 400 days, written as the app writes them
 * (schema 3: each card's text, and its schedule with its reviews in one packed record — see
 * src/store/records.rs; `packCard` is the same encoding in JS).
 */
function largeCollection(now) {
  const settings = { newPerDay: 9999, maxReviewsPerDay: 99999 };
  const data = { 'second-round/meta': '3', 'second-round/settings': JSON.stringify(settings) };
  const ids = [];
  const reviews = [];
  // Imported cards, as an import writes them (each with the moment it was written).
  for (let i = 0; i < 5000; i++) {
    const id = `own-${i.toString(16).padStart(12, '0')}`;
    ids.push(id);
    reviews.push([]);
    data[`second-round/own/${id}`] = JSON.stringify({ tags: [`t${i % 20}`], q: `Question ${i}: tell us about project ${i % 97}?`, a: `Answer ${i}: I measured it ${i % 13} ways and wrote it down for the team.`, k: ['A number', 'What I did'], order: 80 + i, edited: now - 400 * DAY + i * 1_000 });
  }
  const start = now - 400 * DAY;
  for (let j = 0; j < 50000; j++) {
    reviews[j % 5000].push({ at: start + j * 690_000, rating: 1 + (j % 4), phase: j < 5000 ? 'n' : 'r', duration: 8000 + (j % 20) * 500 });
  }
  // One graded today (mid-session).
  reviews[0].push({ at: now - 60_000, rating: 3, phase: 'r', duration: 9000 });
  ids.forEach((id, i) => {
    // Reviews due: today for a fifth of the cards, later for the rest.
    const due = i % 5 === 0 ? now - DAY / 2 : now + (1 + (i % 60)) * DAY;
    const last = i === 0 ? now - 60_000 : now - (i % 30 + 2) * DAY;
    const progress = { phase: 'r', step: 0, stabilityBits: 0x41200000 + (i % 200) * 0x10000, difficultyBits: 0x40a00000, due, last, reps: 10, lapses: 1 };
    data[`second-round/card/${id}`] = packCard(progress, reviews[i]);
  });
  return data;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

async function run(browser, base, name, data) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate((d) => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }, data);
  const loads = [];
  for (let i = 0; i < 10; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 60_000 });
    loads.push(await page.evaluate(() => window.__firstCard));
  }
  // 200 grades: reveal (not timed), then the grade key to the next question on screen.
  const result = await page.evaluate(async () => {
    const size = () => { let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); n += (k.length + localStorage.getItem(k).length) * 2; } return n; };
    const atStart = size();
    const times = [];
    const written = [];
    const key = (k) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    const frame = () => new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 200; i++) {
      key(' ');
      for (let w = 0; w < 50 && !document.querySelector('[data-testid=answer]'); w++) await frame();
      const before = window.__written;
      const turn = document.querySelector('.card')?.outerHTML;
      const t0 = performance.now();
      key(['3', '4', '3', '2'][i % 4]);
      await new Promise((resolve) => {
        const check = () => { if (!document.querySelector('[data-testid=answer]') && document.querySelector('.card')?.outerHTML !== turn) resolve(); else requestAnimationFrame(check); };
        new MutationObserver((_, o) => { if (!document.querySelector('[data-testid=answer]')) { o.disconnect(); resolve(); } }).observe(document.body, { childList: true, subtree: true });
        check();
      });
      times.push(performance.now() - t0);
      written.push(window.__written - before);
      if (!document.querySelector('[data-testid=question]')) break;
    }
    const stored = size();
    return { times, written, stored, atStart, wasm: window.__wasm?.memory?.buffer.byteLength, heap: performance.memory?.usedJSHeapSize };
  });
  await context.close();
  const perGrade = result.written.filter((w) => w > 0);
  console.log(`\n${name}`);
  console.log(`  navigation → first card shown: median ${median(loads).toFixed(0)} ms (10 loads: ${loads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  grade → next card rendered: median ${median(result.times).toFixed(1)} ms, p95 ${p95(result.times).toFixed(1)} ms (${result.times.length} grades)`);
  console.log(`  written to local storage per grade: median ${median(perGrade)} B, max ${Math.max(...perGrade)} B`);
  console.log(`  local storage in all: ${kb(result.stored)} of about 10,240 KB (5,242,880 characters in Chromium); at start: ${kb(result.atStart)}`);
  console.log(`  wasm memory: ${kb(result.wasm)}; JS heap used: ${kb(result.heap)}`);
}

/**
 * A keystroke in a form (every field's value lives in the app's state as it is typed, see
 * src/app/form.rs): 200 characters into the rehearse answer box (on the review screen, whose render
 * builds the day's queue) and 200 into the card editor's question. Each keystroke is an input event;
 * the time runs until every task it queued (the reducer, any render) has finished.
 */
async function typing(browser, base, name, data) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate((d) => { localStorage.clear(); for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }, data);
  await page.reload();
  await page.waitForSelector('#answer-text', { timeout: 60_000 });
  const type = (id) => page.evaluate(async (field) => {
    const el = document.getElementById(field);
    const settled = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      el.value += 'abcdefghij klmnopq '[i % 19];
      el.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
      await settled();
      times.push(performance.now() - t0);
    }
    return { times, kept: document.getElementById(field).value.length };
  }, id);
  const box = await type('answer-text');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cards', exact: true }).click();
  await page.getByRole('button', { name: 'Add a card', exact: true }).click();
  const editor = await type('e-q');
  await context.close();
  console.log(`\n${name}`);
  for (const [label, r] of [['rehearse answer box', box], ['card editor question', editor]]) {
    console.log(`  keystroke handled, ${label}: median ${median(r.times).toFixed(2)} ms, p95 ${p95(r.times).toFixed(2)} ms (${r.times.length} keys, ${r.kept} characters kept)`);
  }
}

/**
 * A first visit (fresh profile: no service worker, nothing cached) on a slow phone network, as
 * Lighthouse's mobile preset models it: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, the CPU
 * slowed four times (DevTools throttling). Five visits that press Start: navigation → first card on
 * screen, and the bytes sent before it. Five that do not: first contentful paint, the home screen
 * rendered, and the largest contentful paint (the last candidate once the home screen has been
 * painted twice over, and which element it was).
 */
async function firstVisit(browser, base, label) {
  const times = [];
  const bytes = [];
  const paints = [];
  for (let i = 0; i < 10; i++) {
    const hold = i >= 5;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let sent = 0;
    cdp.on('Network.loadingFinished', (e) => { sent += e.encodedDataLength; });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (hold) {
      await page.goto(`${base}#hold`);
      await page.waitForSelector('main#main', { timeout: 120_000 });
      paints.push(await page.evaluate(async () => {
        const home = performance.now();
        for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        return { fcp, home, lcp: window.__lcp[window.__lcp.length - 1] };
      }));
    } else {
      await page.goto(base);
      await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 120_000 });
      times.push(await page.evaluate(() => window.__firstCard));
      bytes.push(sent);
    }
    await context.close();
  }
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  const lcps = paints.map((p) => p.lcp.at);
  const elements = [...new Set(paints.map((p) => p.lcp.name))].join(', ');
  console.log(`  ${label}: first card after ${median(times).toFixed(0)} ms (median of 5: ${list(times)}), ${median(bytes).toLocaleString('en')} bytes over the network before it`);
  console.log(`    without pressing Start: first contentful paint ${median(paints.map((p) => p.fcp)).toFixed(0)} ms, home screen rendered ${median(paints.map((p) => p.home)).toFixed(0)} ms, largest contentful paint ${median(lcps).toFixed(0)} ms (median of 5: ${list(lcps)}; ${elements})`);
}

/**
 * A returning visit on the same slow phone network: a first visit (its service worker installed and
 * something stored), then the page opened again without pressing Start (five times): first
 * contentful paint, home screen rendered, largest contentful paint and its element.
 */
async function returningVisit(browser, base, label) {
  const paints = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(`${base}#hold`);
    await page.waitForSelector('main#main');
    await page.evaluate(async () => { await navigator.serviceWorker.ready; localStorage.setItem('second-round/meta', '4'); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.reload();
    await page.waitForSelector('main#main', { timeout: 120_000 });
    paints.push(await page.evaluate(async () => {
      const home = performance.now();
      for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      return { fcp, home, lcp: window.__lcp[window.__lcp.length - 1], controlled: !!navigator.serviceWorker.controller };
    }));
    await context.close();
  }
  const lcps = paints.map((p) => p.lcp.at);
  console.log(`  ${label}: first contentful paint ${median(paints.map((p) => p.fcp)).toFixed(0)} ms, home screen rendered ${median(paints.map((p) => p.home)).toFixed(0)} ms, `
    + `largest contentful paint ${median(lcps).toFixed(0)} ms (median of 5: ${lcps.map((x) => x.toFixed(0)).join(', ')}; ${[...new Set(paints.map((p) => p.lcp.name))].join(', ')}; `
    + `${paints.filter((p) => p.controlled).length} of 5 from the service worker)`);
}

const server = await serve(DIST);
const base = `http://127.0.0.1:${server.address().port}/`;
const compressed = await serve(DIST, 0, { compress: true });
const compressedBase = `http://127.0.0.1:${compressed.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
try {
  console.log(`Second Round benchmarks — ${new Date().toISOString()}, ${DIST}, headless Chromium, 390×844`);
  console.log('\nFirst visit on a slow phone network (150 ms RTT, 1.6 Mbit/s, CPU ×4), empty collection:');
  await firstVisit(browser, compressedBase, 'served compressed (brotli, as static hosts serve it)');
  await firstVisit(browser, base, 'served uncompressed');
  console.log('\nA returning visit on the same network (service worker installed, something stored), empty collection:');
  await returningVisit(browser, compressedBase, 'served compressed (brotli)');
  if (process.env.BENCH_ONLY === 'first-visit') process.exit(0);
  console.log('\nLoopback, no throttling (the device\'s own speed; later visits come from the service worker):');
  await run(browser, base, 'Empty collection (the built-in deck, nothing studied)', { 'second-round/meta': '3', 'second-round/settings': JSON.stringify({ newPerDay: 9999, maxReviewsPerDay: 99999 }) });
  await run(browser, base, 'Large collection (5,080 cards, 50,001 reviews)', largeCollection(Date.now()));
  console.log('\nTyping into a form (rehearse mode on):');
  const rehearsing = (d) => ({ ...d, 'second-round/settings': JSON.stringify({ ...JSON.parse(d['second-round/settings']), rehearse: true }) });
  await typing(browser, base, 'Empty collection', rehearsing({ 'second-round/meta': '3', 'second-round/settings': JSON.stringify({ newPerDay: 9999, maxReviewsPerDay: 99999 }) }));
  await typing(browser, base, 'Large collection', rehearsing(largeCollection(Date.now())));
} finally {
  await browser.close();
  server.close();
  compressed.close();
}
