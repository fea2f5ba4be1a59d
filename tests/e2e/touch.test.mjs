// Touch: tap the card to reveal, swipe right for Good and left for Again, with the card following
// the finger and a hint past the threshold; a vertical drag or a short swipe grades nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, progressText, answers } from './helpers.mjs';
import { storedLog } from './records.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

/** A one-finger drag through Chrome's touch input (it becomes touch pointer events in the page). */
async function drag(page, cdp, dx, dy, { hold } = {}) {
  const box = await page.getByTestId('card').boundingBox();
  const x = box.x + box.width / 2;
  // On the part of the card that is on screen (a long answer scrolls its top away).
  const top = Math.max(box.y, 0);
  const y = top + Math.min((Math.min(box.y + box.height, page.viewportSize().height - 200) - top) / 2, 200);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }] });
  }
  if (hold) await hold();
  // Rest the finger before lifting it, so Chrome starts no fling (a tap during a fling only stops it).
  await new Promise((r) => setTimeout(r, 150));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + dx, y: y + dy }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The ratings stored, in the order they were saved (the page clock may give two grades one moment). */
const saved = [];
const lastRating = async (page) => {
  const log = await storedLog(page);
  const added = log.filter((e) => !saved.some((s) => s.id === e.id && s.at === e.at));
  saved.push(...added);
  return added.length === 1 ? added[0].rating : `${added.length} new reviews`;
};

/** Mid-drag: the page is no wider than the screen, the tab bar and grade bar stay where they were, and
 * the hint is on screen. */
async function inView(page, where) {
  const m = await page.evaluate(() => {
    const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
    return { scroll: document.documentElement.scrollWidth, width: innerWidth, height: innerHeight,
      tabbar: box('nav.tabbar'), grades: box('.grades'), hint: box('.swipe-hint') };
  });
  assert.ok(m.scroll <= m.width, `${where}: the page is ${m.scroll} px wide on a ${m.width} px screen`);
  for (const k of ['tabbar', 'grades', 'hint']) {
    const r = m[k];
    assert.ok(r.top >= 0 && r.bottom <= m.height && r.left >= 0 && r.right <= m.width, `${where}: ${k} off screen ${JSON.stringify(r)}`);
  }
  assert.ok(Math.abs(m.tabbar.bottom - m.height) < 1, `${where}: the tab bar stays at the bottom`);
}

for (const [viewport, scheme] of [[{ width: 390, height: 844 }, 'light'], [{ width: 390, height: 844 }, 'dark'], [{ width: 360, height: 640 }, 'dark']]) {
  test(`${viewport.width}×${viewport.height} ${scheme}: mid-swipe the page keeps its width, the bars and the hint stay on screen`, async () => {
    const { page, problems, context } = await phone(env, { viewport, colorScheme: scheme });
    const cdp = await context.newCDPSession(page);
    await page.getByRole('button', { name: 'Start session' }).tap();
    await page.getByTestId('card').tap();
    await page.getByTestId('answer').waitFor();
    // Read on to the end of the answer, as on a long one: the card's top is above the screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const where = `${viewport.width} ${scheme}`;
    await drag(page, cdp, 180, 4, { hold: async () => {
      await inView(page, `${where} right`);
      assert.equal(await page.locator('.swipe-hint').textContent(), 'Good →');
      await shot(page, `swipe-mid-${viewport.width}-${scheme}`);
    } });
    assert.equal(await answers(page), 1);
    await page.getByTestId('card').tap();
    await page.getByTestId('answer').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await drag(page, cdp, -180, 4, { hold: () => inView(page, `${where} left`) });
    assert.equal(await answers(page), 2);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('tap reveals; swipe right is Good, left is Again; vertical and short drags grade nothing', async () => {
  const { page, problems, context } = await phone(env);
  const cdp = await context.newCDPSession(page);
  await page.getByRole('button', { name: 'Start session' }).tap();

  // A swipe on the question does nothing: there is no answer to grade yet.
  await drag(page, cdp, 220, 0);
  assert.equal(await answers(page), 0);
  await page.getByTestId('card').tap();
  await page.getByTestId('answer').waitFor();

  // Right, past the threshold: the card follows and the hint says Good.
  await drag(page, cdp, 200, 8, {
    hold: async () => {
      const transform = await page.getByTestId('card').evaluate((el) => el.style.transform);
      assert.match(transform, /^translateX\(\d+px\)/, 'the card follows the finger');
      assert.equal(await page.locator('.swipe-hint').textContent(), 'Good →');
      await shot(page, 'swipe-good-hint');
    },
  });
  assert.equal(await answers(page), 1);
  assert.equal(await lastRating(page), 3);

  await page.getByTestId('card').tap();
  await page.getByTestId('answer').waitFor();
  await drag(page, cdp, -200, -5, { hold: async () => assert.equal(await page.locator('.swipe-hint').textContent(), '← Again') });
  assert.equal(await answers(page), 2);
  assert.equal(await lastRating(page), 1);

  // Vertical movement is a scroll, not a grade; a short swipe springs back.
  await page.getByTestId('card').tap();
  await page.getByTestId('answer').waitFor();
  await drag(page, cdp, 40, 160);
  await drag(page, cdp, 60, 0);
  assert.equal(await answers(page), 2);
  assert.equal(await page.getByTestId('card').evaluate((el) => el.style.transform), '', 'the card springs back');
  assert.equal(await page.getByTestId('answer').count(), 1, 'still on the same answer');
  // The buttons stay for everyone else.
  await page.getByRole('button', { name: 'Easy', exact: true }).tap();
  assert.equal(await answers(page), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

// Showing the answer keeps the question's first line on screen: the answer is read with its question.
for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 640 }]) {
  test(`${viewport.width}×${viewport.height}: after Show answer the question is still in view`, async () => {
    const { page, problems, context } = await phone(env, { viewport });
    await page.getByRole('button', { name: 'Start session' }).tap();
    for (let i = 0; i < 4; i++) {
      await page.getByTestId('card').tap();
      await page.getByTestId('answer').waitFor();
      const top = await page.getByTestId('question').evaluate((q) => q.getBoundingClientRect().top);
      assert.ok(top >= 0, `card ${i + 1}: the question starts at ${top}`);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'answer', 'focus on the answer');
      await page.getByRole('button', { name: 'Good', exact: true }).tap();
      await page.getByTestId('answer').waitFor({ state: 'detached' });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
