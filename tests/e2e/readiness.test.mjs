// The interview date: set it, drill, and see readiness on the day change.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav } from './helpers.mjs';
import { ACTIVE, DECK } from './deck-source.mjs';

// The plan brings in every unseen card in scope over the days before the interview but the last two.
const perDay = (cards, days) => Math.ceil(cards / Math.max(days - 2, 1));
const TWO_THEMES = DECK.active.filter((c) => c.theme === 'tricky' || c.theme === 'follow-up').length;
const ALL_PER_DAY = perDay(ACTIVE, 7);

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

test('set an interview date, drill, and readiness on the day goes up', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Set interview date').click();
  // A date in the past is refused with a reason.
  await page.getByLabel('Date and time').fill('2026-11-20T10:00');
  await button(page, 'Add interview').click();
  assert.match(await page.getByRole('alert').textContent(), /That moment has passed/);
  await page.getByLabel('Date and time').fill('2026-12-02T10:00');
  await page.getByLabel('Company (optional)').fill('Acme Logistics');
  await page.getByLabel('Role (optional)').fill('Operations Analyst');
  await button(page, 'Add interview').click();
  // A second interview, only two themes, not the active one.
  await page.getByLabel('Date and time').fill('2026-12-09T14:30');
  await page.getByLabel('Company (optional)').fill('Northwind');
  await page.getByLabel('Tricky questions').check();
  await page.getByLabel('Follow-up').check();
  await button(page, 'Add interview').click();
  assert.equal(await page.locator('.interview-list li').count(), 2);
  await button(page, 'Prepare for this one').click();
  await button(page, 'Back to home').click();
  assert.equal(await page.getByRole('heading', { name: 'Northwind' }).count(), 1);
  assert.match(await page.locator('.interview-panel').textContent(), /answers \(Tricky questions, Follow-up\)\./);
  assert.equal(await page.getByTestId('theme-readiness').locator('li').count(), 2);
  assert.match(await page.getByTestId('plan').textContent(), new RegExp(`^To reach 90% by then: ${perDay(TWO_THEMES, 14)} new cards a day`));
  await button(page, 'Manage interviews').click();
  await button(page, 'Delete Northwind').click();
  assert.equal(await page.locator('.interview-list li').count(), 1);
  assert.match(await page.locator('.interview-list').textContent(), /Acme Logistics — Operations Analyst.*Wed 2 Dec 2026, 10:00 — in 7 days/);
  await shot(page, 'interviews');
  await button(page, 'Back to home').click();

  assert.equal(await page.getByRole('heading', { name: 'Acme Logistics — Operations Analyst' }).count(), 1);
  assert.match(await page.getByTestId('interview-when').textContent(), /in 7 days 1 hour/);
  assert.equal(await page.getByTestId('readiness').textContent(), '0%');
  assert.match(await page.getByTestId('plan').textContent(), new RegExp(`^To reach 90% by then: ${ALL_PER_DAY} new cards a day`));
  assert.match(await page.locator('.interview-panel .help').first().textContent(), /about 0 of \d+ answers \(all themes\)\.$/);
  assert.match(await page.getByTestId('theme-readiness').textContent(), /Have a plan 0%/);

  // Take the plan, then drill five new cards.
  await button(page, `Use the plan (${ALL_PER_DAY} new cards a day)`).click();
  assert.equal(await page.getByTestId('new-count').textContent(), String(ALL_PER_DAY));
  await button(page, 'Start session').click();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
  }
  await nav(page, 'Drill').click();
  const after = Number((await page.getByTestId('readiness').textContent()).replace('%', ''));
  assert.ok(after > 0 && after < 10, `readiness after five Easy cards: ${after}%`);
  // The five cards drilled are all "Have a plan" cards: that theme is no longer the weakest.
  const strongest = (await page.getByTestId('theme-readiness').locator('li').last().innerText()).replace(/\s+/g, ' ');
  assert.match(strongest, /^Have a plan \d+%$/);
  await shot(page, 'home-interview');
  await page.reload();
  await page.waitForSelector('main section'); // mid-session: back on the next card
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('readiness').textContent(), `${after}%`, 'kept across a reload');
  const [stored] = JSON.parse(await page.evaluate(() => localStorage.getItem('second-round/interviews')));
  assert.deepEqual([stored.active, stored.company, stored.role, stored.themes], [true, 'Acme Logistics', 'Operations Analyst', undefined]);
  assert.deepEqual(problems, []);
  await context.close();
});
