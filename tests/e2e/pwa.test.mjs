// Offline and updates: the service worker serves the app with the server stopped, and a new build
// is offered with a banner and taken only on Reload, with progress untouched.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, CHROMIUM_ARGS, installed, shot, button, nav, progressText, answers } from './helpers.mjs';
import { writeServiceWorker } from '../../scripts/post-build.mjs';

let browser;
test.before(async () => { browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS }); });
test.after(async () => { await browser?.close(); });

function copyBuild(to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(DIST, to, { recursive: true });
}

/** The app from `root`, its service worker installed (see `installed`). */
const open = (root, port = 0) => installed(browser, { root, port });

const drill = async (page, key) => { await page.keyboard.press('Space'); await page.keyboard.press(key); };

test('after one visit the app starts and keeps progress with the server stopped', async () => {
  const { context, page, problems, offline } = await open(DIST);
  await offline();
  await page.reload();
  await page.waitForSelector('main section');
  await button(page, 'Start session').click();
  for (const key of ['3', '4', '1']) await drill(page, key);
  assert.equal(await answers(page), 3);
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await answers(page), 3, 'progress kept offline across reloads');
  await shot(page, 'offline-review');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new build is offered with a banner and runs after Reload, progress untouched', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'second-round-update-'));
  copyBuild(root);
  const { server, context, page, problems } = await open(root);
  await button(page, 'Start session').click();
  await drill(page, '3');
  await drill(page, '4');
  const before = await page.evaluate(() => ({ ...localStorage }));

  // Deploy build B: different html, so a different precache version.
  copyBuild(root);
  const indexPath = path.join(root, 'index.html');
  fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('<title>', '<meta name=build content=B><title>'));
  const versionB = writeServiceWorker(root);

  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.getByRole('status').filter({ hasText: 'A new version is ready' });
  await banner.waitFor({ timeout: 15000 });
  // Until Reload is pressed, the running app is still build A.
  assert.equal(await page.locator('meta[name=build]').count(), 0);
  assert.equal(await answers(page), 2);
  await shot(page, 'update-banner');
  assert.equal((await page.evaluate(() => caches.keys())).length, 2, 'old and new caches side by side while waiting');

  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await page.waitForSelector('main section');
  assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'B', 'build B runs');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`second-round-${versionB}`], 'old cache removed on activation');
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'progress untouched by the update');
  assert.equal(await answers(page), 2);
  assert.deepEqual(problems, []);
  await context.close();
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('installable: the browser finds no installability errors; standalone-style screenshots', async () => {
  const { server, context, page, problems } = await open(DIST);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Test contexts are incognito profiles, which can never install; every other check must pass.
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(errors, [], 'Chromium would offer to install the app');
  const parsed = await cdp.send('Page.getAppManifest');
  assert.deepEqual(parsed.errors, []);
  const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  // Headless Chromium cannot switch display-mode itself; the page has no browser UI here, as installed.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `standalone-home-${scheme}`);
  }
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await shot(page, 'standalone-answer-dark');
  assert.deepEqual(problems, []);
  await context.close();
  server.close();
});

test('persistent storage is asked for after the first grade, and settings show the storage state', async () => {
  const { server, context, page, problems } = await open(DIST);
  // Record what the page asks of navigator.storage.
  await page.evaluate(() => {
    window.__persistCalls = 0;
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.__persistCalls += 1; return original(); };
  });
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked on first paint');
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.waitForFunction(() => window.__persistCalls === 1);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await nav(page, 'Settings').click();
  const status = await page.getByTestId('storage-status').textContent();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  assert.match(status, persisted ? /^Persistent/ : /^Not persistent.*Install Second Round/);
  assert.match(await page.getByTestId('storage-usage').textContent(), /^Your progress takes \d+ KB of local storage\. This site uses \d+ (KB|MB) in all/);
  assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once per visit');
  await shot(page, 'settings-storage');
  if (!persisted) {
    await button(page, 'Cancel').click();
    assert.match(await page.getByTestId('install-reminder').textContent(), /Install Second Round/);
  }
  assert.deepEqual(problems, []);
  await context.close();
  server.close();
});

test('without navigator.storage the settings say so and everything else works', async () => {
  const { server, context, page, problems } = await open(DIST);
  await context.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined }); });
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Settings').click();
  assert.match(await page.getByTestId('storage-status').textContent(), /does not say whether it keeps/);
  assert.match(await page.getByTestId('storage-usage').textContent(), /^Your progress takes \d+ KB of local storage\.$/);
  assert.deepEqual(problems, []);
  await context.close();
  server.close();
});
