// Bad storage at phone size: missing, full, damaged or newer data. The app says so and loses nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, question, progressText, answers } from './helpers.mjs';
import { ACTIVE } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const dump = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test('local storage missing: a banner says so and drilling goes on in memory', async () => {
  const { page, problems, context } = await phone(env, {
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
  });
  await page.getByRole('alert').filter({ hasText: 'local storage is unavailable' }).waitFor();
  await button(page, 'Start session').click();
  const first = await question(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  assert.notEqual(await question(page), first);
  assert.equal(await answers(page), 1);
  await shot(page, 'banner-no-storage');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a write that fails (storage full): banner, session goes on, saved progress untouched', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  const saved = await dump(page);
  assert.ok(Object.keys(saved).some((k) => k.startsWith('second-round/card/')), 'the first grade was saved');
  // From now on every write hits the quota.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.getByRole('alert').filter({ hasText: "storage for this site is full" }).waitFor();
  assert.equal(await answers(page), 2, 'the grade counts in memory');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  assert.equal(await answers(page), 3);
  assert.deepEqual(await dump(page), saved, 'nothing already stored was lost or changed');
  await shot(page, 'banner-storage-full');
  // Undoing a grade that never reached storage leaves the stored log alone.
  await page.keyboard.press('u');
  assert.equal(await answers(page), 2);
  assert.deepEqual(await dump(page), saved);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('damaged saved data: the rest loads, the message says so, the raw text is kept aside', async () => {
  const { page, problems, context } = await phone(env);
  await page.evaluate(() => {
    localStorage.setItem('second-round/meta', '1');
    localStorage.setItem('second-round/card/plan-01', 'r,0,4019999a,40a00000,1795597200000,1795510800000,1,0');
    localStorage.setItem('second-round/card/plan-02', '{"truncated": ');
    localStorage.setItem('second-round/settings', 'new=4');
  });
  await page.reload();
  await page.getByRole('alert').filter({ hasText: '1 saved item could not be read' }).waitFor();
  const stored = await dump(page);
  assert.equal(stored['second-round/card/plan-02'], '{"truncated": ', 'the damaged value is not overwritten');
  assert.equal(stored['second-round/unreadable/second-round/card/plan-02'], '{"truncated": ');
  assert.equal(await page.getByTestId('new-count').textContent(), '4', 'readable settings are used');
  assert.match(await page.locator('.deck-size').textContent(), new RegExp(`^1 of ${ACTIVE} cards studied`));
  await shot(page, 'banner-unreadable');
  assert.deepEqual(problems, []);
  await context.close();
});

test('data saved by a newer version is shown but never overwritten', async () => {
  const { page, problems, context } = await phone(env);
  await page.evaluate(() => {
    localStorage.setItem('second-round/meta', '7');
    localStorage.setItem('second-round/settings', 'new=2');
  });
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'newer version' }).waitFor();
  const before = await dump(page);
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  assert.deepEqual(await dump(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});
