// Counts that explain themselves: the drill counts cards (to go, coming back) rather than grades,
// and reviews brought forward for an interview are labelled wherever counts show — home, Cards →
// Due today and its rows, and the drill.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, T0, answers, HOUR, DAY, local, settings } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });


/** Waits until the drill's progress line reads exactly `text`; fails naming what it read instead. */
async function progressReads(page, text) {
  const line = page.getByTestId('progress');
  try {
    await line.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout: 5_000 });
  } catch {
    assert.fail(`the progress line reads "${await line.textContent()}", not "${text}"`);
  }
}

async function grade(page, key) {
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press(key);
}

test('the drill counts cards to go and those coming back, with plurals, through every grade', async () => {
  const { page, problems, context } = await phone(env, { init: settings({ newPerDay: 3 }) });
  await button(page, 'Start session').click();
  await progressReads(page, '3 cards to go');
  // Good on a new card: a learning step, so it comes back later today — and one card less to go.
  await grade(page, '3');
  await progressReads(page, '2 cards to go · 1 coming back again');
  assert.equal(await answers(page), 1);
  // Again: that card comes back in a minute; still one less to go.
  await grade(page, '1');
  await progressReads(page, '1 card to go · 2 coming back again');
  await shot(page, 'shell-counter-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'shell-counter-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // Easy: the last new card is done for today.
  await grade(page, '4');
  await progressReads(page, '2 cards coming back again');
  // A minute on, the card graded Again is back; Easy sends it to another day.
  await context.clock.runFor(61_000);
  await page.getByTestId('question').waitFor();
  await grade(page, '4');
  await progressReads(page, '1 card coming back again');
  // Ten minutes on, the Good card is back; Easy finishes it too.
  await context.clock.runFor(10 * 60_000);
  await page.getByTestId('question').waitFor();
  await grade(page, '4');
  await page.getByTestId('caught-up').waitFor();
  await progressReads(page, '3 cards answered today');
  assert.equal(await answers(page), 5, 'five grades were given to three cards');
  assert.equal(await page.locator('progress.bar').getAttribute('value'), await page.locator('progress.bar').getAttribute('max'));
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`reviews brought forward for an interview: home's count is Cards → Due today's, each labelled (${colorScheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme, init: settings({ newPerDay: 5, readinessTargetPercent: 95 }) });
    await button(page, 'Start session').click();
    // Four cards go to review (Easy: days away); one stays on its 10-minute learning step.
    for (const key of ['4', '4', '4', '4', '3']) await grade(page, key);
    await nav(page, 'Drill').click();
    await button(page, 'Set interview date').click();
    await page.getByLabel('Date and time').fill(local(6 * DAY));
    await button(page, 'Add interview').click();
    await page.getByTestId('snackbar').filter({ hasText: 'Interview added' }).waitFor();
    // The next day: the learning card is due; the four reviews are not, but come forward.
    await context.clock.setSystemTime(new Date(T0.getTime() + DAY + HOUR));
    await page.reload();
    await page.waitForSelector('main section');
    await nav(page, 'Drill').click();
    const due = await page.getByTestId('due-count').textContent();
    assert.equal(due, '5');
    assert.match(await page.getByTestId('advanced').textContent(), /^4 of the 5 due are brought forward for your interview/);

    // Cards → Due today: the same five, and the four brought forward say so.
    await nav(page, 'Cards').click();
    await page.getByLabel('State').selectOption({ label: 'Due today' });
    await page.getByTestId('match-count').filter({ hasText: /^5 of \d+ cards/ }).waitFor();
    assert.equal(await page.locator('.card-list li').count(), Number(due), "Cards → Due today lists what home counts");
    assert.equal(await page.getByTestId('advanced-cards').textContent(), ' (4 brought forward for your interview)');
    const rows = await page.locator('.card-list .meta').allTextContents();
    assert.equal(rows.filter((r) => r.endsWith(' · due today · brought forward for your interview')).length, 4, rows.join('\n'));
    assert.equal(rows.filter((r) => / · learning · due now$/.test(r)).length, 1, rows.join('\n'));
    await shot(page, `shell-due-today-advanced-${colorScheme}`);

    // The drill says it too, beside its counts.
    await nav(page, 'Drill').click();
    await button(page, 'Start session').click();
    assert.equal(await page.getByTestId('session-advanced').textContent(), '5 due today (4 brought forward for your interview)');
    await progressReads(page, '10 cards to go'); // and today's five new cards
    await shot(page, `shell-drill-advanced-${colorScheme}`);
    // Answered, a brought-forward card is no longer due today, anywhere.
    for (let i = 0; i < 10; i++) await grade(page, '4');
    await page.getByTestId('caught-up').waitFor();
    assert.equal(await page.getByTestId('session-advanced').count(), 0);
    await nav(page, 'Cards').click();
    await page.getByTestId('match-count').filter({ hasText: /^0 of \d+ cards/ }).waitFor();
    assert.equal(await page.getByTestId('advanced-cards').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
