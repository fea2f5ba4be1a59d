// Shared set-up for the end-to-end tests: serves dist/ on 127.0.0.1 and drives the system Chromium.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
export const SHOTS = path.join(here, 'screenshots');
export const PHONE = { width: 390, height: 844 };
/** 09:00 UTC on a Wednesday: the tests' "now". */
export const T0 = new Date('2026-11-25T09:00:00Z');
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
/** A datetime-local value (the page runs in UTC here) `ms` after the tests' now. */
export const local = (ms) => new Date(T0.getTime() + ms).toISOString().slice(0, 16);
/** An init script (as text: a function's closure would not reach the page) that stores these settings. */
export const settings = (s) => ({ content: `localStorage.setItem('second-round/settings', ${JSON.stringify(JSON.stringify({ track: 'office', ...s }))});` });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Serves dist/ and launches Chromium (`args`: extra command-line flags, e.g. a fake microphone). */
export async function start({ args = [] } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run trunk build --release first`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args] });
  return {
    base,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * A fresh context (empty storage) with a phone viewport and the clock paused at T0.
 * Every console error, page error and request outside the app's origin is collected in `problems`.
 */
export async function phone(env, { colorScheme = 'light', viewport = PHONE, time = T0, init } = {}) {
  const context = await env.browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
  await prepare(context, time);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = watch(page, env.base);
  await page.goto(env.base);
  await page.waitForSelector('main section');
  return { context, page, problems };
}

/**
 * `E2E_CPU_SLOWDOWN=4` runs every page of the suite with its CPU slowed that many times (Chromium's
 * DevTools throttling), as on a slower machine or phone: a test that races a timer shows up there.
 */
const SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN || 1);

/** Pauses the context's clock at `time`, and reports any CSP violation as a console error. */
export async function prepare(context, time = T0) {
  if (SLOWDOWN > 1) {
    context.on('page', (page) => {
      context.newCDPSession(page).then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN })).catch(() => {});
    });
  }
  await context.clock.install({ time });
  await context.clock.pauseAt(time);
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
  }));
}

/**
 * The app served from `root` (dist/ unless told; on `port`, or any free one; under the public path
 * `under`, e.g. 'apps/', when given) and opened on a phone at the address `at` (home unless told),
 * its service worker installed and in control of the page, as after a first visit. `offline()`
 * stops the server, as losing the network does.
 */
export async function installed(browser, { root = DIST, port = 0, under = '', at = '' } = {}) {
  if (under) {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'second-round-path-'));
    fs.symlinkSync(root, path.join(parent, under.replace(/\/$/, '')), 'dir');
    root = parent;
  }
  const server = await serve(root, port);
  const base = `http://127.0.0.1:${server.address().port}/${under}`;
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await prepare(context);
  const page = await context.newPage();
  const problems = watch(page, base);
  await page.goto(base + at);
  await page.waitForSelector('main section');
  // The first visit installs the worker, which then takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const offline = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { server, base, context, page, problems, offline };
}

/** Collects console errors, page errors and requests outside `base` (the app's own origin). */
export function watch(page, base) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // blob: URLs of the app's own origin are recordings in memory, not network requests.
  const local = (u) => u.startsWith(base) || u.startsWith('data:') || u.startsWith(`blob:${base}`);
  page.on('request', (r) => { if (!local(r.url())) problems.push(`request outside origin: ${r.url()}`); });
  return problems;
}

export async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const question = (page) => page.getByTestId('question').textContent();
export const progressText = (page) => page.getByTestId('progress').textContent();
/** The grades given today, as the drill's progress line holds them (it shows cards, not grades). */
export const answers = async (page) => Number(await page.getByTestId('progress').getAttribute('data-answers'));
export const countsText = async (page) => (await page.getByTestId('counts').innerText()).replace(/\s+/g, ' ').trim();

/**
 * Moves the clock on in small steps until `ready()` holds: for what arrives in real time (another
 * tab's storage events) and is then taken in on the page's timers. Fails after `within` ms of wall
 * time, with `what` in the message.
 */
export async function advanceUntil(context, ready, what, { step = 100, within = 20_000 } = {}) {
  const end = Date.now() + within;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`still waiting after ${within} ms: ${what}`);
    await context.clock.runFor(step);
  }
}

/**
 * Pastes `text` into a field: the whole text at once with one input event, as a paste is. (Playwright's
 * `fill` types a long text in a way that takes seconds per thousand lines, more on a slow machine.)
 */
export async function paste(field, text) {
  await field.evaluate((el, t) => {
    el.focus();
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** A tab of the bottom tab bar (Drill, Cards, Progress, Settings): a link to its screen. */
/** The snackbar's line saying `text`, once it is there (a string matches part of the line, a RegExp as written). */
export async function snackbar(page, text) {
  const line = page.getByTestId('snackbar').filter({ hasText: text });
  await line.waitFor();
  return line;
}

export const nav = (page, name) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true });

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA, best practice) on the page as it is, evaluated so the app's CSP does
 * not apply to the checker; fails with every violation. */
export async function axe(page, where) {
  const result = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE);
  assert.deepEqual(result, [], `axe violations on ${where}`);
}

/**
 * axe in light and then in dark (prefers-color-scheme emulated), then the page's own scheme again.
 * axe schedules its work with timers: the page clock runs while it checks, then stops again.
 */
export async function axeLightAndDark(page, where) {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const clock = page.context().clock;
  await clock.resume();
  try {
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await axe(page, `${where} (${colorScheme})`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await clock.pauseAt(new Date(await page.evaluate(() => Date.now()) + 500));
  }
}
