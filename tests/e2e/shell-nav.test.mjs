// Navigation as in a phone app: a bottom tab bar, an address per screen (in the hash, so it works
// under any public path and offline), Back / Forward / reload / a shared link doing what a person
// expects, and every new screen opening at its top with focus on its heading.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, installed, PHONE, answers } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const hash = (page) => page.evaluate(() => location.hash);
const heading = (page) => page.locator('main h1').first().innerText();
/** The screen on view: its address, its heading, the tab marked as current. */
async function where(page) {
  return { hash: await hash(page), h1: await heading(page), tab: await page.locator('.tabbar [aria-current="page"]').innerText() };
}

test('each tab has its own address; Back, Forward and reload follow it', async () => {
  const { page, problems, context } = await phone(env);
  assert.deepEqual(await where(page), { hash: '#/', h1: "Today's drill", tab: 'Drill' });
  await nav(page, 'Cards').click();
  assert.deepEqual(await where(page), { hash: '#/cards', h1: 'Cards', tab: 'Cards' });
  await nav(page, 'Progress').click();
  assert.deepEqual(await where(page), { hash: '#/progress', h1: 'Progress', tab: 'Progress' });
  await nav(page, 'Settings').click();
  assert.deepEqual(await where(page), { hash: '#/settings', h1: 'Settings', tab: 'Settings' });

  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/progress');
  assert.deepEqual(await where(page), { hash: '#/progress', h1: 'Progress', tab: 'Progress' });
  await page.goBack();
  assert.deepEqual(await where(page), { hash: '#/cards', h1: 'Cards', tab: 'Cards' });
  await page.goForward();
  assert.deepEqual(await where(page), { hash: '#/progress', h1: 'Progress', tab: 'Progress' });

  await page.reload();
  await page.waitForSelector('main section');
  assert.deepEqual(await where(page), { hash: '#/progress', h1: 'Progress', tab: 'Progress' }, 'reload keeps the screen');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/cards');
  assert.equal(await heading(page), 'Cards', 'Back after a reload still goes where it went before');

  // The session: its own address; Back from it goes home.
  await nav(page, 'Drill').click();
  await button(page, 'Start session').click();
  assert.equal(await hash(page), '#/session');
  assert.equal(await page.locator('.tabbar [aria-current="page"]').innerText(), 'Drill');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await hash(page), '#/session');
  assert.equal(await page.getByTestId('progress').innerText(), await page.getByTestId('progress').innerText());
  assert.equal(await answers(page), 1, 'the session resumes after a reload');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/');
  assert.equal(await heading(page), "Today's drill");
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link opens its screen, a card in the editor too; saving does not leave the form behind in Back', async () => {
  const { page, problems, context } = await phone(env);
  for (const [h, title] of [['#/kit', 'Interview kit'], ['#/progress', 'Progress'], ['#/settings', 'Settings'], ['#/cards', 'Cards'], ['#/import', 'Import and export'], ['#/interviews', 'Interviews'], ['#/cards/new', 'New card']]) {
    const other = await context.newPage();
    await other.goto(env.base + h);
    await other.waitForSelector('main section');
    assert.equal(await heading(other), title, `${h} opens ${title}`);
    assert.equal(await hash(other), h);
    await other.close();
  }
  // A card's own address.
  await nav(page, 'Cards').click();
  const first = page.getByTestId('card-list').getByRole('button').first();
  const q = await first.locator('.q').innerText();
  await first.click();
  const cardHash = await hash(page);
  assert.match(cardHash, /^#\/cards\/[\w-]+$/);
  const other = await context.newPage();
  await other.goto(env.base + cardHash);
  await other.waitForSelector('main section');
  assert.equal(await heading(other), 'Edit card');
  assert.equal(await other.getByLabel('Question').inputValue(), q);
  await other.close();
  // A card that is not there opens the list.
  const gone = await context.newPage();
  await gone.goto(env.base + '#/cards/no-such-card');
  await gone.waitForSelector('main section');
  assert.equal(await heading(gone), 'Cards');
  await gone.close();

  // Save: back on the list, and Back goes to where the list came from (home), not into the form again.
  await page.getByLabel('Tags, separated by commas').fill('saved-once');
  await button(page, 'Save card').click();
  await page.waitForFunction(() => location.hash === '#/cards');
  assert.equal(await heading(page), 'Cards');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/');
  assert.equal(await heading(page), "Today's drill");
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/cards');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every screen change opens at the top with focus on its heading', async () => {
  const { page, problems, context } = await phone(env, { viewport: { width: 360, height: 640 } });
  const check = async (what) => {
    await page.waitForFunction(() => window.scrollY === 0);
    const focused = await page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent);
    assert.equal(focused, `H1 ${await heading(page)}`, `${what}: focus on the heading`);
  };
  await nav(page, 'Settings').click();
  await check('settings');
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => window.scrollY > 500);
  await nav(page, 'Progress').click();
  await check('progress from a scrolled settings screen');
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => window.scrollY > 200);
  await nav(page, 'Cards').click();
  await check('cards');
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => window.scrollY > 500);
  await page.getByTestId('card-list').getByRole('button').nth(8).click();
  await check('editor opened from far down the list');
  await page.goBack();
  await check('back to the list');
  await page.mouse.wheel(0, 3000);
  await nav(page, 'Drill').click();
  await check('home');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tab bar: one row of 44 px targets at 360, 390 and 1280 px, the current screen marked', async () => {
  for (const viewport of [{ width: 360, height: 640 }, PHONE, { width: 1280, height: 800 }]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, problems, context } = await phone(env, { viewport, colorScheme });
      const tabs = await page.locator('.tabbar a').evaluateAll((els) => els.map((a) => {
        const r = a.getBoundingClientRect();
        return { text: a.innerText.trim(), top: Math.round(r.top), w: r.width, h: r.height, bottom: r.bottom };
      }));
      assert.deepEqual(tabs.map((t) => t.text), ['Drill', 'Cards', 'Kit', 'Progress', 'Settings']);
      assert.equal(new Set(tabs.map((t) => t.top)).size, 1, `${viewport.width}: one row`);
      for (const t of tabs) assert.ok(t.w >= 44 && t.h >= 44, `${viewport.width}: ${t.text} is ${t.w}×${t.h}`);
      assert.ok(Math.abs(tabs[0].bottom - viewport.height) <= 1, 'at the bottom of the screen');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
      if (viewport === PHONE) {
        await nav(page, 'Cards').click();
        await shot(page, `shell-tabs-cards-${colorScheme}`);
        await nav(page, 'Drill').click();
        await button(page, 'Start session').click();
        await page.keyboard.press('Space');
        // The grade bar sits above the tab bar, both in full view.
        const grades = await page.getByRole('group', { name: 'Grade your answer' }).boundingBox();
        const bar = await page.locator('.tabbar').boundingBox();
        assert.ok(grades.y + grades.height <= bar.y + 1, 'grades above the tab bar');
        await shot(page, `shell-answer-${colorScheme}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('under another public path, and offline after one visit, the addresses still work', async () => {
  const { base, context, page, problems, offline } = await installed(env.browser, { under: 'apps/', at: '#/progress' });
  assert.equal(await heading(page), 'Progress');
  await nav(page, 'Cards').click();
  assert.equal(page.url(), base + '#/cards');
  await offline();
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await heading(page), 'Cards', 'reload offline keeps the screen');
  await page.goto(base + '#/settings');
  await page.waitForSelector('main section');
  assert.equal(await heading(page), 'Settings');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/cards');
  assert.equal(await heading(page), 'Cards');
  assert.deepEqual(problems, []);
  await context.close();
});

test('unsaved changes in the editor are kept across the tab bar, Back and a reload, and can be let go', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Cards').click();
  await page.getByTestId('card-list').getByRole('button').first().click();
  const answer = page.getByLabel('Model answer');
  const saved = await answer.inputValue();
  await answer.fill('My own words, not saved yet.');
  // Away by the tab bar, and back: the change is there, and the editor says so.
  await nav(page, 'Progress').click();
  assert.equal(await heading(page), 'Progress');
  await page.goBack();
  await page.waitForFunction(() => /^#\/cards\/./.test(location.hash));
  assert.equal(await answer.inputValue(), 'My own words, not saved yet.');
  assert.match(await page.getByTestId('draft-restored').textContent(), /Your unsaved changes are back/);
  // Away by Back, and Forward again.
  await answer.fill('My own words, changed again.');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/cards');
  await page.goForward();
  await page.waitForFunction(() => /^#\/cards\/./.test(location.hash));
  assert.equal(await answer.inputValue(), 'My own words, changed again.');
  // A reload keeps it too.
  await answer.fill('My own words, before a reload.');
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await heading(page), 'Edit card');
  assert.equal(await answer.inputValue(), 'My own words, before a reload.');
  await shot(page, 'shell-draft-restored');
  // Let go: the card as saved, and nothing is kept any more.
  await button(page, 'Discard changes').click();
  assert.equal(await answer.inputValue(), saved);
  assert.equal(await page.getByTestId('draft-restored').count(), 0);
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await answer.inputValue(), saved);
  // Nothing changed: nothing is kept, and nothing is said.
  await nav(page, 'Drill').click();
  await page.goBack();
  await page.waitForFunction(() => /^#\/cards\/./.test(location.hash));
  assert.equal(await page.getByTestId('draft-restored').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('second-round/own/' + location.hash.split('/').pop())), null, 'nothing was saved to the card');
  assert.deepEqual(problems, []);
  await context.close();
});
