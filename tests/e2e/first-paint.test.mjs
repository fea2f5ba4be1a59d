// The first paint (scripts/post-build.mjs): a first visit paints the prerendered first screen before
// the app's code has arrived; a returning visit (anything stored) never shows it, with or without the
// service worker; the app takes it down when it starts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.mjs';

async function visit(env, { stored }) {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  if (stored) await context.addInitScript(() => { if (!localStorage.length) localStorage.setItem('second-round/meta', '4'); });
  const page = await context.newPage();
  // The wasm held back: what the page shows before the app's code has arrived.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.base, { waitUntil: 'domcontentloaded' });
  const before = await page.evaluate(() => {
    const copy = document.getElementById('first-paint');
    return { copy: !!copy, main: !!copy?.querySelector('main h1'), visible: copy ? copy.getBoundingClientRect().height > 0 : false, inert: copy?.inert };
  });
  release();
  await page.waitForSelector('main section');
  const after = await page.evaluate(() => ({ copy: !!document.getElementById('first-paint'), mains: document.querySelectorAll('main').length }));
  await context.close();
  return { before, after };
}

test('a first visit paints the first screen before the app has started; the app takes it down', async () => {
  const env = await start();
  try {
    const { before, after } = await visit(env, { stored: false });
    assert.deepEqual(before, { copy: true, main: true, visible: true, inert: true }, 'the inert copy of the first screen is on the page');
    assert.deepEqual(after, { copy: false, mains: 1 }, 'only the app remains');
  } finally {
    await env.close();
  }
});

test('a returning visit (something stored) never shows the first visit\'s screen, even without the service worker', async () => {
  const env = await start();
  try {
    const { before, after } = await visit(env, { stored: true });
    assert.equal(before.copy, false, 'the copy is gone before the page paints');
    assert.deepEqual(after, { copy: false, mains: 1 });
  } finally {
    await env.close();
  }
});
