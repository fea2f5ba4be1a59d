// Two tabs of the app open at once: every review of both is kept in the log and no card's state
// moves backwards, with reloads in between (each tab hears the other through the storage event).
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, button, nav, question, watch, advanceUntil, paste, answers } from './helpers.mjs';
import { storedLog, storedStates } from './records.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const log = (page) => storedLog(page).then((all) => all.map(({ id, at, rating }) => ({ id, at, rating })));

test('two tabs grading, with reloads in between, keep every review and never move a card back', async () => {
  const { page: a, problems, context } = await phone(env);
  const b = await context.newPage();
  const problemsB = watch(b, env.base);
  await b.goto(env.base);
  await b.waitForSelector('main section');
  const grade = async (page, key) => {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press(key);
    await context.clock.runFor(2_000);
  };

  await button(a, 'Start session').click();
  const graded = [];
  for (const k of ['3', '3', '4']) {
    graded.push(await question(a));
    await grade(a, k);
  }
  // Tab B heard about them without a reload (its batch timer runs on the test's clock: move it on
  // until the events, which arrive in real time, have been taken in).
  await advanceUntil(context, async () => (await b.getByTestId('done-count').textContent()) === '3', 'tab B counting A\'s three reviews');
  await button(b, 'Continue session').click();
  const firstOfB = await question(b);
  assert.ok(!graded.includes(firstOfB), 'tab B goes on with a card tab A has not graded');
  await grade(b, '3');
  await b.reload();
  await b.waitForSelector('main section');
  await grade(b, '1');
  // Tab A, still on the card it was shown, grades it: the same card B graded first. A has taken in
  // B's two reviews by then (its count of today's reviews says so).
  await advanceUntil(context, async () => (await answers(a)) === 5, 'tab A counting B\'s two reviews');
  assert.equal(await question(a), firstOfB);
  await grade(a, '3');
  await a.reload();
  await a.waitForSelector('main section');
  await grade(a, '3');

  const entries = await log(a);
  assert.equal(entries.length, 7, `every review of both tabs: ${JSON.stringify(entries)}`);
  assert.equal(new Set(entries.map((e) => `${e.id}@${e.at}`)).size, 7, 'none twice');
  // Each card's stored state is its latest review, never an older one.
  const states = await storedStates(a);
  for (const [id, state] of Object.entries(states)) {
    const last = Math.max(...entries.filter((e) => e.id === id).map((e) => e.at));
    assert.equal(state.last, last, `${id}: the state of its latest review`);
    assert.equal(state.reps, entries.filter((e) => e.id === id).length, `${id}: every review counted`);
  }
  assert.ok(Object.values(states).some((s) => s.reps === 2), 'the card both tabs graded has both reviews');
  // Both tabs show the same day after a reload.
  await b.reload();
  await b.waitForSelector('main section');
  await nav(b, 'Drill').click();
  await nav(a, 'Drill').click();
  assert.equal(await a.getByTestId('done-count').textContent(), '7');
  assert.equal(await b.getByTestId('done-count').textContent(), '7');
  assert.deepEqual([...problems, ...problemsB], []);
  await context.close();
});

test('an import of 2,000 cards in one tab reaches the other in one update, not thousands', async () => {
  // Each tab counts the storage events it hears and the changes it writes itself.
  const counting = () => {
    window.__heard = 0;
    window.__wrote = 0;
    addEventListener('storage', () => { window.__heard++; });
    const S = Storage.prototype;
    const set = S.setItem;
    const remove = S.removeItem;
    S.setItem = function (k, v) { if (this.getItem(k) !== String(v)) window.__wrote++; return set.call(this, k, v); };
    S.removeItem = function (k) { if (this.getItem(k) !== null) window.__wrote++; return remove.call(this, k); };
  };
  const { page: a, problems, context } = await phone(env, { init: counting });
  const b = await context.newPage();
  const problemsB = watch(b, env.base);
  await b.goto(env.base);
  await b.waitForSelector('main section');
  await nav(b, 'Cards').click();
  const total = Number((await b.getByTestId('match-count').textContent()).match(/of (\d+) cards/)[1]);
  await b.evaluate(() => {
    window.__renders = 0;
    new MutationObserver(() => { window.__renders++; }).observe(document.querySelector('[data-testid=match-count]'), { childList: true, characterData: true, subtree: true });
  });
  await nav(a, 'Cards').click();
  await button(a, 'Import and export').click();
  const rows = Array.from({ length: 2000 }, (_, i) => `Question ${i} of the batch?,Answer ${i}.`);
  await paste(a.getByLabel('Or paste the text'), ['question,answer', ...rows].join('\n'));
  await button(a, 'Read the pasted text').click();
  const wroteBefore = await a.evaluate(() => window.__wrote);
  const heardBefore = await b.evaluate(() => window.__heard);
  await button(a, 'Import 2000 cards').click();
  const writes = (await a.evaluate(() => window.__wrote)) - wroteBefore;
  assert.ok(writes >= 2000, `the import wrote ${writes} keys`);
  // Every write has reached tab B (events arrive in real time) while its clock stands still ...
  await b.waitForFunction((n) => window.__heard >= n, heardBefore + writes);
  assert.equal(await b.evaluate(() => window.__renders), 0, 'nothing taken in before its batch timer');
  // ... then its batch timer runs once: all of them are taken in together.
  await context.clock.runFor(100);
  assert.equal(await b.getByTestId('match-count').textContent(), `${total + 2000} of ${total + 2000} cards`);
  const renders = await b.evaluate(() => window.__renders);
  assert.equal(renders, 1, `the other tab updated ${renders} times for ${writes} writes`);
  assert.deepEqual([...problems, ...problemsB], []);
  await context.close();
});

test('undo in one tab takes back its own review only, after the other tab has graded', async () => {
  const { page: a, problems, context } = await phone(env);
  const b = await context.newPage();
  const problemsB = watch(b, env.base);
  await b.goto(env.base);
  await b.waitForSelector('main section');
  const grade = async (page, key) => {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press(key);
    await context.clock.runFor(2_000);
  };
  const hears = async (page, done) => {
    const count = async () => ((await page.getByTestId('done-count').count()) ? Number(await page.getByTestId('done-count').textContent()) : answers(page));
    for (let i = 0; i < 100 && (await count()) !== done; i++) await context.clock.runFor(100);
  };

  // Tab A grades a card; tab B hears it, goes on to another card and grades it; A hears that.
  await button(a, 'Start session').click();
  const mine = await question(a);
  await grade(a, '3');
  await hears(b, 1);
  assert.equal(await b.getByTestId('done-count').textContent(), '1');
  await button(b, 'Continue session').click();
  const theirs = await question(b);
  assert.notEqual(theirs, mine);
  await grade(b, '4');
  await hears(a, 2);
  assert.equal(await answers(a), 2);
  const before = await log(a);
  assert.equal(before.length, 2);
  const [ours, other] = before[0].rating === 3 ? before : [before[1], before[0]];

  // A undoes: its own review goes, B's stays — in storage and in A's history.
  await a.keyboard.press('u');
  await a.locator('[data-testid="progress"][data-answers="1"]').waitFor();
  assert.equal(await question(a), mine, 'the undone card is back on screen');
  const after = await log(a);
  assert.deepEqual(after, [other], 'exactly the undone review left storage');
  assert.ok(!after.some((e) => e.id === ours.id && e.at === ours.at));
  const keys = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('second-round/card/')).map((k) => k.slice(18)));
  assert.deepEqual(keys, [other.id], 'the undone card is new again; the other card keeps its schedule');
  // Tab B hears the undo without a reload: A's review leaves its history too.
  await hears(b, 1);
  assert.equal(await answers(b), 1, 'tab B took the review back');
  // Both agree after a reload.
  await a.reload();
  await a.waitForSelector('main section');
  await nav(a, 'Drill').click();
  assert.equal(await a.getByTestId('done-count').textContent(), '1');
  await b.reload();
  await b.waitForSelector('main section');
  await nav(b, 'Drill').click();
  assert.equal(await b.getByTestId('done-count').textContent(), '1');
  assert.deepEqual([...problems, ...problemsB], []);
  await context.close();
});
