// Feedback where the person looks: a snackbar at the bottom after every action that changes data,
// in a live region screen readers announce, with Undo where something was taken away; it goes by
// itself after a few seconds (the page clock is moved, never waited on).
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const office = () => localStorage.setItem('second-round/settings', '{"track":"office"}');

/** The snackbar's line, checked to sit inside the always-present live region, in view above the tab bar. */
async function snack(page, text) {
  const line = page.getByTestId('snackbar');
  await line.filter({ hasText: text }).waitFor();
  const region = page.locator('.snackbar-region');
  assert.equal(await region.getAttribute('role'), 'status');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  const [box, bar] = [await line.boundingBox(), await page.locator('.tabbar').boundingBox()];
  assert.ok(box.y >= 0 && box.y + box.height <= bar.y, `"${text}" in view, above the tab bar`);
  return line;
}

test('every data change says so in the snackbar; a deleted interview comes back with Undo', async () => {
  const { page, problems, context } = await phone(env, { init: office });
  // Settings saved: home, at its top, says so.
  await nav(page, 'Settings').click();
  await page.getByLabel('New cards per day').fill('6');
  await button(page, 'Save settings').click();
  await snack(page, 'Settings saved');
  assert.equal(await page.evaluate(() => scrollY), 0, 'home opens at its top');
  // It goes by itself.
  await context.clock.runFor(5_100);
  assert.equal(await page.getByTestId('snackbar').count(), 0, 'gone after five seconds');

  // A card added, then saved.
  await nav(page, 'Cards').click();
  await button(page, 'Add a card').click();
  await page.getByLabel('Question').fill('What would your first month look like?');
  await page.getByLabel('Model answer').fill('Listening, then one small win.');
  await button(page, 'Save card').click();
  await snack(page, 'Card added');
  await page.getByLabel('Search questions and answers').fill('first month look like');
  await page.getByRole('button', { name: /What would your first month look like/ }).click();
  await page.getByLabel('Tags, separated by commas').fill('mine');
  await button(page, 'Save card').click();
  await snack(page, 'Card saved');
  // Suspended, and back with Undo.
  await page.getByRole('button', { name: /What would your first month look like/ }).click();
  await button(page, 'Suspend').click();
  const suspended = await snack(page, 'Card suspended');
  await shot(page, 'shell-snackbar-undo');
  // While it is up, the screen scrolls on far enough for its last buttons to clear it.
  for (const name of ['Unsuspend', 'Delete card']) {
    const target = button(page, name);
    await target.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const [b, s] = [await target.boundingBox(), await suspended.boundingBox()];
    assert.ok(b.y + b.height <= s.y, `"${name}" (to ${b.y + b.height}) clear of the snackbar (from ${s.y})`);
    assert.ok(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }), `"${name}" takes the tap`);
  }
  await shot(page, 'snackbar-editor-390-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'snackbar-editor-390-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await suspended.getByRole('button', { name: 'Undo' }).click();
  await snack(page, 'Card back in your sessions');
  assert.equal(await button(page, 'Suspend').count(), 1, 'not suspended any more');

  // Interviews: added, deleted, and back with Undo — the same one prepared for.
  await nav(page, 'Drill').click();
  await button(page, 'Set interview date').click();
  await page.getByLabel('Date and time').fill('2026-12-02T10:00');
  await page.getByLabel('Company (optional)').fill('Acme');
  await button(page, 'Add interview').click();
  await snack(page, 'Interview added');
  // The screen goes back to its top, where the new interview is listed above the emptied form.
  await page.waitForFunction(() => window.scrollY === 0 && document.activeElement?.tagName === 'H1');
  const listed = await page.locator('.interview-list').boundingBox();
  assert.ok(listed && listed.y >= 0 && listed.y < 844, `the new interview in view (list at y=${listed?.y})`);
  assert.match(await page.locator('.interview-list').textContent(), /Acme/);
  await page.getByLabel('Date and time').fill('2026-12-09T10:00');
  await page.getByLabel('Company (optional)').fill('Globex');
  await button(page, 'Add interview').click();
  const stored = await page.evaluate(() => localStorage.getItem('second-round/interviews'));
  await page.getByRole('button', { name: /^Delete Acme/ }).click();
  const deleted = await snack(page, 'Interview deleted');
  assert.doesNotMatch(await page.locator('.interview-list').textContent(), /Acme/);
  await shot(page, 'shell-snackbar-interview-deleted');
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await snack(page, 'Interview back');
  assert.match(await page.locator('.interview-list').textContent(), /Acme/);
  assert.equal(await page.evaluate(() => localStorage.getItem('second-round/interviews')), stored, 'stored as before');

  // The plan's number taken, and Undo puts the old one back.
  await button(page, 'Back to home').click();
  await page.getByRole('button', { name: /^Use the plan/ }).click();
  const taken = await snack(page, 'Plan taken');
  assert.notEqual(await page.getByTestId('new-count').textContent(), '6');
  await taken.getByRole('button', { name: 'Undo' }).click();
  await snack(page, 'New cards a day as before');
  assert.equal(await page.getByTestId('new-count').textContent(), '6');
  assert.deepEqual(problems, []);
  await context.close();
});
