// Unsaved changes on a phone (390×844), in every form where a person types: the settings, an
// interview added or changed, a story added or changed, the round-one notes, the questions to ask,
// the plan and the thank-you notes. For each: typed, then left by the tab bar, by a reload, by Back
// (and Forward) — the changes are back each time, said so; "Discard changes" puts back what is
// saved; Save keeps the text and nothing comes back afterwards. A story's changes stay in that
// story. The restored line checked by axe and photographed in light and dark.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, axe } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const INTERVIEW = { at: Date.parse('2026-12-02T10:00:00Z'), company: 'Northwind', role: 'Analyst', active: true };

/** A phone with one interview set and the role track chosen. */
async function open(options = {}) {
  const ctx = await phone(env, options);
  await ctx.page.evaluate((iv) => {
    localStorage.clear();
    localStorage.setItem('second-round/meta', '4');
    localStorage.setItem('second-round/settings', JSON.stringify({ track: 'office' }));
    localStorage.setItem('second-round/interviews', JSON.stringify([iv]));
  }, INTERVIEW);
  await ctx.page.reload();
  await ctx.page.waitForSelector('main section');
  return ctx;
}

/** Follows a link to `hash` (as a shared link or a typed address does) and waits for its screen. */
async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h && document.querySelector('main h1'), hash);
}

const restored = (page) => page.getByTestId('draft-restored');

async function addStory(page, title) {
  await go(page, '#/kit/story');
  await page.locator('#st-title').fill(title);
  await button(page, 'Save story').click();
  await page.waitForFunction(() => location.hash === '#/kit/stories');
}

/**
 * Each form: how to get to it (`open`, after any `setup`), the field typed into, what it holds
 * once saved when the form opens afresh (`afterSave`: a form that adds something starts empty),
 * what else Save needs (`complete`) and its Save button.
 */
const FORMS = [
  { name: 'Settings', open: (p) => nav(p, 'Settings').click(), field: '#new-per-day', typed: (n) => String(20 + n), save: 'Save settings' },
  {
    name: 'a new interview', open: (p) => go(p, '#/interviews'), field: '#iv-company', save: 'Add interview', afterSave: '',
    complete: (p) => p.locator('#iv-when').fill('2026-12-09T14:30'),
  },
  {
    name: 'an interview changed',
    open: async (p) => { await go(p, '#/interviews'); await p.getByRole('button', { name: /^Edit Northwind/ }).click(); },
    field: '#iv-company', save: 'Save interview',
  },
  { name: 'a new story', open: (p) => go(p, '#/kit/story'), field: '#st-title', save: 'Save story', afterSave: '' },
  {
    name: 'a story changed', setup: (p) => addStory(p, 'The month-end close'),
    open: (p) => p.getByRole('button', { name: 'Edit The month-end close' }).click(), field: '#st-title', save: 'Save story',
  },
  { name: 'the round-one notes', open: async (p) => { await go(p, '#/kit'); await button(p, 'Round-one notes').click(); }, field: '#n-well', save: 'Save notes' },
  {
    name: 'the questions to ask',
    setup: async (p) => {
      await go(p, '#/kit/questions');
      await p.locator('#q-new').fill('What would a good first month look like?');
      await button(p, 'Add my question').click();
      await p.locator('#q-answer-0').waitFor();
    },
    open: (p) => go(p, '#/kit/questions'), field: '#q-answer-0', save: 'Save answers',
  },
  { name: 'the plan', open: async (p) => { await go(p, '#/kit/sheet'); await button(p, 'Edit the plan').click(); }, field: '#pl-place', save: 'Save the plan' },
  {
    name: 'a thank-you note',
    setup: async (p) => {
      await go(p, '#/kit/notes');
      await p.locator('#p-name-0').fill('Priya Shah');
      await button(p, 'Save notes').click();
      await p.waitForFunction(() => location.hash === '#/kit');
    },
    open: async (p) => { await go(p, '#/kit'); await button(p, 'Thank-you notes').click(); }, field: '#th-body-0', save: 'Save notes',
  },
];

for (const form of FORMS) {
  test(`${form.name}: unsaved changes come back after the tab bar, a reload and Back; Discard and Save let them go`, async () => {
    const { page, context, problems } = await open();
    await form.setup?.(page);
    await form.open(page);
    const field = page.locator(form.field);
    await field.waitFor();
    const here = await page.evaluate(() => location.hash);
    const saved = await field.inputValue();
    const typed = (n) => form.typed?.(n) ?? `Typed, not saved (${n})`;
    const back = async (what, n) => {
      await page.waitForFunction((h) => location.hash === h, here);
      await field.waitFor();
      assert.equal(await field.inputValue(), typed(n), `${form.name}, after ${what}: what was typed is back`);
      assert.match(await restored(page).textContent(), /Your unsaved changes are back/, `${form.name}, after ${what}: and it says so`);
    };
    assert.equal(await restored(page).count(), 0, 'nothing to put back at first');

    // The tab bar, then a link back to the form.
    await field.fill(typed(1));
    await nav(page, 'Progress').click();
    await page.waitForFunction(() => location.hash === '#/progress');
    await go(page, here);
    await back('the tab bar', 1);

    // A reload.
    await field.fill(typed(2));
    await page.reload();
    await page.waitForSelector('main section');
    await back('a reload', 2);

    // Back, then Forward.
    await field.fill(typed(3));
    await page.goBack();
    await page.waitForFunction((h) => location.hash !== h, here);
    await page.goForward();
    await back('Back and Forward', 3);

    // Discard: what is saved, and nothing comes back after a reload.
    await button(page, 'Discard changes').click();
    await restored(page).waitFor({ state: 'detached' });
    assert.equal(await field.inputValue(), saved, `${form.name}: Discard puts the saved version back`);
    await page.reload();
    await page.waitForSelector('main section');
    await field.waitFor();
    assert.equal(await field.inputValue(), saved);
    assert.equal(await restored(page).count(), 0, 'discarded: nothing kept');

    // Save: the text is saved, and nothing is kept aside any more.
    await field.fill(typed(4));
    await form.complete?.(page);
    await button(page, form.save).click();
    await restored(page).waitFor({ state: 'detached' });
    await nav(page, 'Drill').click();
    await page.waitForFunction(() => location.hash === '#/');
    await go(page, here);
    await field.waitFor();
    assert.equal(await field.inputValue(), form.afterSave ?? typed(4), `${form.name}: saved`);
    assert.equal(await restored(page).count(), 0, `${form.name}: saved, nothing comes back`);
    await page.reload();
    await page.waitForSelector('main section');
    await field.waitFor();
    assert.equal(await restored(page).count(), 0, `${form.name}: nor after a reload`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a story's unsaved changes stay in that story, and a Cancel lets them go", async () => {
  const { page, context, problems } = await open();
  await addStory(page, 'The month-end close');
  await addStory(page, 'The supplier dispute');
  await page.getByRole('button', { name: 'Edit The month-end close' }).click();
  const first = await page.evaluate(() => location.hash);
  await page.getByLabel('Task').fill('Close the month in three days.');
  await nav(page, 'Kit').click();
  await button(page, 'See my stories and coverage').click();
  await page.getByRole('button', { name: 'Edit The supplier dispute' }).click();
  await page.waitForFunction((h) => /^#\/kit\/story\/./.test(location.hash) && location.hash !== h, first);
  assert.equal(await page.locator('#st-title').inputValue(), 'The supplier dispute');
  assert.equal(await page.getByLabel('Task').inputValue(), '', 'not in another story');
  assert.equal(await restored(page).count(), 0);
  await go(page, '#/kit/story');
  assert.equal(await page.getByLabel('Task').inputValue(), '', 'nor in a new one');
  await go(page, first);
  assert.equal(await page.getByLabel('Task').inputValue(), 'Close the month in three days.');
  // Cancel means: let them go.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.waitForFunction(() => location.hash === '#/kit/stories');
  await go(page, first);
  assert.equal(await page.getByLabel('Task').inputValue(), '');
  assert.equal(await restored(page).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the restored changes, ${colorScheme}: said, accessible, photographed`, async () => {
    const { page, context, problems } = await open({ colorScheme });
    await go(page, '#/kit/notes');
    await page.locator('#p-name-0').fill('Priya Shah');
    await page.getByLabel('What went well').fill('The reconciliation story landed; they asked for the numbers twice.');
    await page.reload();
    await page.waitForSelector('main section');
    await restored(page).waitFor();
    assert.equal(await page.getByLabel('What went well').inputValue(), 'The reconciliation story landed; they asked for the numbers twice.');
    await context.clock.resume(); // axe schedules work with timers
    await axe(page, `restored notes (${colorScheme})`);
    await shot(page, `drafts-restored-${colorScheme}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
