// The progress screen with a generated six-month history: heatmap, forecast, retention per theme,
// streak, time studied and recall over time, legible at 360 px in light and dark, with tables for
// screen readers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, T0 } from './helpers.mjs';
import { card } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const DAY = 86_400_000;

/** Writes six months of reviews of the built-in deck into local storage, as the app stores them. */
function seed({ t0, days }) {
  const DAY = 86_400_000; // runs in the page: no outer variables
  let x = 42;
  const rand = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const f32hex = (v) => { const b = new ArrayBuffer(4); new Float32Array(b)[0] = v; return new Uint32Array(b)[0].toString(16); };
  const ids = [];
  for (const [p, n] of [['plan', 10], ['sell', 10], ['attr', 10], ['int', 10], ['tricky', 10], ['ask', 10], ['fit', 10], ['follow', 10]]) {
    for (let i = 1; i <= n; i++) ids.push(`${p}-${String(i).padStart(2, '0')}`);
  }
  const lines = [];
  const last = {};
  for (let d = days; d >= 1; d--) {
    // Some days off; the last three days studied and the day before them not: a 3-day streak.
    if (d === 4 || (d > 4 && rand() < 0.25)) continue;
    const n = 3 + Math.floor(rand() * 22);
    for (let k = 0; k < n; k++) {
      const id = ids[Math.floor(rand() * ids.length)];
      const at = t0 - d * DAY + k * 90_000;
      const rating = rand() < 0.12 ? 1 : rand() < 0.2 ? 2 : rand() < 0.9 ? 3 : 4;
      lines.push(`${id}\t${at}\t${rating}\t${last[id] ? 'r' : 'n'}\t${20_000 + Math.floor(rand() * 60_000)}`);
      last[id] = at;
    }
  }
  localStorage.clear();
  localStorage.setItem('second-round/meta', '1');
  for (let c = 0; c * 32 < lines.length; c++) localStorage.setItem(`second-round/log/${c}`, lines.slice(c * 32, c * 32 + 32).join('\n'));
  for (const [id, at] of Object.entries(last)) {
    const s = 2 + rand() * 40;
    const due = at + Math.round(s) * DAY;
    localStorage.setItem(`second-round/card/${id}`, `r,0,${f32hex(s)},${f32hex(3 + rand() * 5)},${due},${at},5,0`);
  }
  return lines.length;
}

for (const scheme of ['light', 'dark']) {
  test(`progress screen with six months of history (${scheme}, 360 px)`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme, viewport: { width: 360, height: 740 } });
    const reviews = await page.evaluate(seed, { t0: T0.getTime(), days: 182 });
    await page.reload();
    await page.waitForSelector('.home');
    await nav(page, 'Progress').click();
    assert.equal(await page.getByRole('heading', { name: 'Progress', level: 1 }).count(), 1);
    const shown = Number((await page.getByTestId('heatmap-summary').textContent()).match(/^(\d+) reviews/)[1]);
    assert.ok(shown > 0.9 * reviews && shown <= reviews, `${shown} of ${reviews} reviews fall in the last 26 weeks`);
    assert.equal(await page.locator('.heatmap rect').count(), 182);
    assert.equal(await page.locator('.chart.forecast rect').count(), 30);
    assert.equal(await page.locator('.chart.recall rect').count(), 30);
    assert.equal(await page.getByTestId('streak').textContent(), '3 days', 'the last three days were studied, today not yet');
    assert.match(await page.getByTestId('time-total').textContent(), /^\d+ h( \d+ min)?$/);
    assert.equal(await page.getByTestId('time-today').textContent(), '0 min');
    const rows = await page.getByTestId('retention').locator('tbody tr').allInnerTexts();
    // A row per theme of the cards in the history (their themes as the deck has them now), and the total.
    const historyIds = ['plan', 'sell', 'attr', 'int', 'tricky', 'ask', 'fit', 'follow'].flatMap((p) => Array.from({ length: 10 }, (_, i) => `${p}-${String(i + 1).padStart(2, '0')}`));
    assert.equal(rows.length, new Set(historyIds.map((id) => card(id).theme)).size + 1, 'each theme reviewed and the total');
    assert.match(rows.at(-1).replace(/\s+/g, ' '), /^All themes \d+ \d+%$/);
    assert.match(await page.getByTestId('recall-summary').textContent(), /Predicted recall: \d+% today/);
    // Tables for screen readers carry the charts' numbers.
    assert.equal(await page.locator('.sr-only > table').count(), 3);
    assert.equal(await page.locator('.sr-only > table').nth(1).locator('tbody tr').count(), 30);
    const weeks = await page.locator('.sr-only > table').first().locator('tbody th').allTextContents();
    assert.deepEqual([weeks[0], ...weeks.slice(-3)], ['25 weeks ago', '2 weeks ago', 'Last week', 'This week']);
    // Legible at 360 px: no horizontal scroll.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await shot(page, `stats-${scheme}`);
    await page.getByTestId('retention').scrollIntoViewIfNeeded();
    await shot(page, `stats-charts-${scheme}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
