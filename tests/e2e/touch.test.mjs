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
  const y = box.y + Math.min(box.height / 2, 200);
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
