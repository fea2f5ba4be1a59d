// Nothing typed is taken away: every form keeps what the person typed across the app's 15-second
// tick, another tab's update (the storage event), validation errors and other renders, until they
// save or leave; what they save is kept across a reload.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, button, nav, watch, question } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

/** More than four of the app's 15-second ticks (and, in rehearse mode, 61 countdown renders). */
const TICKS = 61_000;

/** Notes the keys of the storage events a tab hears (the app's own listener hears the same). */
const hearing = () => {
  window.__heard = [];
  addEventListener('storage', (e) => { window.__heard.push(e.key); });
};

/** Tab A and a second tab B of the app in the same browser (same storage, same clock). */
async function twoTabs() {
  const { page: a, problems, context } = await phone(env, { init: hearing });
  const b = await context.newPage();
  const problemsB = watch(b, env.base);
  await b.goto(env.base);
  await b.waitForSelector('main section');
  return { a, b, context, problems: () => [...problems, ...problemsB] };
}

/**
 * Does `act` in tab B, waits until tab A has heard B write `key` (events arrive in real time), then
 * moves the clock on so A's batch of other-tab changes (on a 50 ms timer) is taken in and rendered.
 */
async function fromOtherTab(a, b, context, key, act) {
  await a.evaluate(() => { window.__heard = []; });
  await act(b);
  // A key, or (ending in /) any key under it.
  await a.waitForFunction((k) => window.__heard.some((h) => h === k || (k.endsWith('/') && h.startsWith(k))), key);
  await context.clock.runFor(1_000);
}

/** Every field's value (or ticked state) by label. */
async function values(page, labels) {
  const out = {};
  for (const label of labels) {
    const field = page.getByLabel(label, { exact: true });
    out[label] = (await field.getAttribute('type')) === 'checkbox' ? await field.isChecked() : await field.inputValue();
  }
  return out;
}

async function fill(page, typed) {
  for (const [label, value] of Object.entries(typed)) {
    const field = page.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await field.setChecked(value);
    else if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

test('the card editor keeps what is typed across ticks, another tab and validation errors', async () => {
  const { a, b, context, problems } = await twoTabs();
  await nav(a, 'Cards').click();
  await button(a, 'Add a card').click();
  const typed = {
    Question: 'What did you change after your first month?',
    'Model answer': '', // left empty at first: Save names it and keeps everything else
    'Key points, one per line': 'listened first\nchanged one process\nmeasured the result',
    Theme: 'Sell yourself',
    'Tags, separated by commas': 'mystory, onboarding',
  };
  await fill(a, typed);
  const selectedTheme = () => a.getByLabel('Theme', { exact: true }).evaluate((s) => s.selectedOptions[0].textContent);
  assert.equal(await selectedTheme(), 'Sell yourself');
  await context.clock.runFor(TICKS);
  await button(a, 'Save card').click();
  assert.match(await a.getByRole('alert').textContent(), /Write a model answer/);
  await context.clock.runFor(TICKS);
  const labels = Object.keys(typed).filter((l) => l !== 'Theme');
  const expect = Object.fromEntries(labels.map((l) => [l, typed[l]]));
  assert.deepEqual(await values(a, labels), expect, 'kept across ticks and the validation error');
  assert.equal(await selectedTheme(), 'Sell yourself');

  // The answer, then another tab grades a card and saves its settings meanwhile.
  typed['Model answer'] = 'I spent two weeks listening, then changed how returns were logged: errors fell by a third.';
  expect['Model answer'] = typed['Model answer'];
  await a.getByLabel('Model answer').fill(typed['Model answer']);
  await fromOtherTab(a, b, context, 'second-round/card/', async (tab) => {
    await button(tab, 'Start session').click();
    await tab.keyboard.press('Space');
    await tab.getByTestId('answer').waitFor();
    await tab.keyboard.press('3');
    await tab.getByTestId('question').waitFor();
  });
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, labels), expect, 'kept across the other tab\'s update');
  assert.equal(await selectedTheme(), 'Sell yourself');
  assert.equal(await a.getByRole('alert').count(), 1, 'the error stays until the next Save');

  await button(a, 'Save card').click();
  await a.getByTestId('match-count').waitFor();
  await a.reload();
  await a.waitForSelector('main section');
  await nav(a, 'Cards').click();
  await a.getByLabel('Search questions and answers').fill('change after your first month');
  await a.getByRole('button', { name: /What did you change after your first month\?/ }).click();
  assert.deepEqual(await values(a, labels), { ...expect, 'Tags, separated by commas': 'mystory, onboarding' }, 'saved and kept across a reload');
  assert.equal(await selectedTheme(), 'Sell yourself');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('settings keep what is typed across ticks, another tab and validation errors; saved, they are kept', async () => {
  const { a, b, context, problems } = await twoTabs();
  await nav(a, 'Settings').click();
  const typed = {
    'New cards per day': '7',
    'Maximum reviews per day': '150',
    'How sure to be of each answer (%)': '99', // out of range: Save names it and keeps everything else
    'Rehearse: answer against the clock before the model answer shows': true,
    'Answer time (seconds)': '45',
  };
  await fill(a, typed);
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(typed)), typed, 'kept across the ticks');
  await button(a, 'Save settings').click();
  assert.match(await a.getByRole('alert').textContent(), /How sure to be of each answer must be a number from 70 to 97/);
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(typed)), typed, 'kept across the validation error');

  // Tab B saves its settings meanwhile: a readiness target of 80 and a maximum interval of 400.
  await fromOtherTab(a, b, context, 'second-round/settings', async (tab) => {
    await nav(tab, 'Settings').click();
    await tab.getByLabel('Readiness target for the interview (%)').fill('80');
    await tab.getByLabel('Longest gap between reviews (days)').fill('400');
    await button(tab, 'Save settings').click();
    await tab.waitForSelector('.home');
  });
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(typed)), typed, 'what was typed stays after the other tab saved');
  // The fields this tab did not touch follow the other tab; the two it did keep what was typed.
  assert.equal(await a.getByLabel('Readiness target for the interview (%)').inputValue(), '80');
  assert.equal(await a.getByLabel('Longest gap between reviews (days)').inputValue(), '400');

  await a.getByLabel('How sure to be of each answer (%)').fill('85');
  await context.clock.runFor(TICKS);
  await button(a, 'Save settings').click();
  await a.waitForSelector('.home');
  assert.deepEqual(JSON.parse(await a.evaluate(() => localStorage.getItem('second-round/settings'))),
    { desiredRetentionPercent: 85, newPerDay: 7, maxReviewsPerDay: 150, maxIntervalDays: 400, readinessTargetPercent: 80, rehearse: true, answerSeconds: 45, speechToText: false, track: 'office' },
    'saving the settings also saves the role track shown in them (General / office here)');
  await a.reload();
  await a.waitForSelector('.home');
  await nav(a, 'Settings').click();
  assert.deepEqual(await values(a, Object.keys(typed)), { ...typed, 'How sure to be of each answer (%)': '85' }, 'saved and kept across a reload');
  // Leaving without saving lets what was typed go.
  await a.getByLabel('New cards per day').fill('3');
  await button(a, 'Cancel').click();
  await nav(a, 'Settings').click();
  assert.equal(await a.getByLabel('New cards per day').inputValue(), '7');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the interview form keeps what is typed across ticks, another tab and a refused date', async () => {
  const { a, b, context, problems } = await twoTabs();
  await button(a, 'Set interview date').click();
  const typed = {
    'Date and time': '2026-11-20T10:00', // passed: refused, the rest kept
    'Company (optional)': 'Acme Logistics',
    'Role (optional)': 'Operations Analyst',
    'Tricky questions': true,
    'Follow-up': true,
  };
  await fill(a, typed);
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(typed)), typed, 'kept across the ticks');
  await button(a, 'Add interview').click();
  assert.match(await a.getByRole('alert').textContent(), /That moment has passed/);
  typed['Date and time'] = '2026-12-02T10:00';
  await a.getByLabel('Date and time').fill(typed['Date and time']);
  await fromOtherTab(a, b, context, 'second-round/settings', async (tab) => {
    await nav(tab, 'Settings').click();
    await tab.getByLabel('New cards per day').fill('9');
    await button(tab, 'Save settings').click();
    await tab.waitForSelector('.home');
  });
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(typed)), typed, 'kept across the other tab and the refusal');
  await button(a, 'Add interview').click();
  assert.match(await a.locator('.interview-list').textContent(), /Acme Logistics — Operations Analyst.*Wed 2 Dec 2026, 10:00/);
  // Added: the form is empty for the next one.
  assert.deepEqual(await values(a, Object.keys(typed)),
    { 'Date and time': '', 'Company (optional)': '', 'Role (optional)': '', 'Tricky questions': false, 'Follow-up': false });
  await a.reload();
  await a.waitForSelector('.interviews');
  await nav(a, 'Drill').click();
  assert.match(await a.locator('.interview-panel').textContent(), /Acme Logistics — Operations Analyst.*answers \(Tricky questions, Follow-up\)\./);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the rehearse answer box keeps what is typed across the countdown, ticks and another tab', async () => {
  const { a, b, context, problems } = await twoTabs();
  await a.getByLabel(/Rehearse this session/).check();
  await button(a, 'Start session').click();
  const first = await question(a);
  const answer = 'I would bring a short agenda: what we covered last time, what I learned since, and two questions.';
  await a.getByLabel('Your answer').fill(answer);
  await context.clock.runFor(TICKS);
  assert.equal(await a.getByTestId('countdown').textContent(), '0:59', 'the countdown rendered meanwhile');
  assert.equal(await a.getByLabel('Your answer').inputValue(), answer, 'kept across the countdown and the ticks');
  await fromOtherTab(a, b, context, 'second-round/settings', async (tab) => {
    await nav(tab, 'Settings').click();
    await tab.getByLabel('Maximum reviews per day').fill('120');
    await button(tab, 'Save settings').click();
    await tab.waitForSelector('.home');
  });
  assert.equal(await a.getByLabel('Your answer').inputValue(), answer, 'kept across the other tab\'s update');
  await button(a, 'Show answer').click();
  assert.equal(await a.getByTestId('said').textContent(), answer, 'the whole typed answer is the one analysed');
  await a.keyboard.press('3');
  assert.notEqual(await question(a), first);
  assert.equal(await a.getByLabel('Your answer').inputValue(), '', 'the next card starts with an empty box');
  await a.reload();
  await a.waitForSelector('main section');
  await nav(a, 'Drill').click();
  assert.equal(await a.getByTestId('done-count').textContent(), '1', 'the grade was kept');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the import paste box and the focused-session choices keep what is typed; the import is kept', async () => {
  const { a, b, context, problems } = await twoTabs();
  await nav(a, 'Cards').click();
  const total = Number((await a.getByTestId('match-count').textContent()).match(/of (\d+) cards/)[1]);
  // The focused session's choices.
  await a.locator('.focus-start summary').click();
  const chosen = { 'Tricky questions': true, 'Your questions for them': true, 'Include cards not due yet': true };
  await fill(a, chosen);
  await context.clock.runFor(TICKS);
  assert.deepEqual(await values(a, Object.keys(chosen)), chosen, 'kept across the ticks');
  await button(a, 'Start focused session').click();
  assert.equal(await a.getByTestId('focus').locator('p').textContent(), 'Focused session: Tricky questions, Your questions for them, cards not due yet included.');
  await button(a, 'End focus').click();

  await nav(a, 'Cards').click();
  await button(a, 'Import and export').click();
  const text = 'question,answer,tags\nWhat would your first week look like?,Meet the team and read the last audit.,pasted\n';
  await a.getByLabel('Or paste the text').fill(text);
  await context.clock.runFor(TICKS);
  await fromOtherTab(a, b, context, 'second-round/settings', async (tab) => {
    await nav(tab, 'Settings').click();
    await tab.getByLabel('New cards per day').fill('4');
    await button(tab, 'Save settings').click();
    await tab.waitForSelector('.home');
  });
  assert.equal(await a.getByLabel('Or paste the text').inputValue(), text, 'kept across the ticks and the other tab');
  await button(a, 'Read the pasted text').click();
  assert.match(await a.getByTestId('import-counts').textContent(), /^1 card will be added/);
  await context.clock.runFor(TICKS);
  assert.equal(await a.getByLabel('Or paste the text').inputValue(), text, 'kept next to the preview');
  await button(a, 'Import 1 card').click();
  await a.reload();
  await a.waitForSelector('main section');
  await nav(a, 'Cards').click();
  await a.getByLabel('Tag').selectOption('pasted');
  assert.equal(await a.getByTestId('match-count').textContent(), `1 of ${total + 1} cards`, 'imported and kept across a reload');
  assert.deepEqual(problems(), []);
  await context.close();
});
