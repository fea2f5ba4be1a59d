// The first-visit welcome: what Second Round is, whose answers to practise, then the interview's
// date — set there it is the interview the interview form would add (home shows its countdown);
// skipped, nothing is set.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, axeLightAndDark, DAY, local } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(`second-round/${k}`) ?? 'null'), key);

for (const colorScheme of ['light', 'dark']) {
  test(`welcome → a track → the interview's date → home counts down to it (${colorScheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme });
    const welcome = page.getByTestId('welcome');
    await page.getByLabel('Your role track').selectOption('graduate');
    await button(page, 'Use this track').click();
    await welcome.getByRole('heading', { name: 'When is your second interview?' }).waitFor();
    assert.equal(await stored(page, 'settings'), null, 'nothing saved until the welcome is done');
    await shot(page, `shell-welcome-date-step-${colorScheme}`);
    if (colorScheme === 'light') await axeLightAndDark(page, 'the welcome\'s date step');
    // A moment that has passed is refused, as the interview form refuses it; nothing is saved.
    await page.getByLabel('Date and time').fill(local(-DAY));
    await button(page, 'Save the date').click();
    await page.getByRole('alert').filter({ hasText: 'That moment has passed' }).waitFor();
    assert.equal(await stored(page, 'settings'), null);
    await page.getByLabel('Date and time').fill(local(6 * DAY + 3600 * 1000));
    await button(page, 'Save the date').click();
    await welcome.waitFor({ state: 'detached' });
    await page.getByTestId('snackbar').filter({ hasText: 'Interview added' }).waitFor();
    assert.match(await page.getByTestId('interview-when').textContent(), / — in 6 days( 1 hour)?$/);
    assert.equal((await stored(page, 'settings')).track, 'graduate', 'the track chosen on the first step');
    assert.equal((await stored(page, 'interviews')).length, 1, 'the interview stored');
    await shot(page, `shell-welcome-done-${colorScheme}`);
    // The same interview the interview form shows and edits.
    await button(page, 'Manage interviews').click();
    assert.equal(await page.locator('.interview-list li').count(), 1);
    await button(page, 'Edit Your interview').click();
    assert.equal(await page.getByLabel('Date and time').inputValue(), local(6 * DAY + 3600 * 1000));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the welcome\'s date can be skipped: nothing is set, and home still offers it', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Skip (general answers)').click();
  await button(page, 'Skip for now').click();
  await page.getByTestId('welcome').waitFor({ state: 'detached' });
  assert.equal((await stored(page, 'settings')).track, 'office');
  assert.equal(await page.getByTestId('interview-when').count(), 0);
  assert.equal(await button(page, 'Set interview date').count(), 1, 'home still offers the date');
  assert.deepEqual((await stored(page, 'interviews')) ?? [], [], 'no interview stored');
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await page.getByTestId('welcome').count(), 0, 'not asked again');
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('interview-when').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
