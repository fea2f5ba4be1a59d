// More to practise once all is done, and an interview planner that tells the truth: the last day
// goes to the weakest answers, reviews brought forward are labelled, an interview can be changed,
// and after the date home asks how it went.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, T0, axeLightAndDark, HOUR, DAY, local, settings } from './helpers.mjs';

/** axe-core in the page, in light and in dark (evaluated, so the app's CSP does not apply to the checker itself). */
const axe = axeLightAndDark;

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });


async function drill(page, keys) {
  for (const key of keys) {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press(key);
  }
}

async function addInterview(page, when, company) {
  await nav(page, 'Drill').click();
  await button(page, 'Set interview date').or(button(page, 'Manage interviews')).click();
  await page.getByLabel('Date and time').fill(when);
  await page.getByLabel('Company (optional)').fill(company);
  await button(page, 'Add interview').click();
  await nav(page, 'Drill').click();
}

test('all caught up: five more new cards, a theme ahead of schedule, and a focus that found nothing says why', async () => {
  const { page, problems, context } = await phone(env, { init: settings({ newPerDay: 1 }) });
  await button(page, 'Start session').click();
  const first = await page.getByTestId('question').textContent();
  await drill(page, ['4']);
  await page.getByTestId('caught-up').waitFor();
  await page.locator('.practise summary').click();
  await axe(page, 'all caught up, with keep going open');
  await page.locator('.practise summary').click();
  await shot(page, 'shell-keep-going');
  await button(page, 'Learn 5 more new cards').click();
  assert.equal(await page.getByTestId('focus').locator('p').textContent(), '5 more new cards today.');
  assert.equal(await page.getByTestId('progress').textContent(), '5 cards to go');
  await drill(page, ['4', '4', '4', '4', '4']);
  await page.getByTestId('caught-up').waitFor();
  await button(page, 'End focus').click();
  // A theme practised ahead of schedule: the cards answered today wait, and the screen says why.
  await page.locator('.practise summary').click();
  await button(page, 'Have a plan').click();
  assert.match(await page.getByTestId('focus-empty').textContent(), /was seen today/);
  await shot(page, 'shell-focus-empty');
  await button(page, 'Include cards seen today').click();
  assert.match(await page.locator('.card .theme').textContent(), /^Have a plan$/);
  assert.match(await page.getByTestId('focus').textContent(), /Have a plan, cards not due yet included, cards seen today included/);
  const before = JSON.parse(await page.evaluate(() => JSON.stringify(Object.keys(localStorage).filter((k) => k.startsWith('second-round/card/')).length)));
  await drill(page, ['3']);
  assert.equal(JSON.parse(await page.evaluate(() => JSON.stringify(Object.keys(localStorage).filter((k) => k.startsWith('second-round/card/')).length))), before, 'an ordinary review of a card already studied');
  assert.ok(first);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the planner: reviews brought forward are labelled, a theme row opens its practice, an interview is changed in place', async () => {
  const { page, problems, context } = await phone(env, { init: settings({ newPerDay: 5, readinessTargetPercent: 95 }) });
  await button(page, 'Start session').click();
  await drill(page, ['4', '4', '4', '4', '4']);
  await addInterview(page, local(6 * DAY), 'Acme');
  // The next day: nothing is due, but all five are likely to be forgotten by the interview.
  await context.clock.setSystemTime(new Date(T0.getTime() + DAY + HOUR));
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('due-count').textContent(), '5');
  assert.equal(await page.getByTestId('advanced').textContent(), '5 of the 5 due are brought forward for your interview: not due yet, but likely to be forgotten by the day.');
  await shot(page, 'shell-planner-advanced');
  // A theme of the readiness card opens a practice of that theme.
  assert.match(await page.locator('#theme-practise-help').textContent(), /Tap a theme to practise it/);
  await page.getByRole('button', { name: /^Have a plan \d+%$/ }).click();
  assert.equal(await page.locator('.card .theme').textContent(), 'Have a plan');
  assert.match(await page.getByTestId('focus').textContent(), /Focused session: Have a plan, cards not due yet included/);
  await button(page, 'End focus').click();
  // Changed in place: the same interview, a new time and company, still the one prepared for.
  await nav(page, 'Drill').click();
  await button(page, 'Manage interviews').click();
  await button(page, 'Edit Acme').click();
  assert.equal(await page.getByLabel('Company (optional)').inputValue(), 'Acme');
  assert.equal(await page.getByLabel('Date and time').inputValue(), local(6 * DAY));
  await page.getByLabel('Company (optional)').fill('Acme Logistics');
  await page.getByLabel('Date and time').fill(local(7 * DAY));
  await button(page, 'Save interview').click();
  await page.getByTestId('snackbar').filter({ hasText: 'Interview saved' }).waitFor();
  assert.equal(await page.locator('.interview-list li').count(), 1);
  assert.match(await page.locator('.interview-list li').textContent(), /Acme Logistics.*Preparing for this one/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the last day goes to the ten weakest answers; after the date home asks how it went', async () => {
  const { page, problems, context } = await phone(env, { init: settings({ newPerDay: 12 }) });
  await button(page, 'Start session').click();
  await drill(page, ['4', '3', '4', '2', '4', '4', '3', '4', '4', '4', '4', '4']);
  await addInterview(page, local(5 * HOUR), 'Northwind');
  assert.match(await page.getByTestId('plan').textContent(), /^Today: your 10 weakest answers\. New cards learned now would not stick by the interview \(in 5 hours\)/);
  assert.equal(await page.getByRole('button', { name: /^Use the plan/ }).count(), 0, 'no new-card plan two hours before');
  // That day the interview comes first on home: before the kit, the mock and any reminder.
  assert.ok(await page.locator('.interview-panel').evaluate((panel) => ['.kit-panel', '.mock-start', '[data-testid=install-reminder]']
    .map((s) => document.querySelector(s)).filter(Boolean)
    .every((el) => panel.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)), 'the interview before the kit and the mock');
  await page.evaluate(() => scrollTo(0, 0));
  const weakest = await button(page, 'Practise your 10 weakest answers').boundingBox();
  assert.ok(weakest.y + weakest.height <= 844 - 60, 'the last day\'s practice on the first screen');
  await shot(page, 'shell-planner-last-day');
  await axe(page, 'the last day\'s plan');
  await button(page, 'Practise your 10 weakest answers').click();
  assert.equal(await page.getByTestId('counts').count(), 1);
  // Each of the ten once (a card still in its learning steps comes back after its step, as always).
  const seen = new Set();
  for (let i = 0; i < 25 && await page.getByTestId('question').count(); i++) {
    seen.add(await page.getByTestId('question').textContent());
    await drill(page, ['3']);
    await context.clock.runFor(11 * 60_000);
  }
  assert.equal(seen.size, 10, 'ten different answers, then done');
  await page.getByTestId('caught-up').waitFor();
  await button(page, 'End focus').click();
  // The day after: how did it go?
  await context.clock.setSystemTime(new Date(T0.getTime() + DAY));
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Drill').click();
  assert.match(await page.getByTestId('how-it-went').locator('h2').textContent(), /^How did it go at Northwind\?$/);
  await shot(page, 'shell-how-it-went');
  await axe(page, 'home after the interview');
  assert.match(await page.getByTestId('after-words').textContent(), /^Your interview was yesterday\. Send each interviewer a short thank-you note today;/);
  // After the week a thank-you note is timely, a follow-up is.
  await context.clock.setSystemTime(new Date(T0.getTime() + 12 * DAY));
  await page.reload();
  await page.getByTestId('how-it-went').waitFor();
  assert.match(await page.getByTestId('after-words').textContent(), /^Your interview was on Wed 25 Nov\. It's been 12 days: if you have not heard back, a short follow-up is fine;/);
  await button(page, 'Practise the follow-up').click();
  assert.match(await page.getByTestId('focus').textContent(), /Follow-up/);
  await button(page, 'End focus').click();
  await nav(page, 'Drill').click();
  await button(page, 'Done with it').click();
  const line = page.getByTestId('snackbar').filter({ hasText: 'Interview deleted' });
  await line.waitFor();
  assert.equal(await button(page, 'Set interview date').count(), 1);
  await axe(page, 'the snackbar with Undo');
  await line.getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('how-it-went').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
