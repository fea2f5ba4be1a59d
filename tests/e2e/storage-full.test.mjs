// The origin's storage really full (filled by the test, no mock): nothing saved is lost, the session
// goes on in memory, the banner offers a backup, and the waiting reviews are stored once there is room;
// a story written meanwhile waits the same way.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, phone, button, nav, shot, answers } from './helpers.mjs';
import { storedLog, backupLog } from './records.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const logLines = (page) => storedLog(page).then((log) => log.length);

test('storage full: banner with a backup, drilling goes on, and the waiting reviews are saved when space frees up', async () => {
  const { page, problems, context } = await phone(env);
  const grade = async (key) => {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press(key);
  };
  await button(page, 'Start session').click();
  await grade('3');
  await grade('4');
  const saved = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('second-round/'))
    .map((k) => [k, localStorage.getItem(k)])));
  const fillers = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      try { for (;;) localStorage.setItem(`filler/${n++}`, 'x'.repeat(size)); } catch (e) { n--; }
    }
    return n;
  });
  assert.ok(fillers > 0);
  await grade('3');
  await grade('1');
  await page.getByRole('alert').filter({ hasText: "the browser's storage for this site is full" }).waitFor();
  assert.equal(await answers(page), 4, 'drilling goes on in memory');
  assert.equal(await logLines(page), 2, 'storage holds what it held');
  for (const [k, v] of Object.entries(saved)) {
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), k), v, `${k} untouched`);
  }
  await shot(page, 'storage-full-banner');
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download a backup').click()]);
  const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(backupLog(backup).length, 4, 'the backup holds the reviews storage refused');

  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler/${i}`); }, fillers);
  await context.clock.runFor(15_000);
  await page.getByRole('status').filter({ hasText: 'There is room again: 1 review that could not be saved is now stored.' })
    .or(page.getByRole('status').filter({ hasText: 'There is room again: 2 reviews that could not be saved are now stored.' })).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the banner is gone');
  assert.equal(await logLines(page), 4);
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('done-count').textContent(), '4', 'every review kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('storage full: a story written waits in memory, says so, and is stored when there is room', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Kit').click();
  await button(page, 'Add a story').first().click();
  await page.getByLabel('Title').fill('The month-end close');
  await page.getByLabel('What I did').fill('I automated the bank reconciliation.');
  await page.getByLabel('Result', { exact: true }).fill('The close takes four days, not nine.');
  const fillers = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      try { for (;;) localStorage.setItem(`filler/${n++}`, 'x'.repeat(size)); } catch (e) { n--; }
    }
    return n;
  });
  await button(page, 'Save story').click();
  await page.getByTestId('snackbar').filter({ hasText: 'Story added' }).waitFor();
  await page.getByRole('alert').filter({ hasText: "the browser's storage for this site is full" }).waitFor();
  assert.match(await page.getByTestId('story-list').textContent(), /The month-end close/, 'kept in the app');
  const stories = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('second-round/story/')).length);
  assert.equal(await stories(), 0, 'storage refused it');

  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler/${i}`); }, fillers);
  await context.clock.runFor(15_000);
  await page.getByRole('status').filter({ hasText: 'There is room again: what could not be saved is now stored.' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the banner is gone');
  assert.equal(await stories(), 1);
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Kit').click();
  await button(page, 'See my stories and coverage').click();
  assert.match(await page.getByTestId('story-list').textContent(), /The month-end close/, 'stored, and read back');
  assert.deepEqual(problems, []);
  await context.close();
});
