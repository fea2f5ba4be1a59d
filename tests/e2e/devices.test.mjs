// Two devices (two browser contexts, each with its own storage and clock) study the same cards on
// different days and import each other's backup: the reviews of both are kept, each card's schedule
// follows from all its reviews, both devices end up with the same schedules, importing the same file
// again changes nothing, and the other device's settings are offered, never forced.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { start, phone, button, nav, question, shot, T0 } from './helpers.mjs';
import { storedLog, storedStates } from './records.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const DAY = 86_400_000;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const stored = (page, prefix) => page.evaluate((p) => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith(p)).sort().map((k) => [k, localStorage.getItem(k)])), prefix);

const reviews = (page) => storedLog(page).then((log) => log.map(({ id, at }) => `${id}@${at}`).sort());

async function grade(page, n) {
  const seen = [];
  for (let i = 0; i < n; i++) {
    seen.push(await question(page));
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('3');
  }
  return seen;
}

async function study(page, n) {
  await nav(page, 'Drill').click();
  await page.getByRole('button', { name: /^(Start|Continue) session$/ }).click();
  return grade(page, n);
}

async function backup(page) {
  await nav(page, 'Cards').click();
  await button(page, 'Import and export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download backup (.json)').click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

async function importBackup(page, name, text) {
  await nav(page, 'Cards').click();
  await button(page, 'Import and export').click();
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').waitFor();
  return page.getByTestId('import-counts').innerText();
}

test('two devices review the same cards on different days and merge each other\'s backup', async () => {
  const a = await phone(env);
  const b = await phone(env);

  // Device A has settings of its own and starts three cards.
  await nav(a.page, 'Settings').click();
  await a.page.getByLabel('New cards per day').fill('10');
  await button(a.page, 'Save settings').click();
  await button(a.page, 'Start session').click();
  const started = await grade(a.page, 3);
  // Device B starts from A's backup (an empty device takes everything, settings included).
  const first = await backup(a.page);
  // B has nothing of its own yet: the import is a restore, and says so.
  assert.match(await importBackup(b.page, 'from-a.json', first), /^Restore \d+ cards, 3 reviews and your settings\.$/);
  await button(b.page, 'Restore').click();
  assert.deepEqual(await stored(b.page, 'second-round/'), await stored(a.page, 'second-round/'), 'B holds exactly what A had');

  // A studies the next day, B (without A's reviews) the day after: the same cards.
  await a.context.clock.setSystemTime(new Date(T0.getTime() + DAY + 3_600_000));
  const onA = await study(a.page, 2);
  await b.context.clock.setSystemTime(new Date(T0.getTime() + 2 * DAY + 3_600_000));
  const onB = await study(b.page, 2);
  assert.deepEqual(onA, started.slice(0, 2));
  assert.deepEqual(onB, onA, 'both devices reviewed the same two cards, a day apart');
  const fromA = await backup(a.page);
  const fromB = await backup(b.page);
  const [logA, logB] = [await reviews(a.page), await reviews(b.page)];
  assert.equal(logA.length, 5);
  assert.equal(logB.length, 5);

  // A imports B's backup: B's two reviews join A's, and the two cards' schedules follow from all
  // four of their reviews.
  const statesA = await stored(a.page, 'second-round/card/');
  assert.equal(await importBackup(a.page, 'from-b.json', fromB), '2 reviews from the other device will be added; 2 cards\' schedules change.');
  assert.equal(await a.page.getByLabel(/^Its settings/).count(), 0, 'the same settings: nothing to offer');
  await a.page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await shot(a.page, 'merge-preview');
  await button(a.page, 'Import').click();
  await a.page.getByText('Imported from from-b.json: 2 reviews added, 2 schedules changed.').waitFor();
  const merged = await reviews(a.page);
  assert.deepEqual(merged, [...new Set([...logA, ...logB])].sort(), 'the union of both logs, each review once');
  assert.equal(merged.length, 7);
  const after = await stored(a.page, 'second-round/card/');
  const changed = Object.keys(after).filter((k) => after[k] !== statesA[k]);
  assert.equal(changed.length, 2);
  const schedules = await storedStates(a.page);
  for (const k of Object.keys(after)) {
    const id = k.slice('second-round/card/'.length);
    const times = merged.filter((r) => r.startsWith(`${id}@`)).map((r) => +r.split('@')[1]);
    assert.equal(schedules[id].reps, times.length, `${id}: every review of both devices counted`);
    assert.equal(schedules[id].last, Math.max(...times), `${id}: last reviewed at its latest review`);
  }
  for (const k of changed) {
    const [mine, theirs, now] = [statesA[k], (await stored(b.page, 'second-round/card/'))[k], after[k]];
    assert.notEqual(now, mine, 'not A\'s schedule');
    assert.notEqual(now, theirs, 'nor B\'s: the merged history replayed');
  }

  // B imports A's backup: both devices now hold the same reviews and the same schedules.
  assert.equal(await importBackup(b.page, 'from-a.json', fromA), '2 reviews from the other device will be added; 2 cards\' schedules change.');
  await button(b.page, 'Import').click();
  await b.page.getByText('Imported from from-a.json: 2 reviews added, 2 schedules changed.').waitFor();
  assert.deepEqual(await reviews(b.page), merged);
  assert.deepEqual(await stored(b.page, 'second-round/card/'), after, 'the same schedules on both devices');

  // The same file again changes nothing, and says so.
  const before = await stored(a.page, 'second-round/');
  assert.equal(await importBackup(a.page, 'from-b.json', fromB), 'Nothing to import: this device already has everything in this backup.');
  assert.equal(await button(a.page, 'Import').count(), 0, 'nothing to import');
  await button(a.page, 'Close').click();
  assert.deepEqual(await stored(a.page, 'second-round/'), before);

  // B's own settings are offered to A, not forced: unticked (A has its own), and only a tick makes
  // them part of the import.
  await nav(b.page, 'Settings').click();
  await b.page.getByLabel('New cards per day').fill('20');
  await button(b.page, 'Save settings').click();
  const withSettings = await backup(b.page);
  assert.equal(await importBackup(a.page, 'settings.json', withSettings), 'This device already has every review and card of this backup.');
  const box = a.page.getByLabel('Its settings, in place of this device\'s');
  assert.equal(await box.isChecked(), false);
  await a.page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await shot(a.page, 'merge-settings-offered');
  // No accessibility violations on the preview with its choice (axe needs the page's timers).
  await a.context.clock.resume();
  const violations = await a.page.evaluate(async (source) => {
    (0, eval)(source);
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE);
  assert.deepEqual(violations, []);
  assert.equal(await button(a.page, 'Import').count(), 0);
  await box.check();
  await a.page.getByText('This device will take the backup\'s settings.').waitFor();
  await box.uncheck();
  await a.page.getByText('This device already has every review and card of this backup.').waitFor();
  assert.equal(await button(a.page, 'Import').count(), 0);
  await button(a.page, 'Close').click();
  assert.deepEqual(await stored(a.page, 'second-round/'), before, 'A keeps its own settings');

  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
  await b.context.close();
});
