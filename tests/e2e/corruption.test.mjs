// Damaged storage, key by key: garbage, truncated JSON, a wrong type, an older and a newer schema.
// The app starts, says what it could not read, keeps the raw text aside (and offers it as a file),
// never silently writes over it, and uses whatever is readable.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, phone, button, shot, ROOT } from './helpers.mjs';
import { ACTIVE, DECK } from './deck-source.mjs';
import { readRecords } from './records.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const GOOD_CARD = ['second-round/card/plan-01', 'r,0,4019999a,40a00000,1795597200000,1795510800000,1,0'];

const CASES = [
  ['meta: garbage', 'second-round/meta', 'v?!', /the storage version/],
  ['settings: garbage', 'second-round/settings', '%%%', /your settings, so the defaults are used/],
  ['settings: a wrong type (JSON)', 'second-round/settings', '{"newPerDay": "five"}', /your settings/],
  ['settings: a wrong type (a number where a switch goes)', 'second-round/settings', 'new=5;rehearse=yes', /your settings/],
  ['interviews: garbage', 'second-round/interviews', 'next week\tmaybe', /your interview dates/],
  ['interviews: a wrong type (JSON)', 'second-round/interviews', '[{"at": "next week"}]', /your interview dates/],
  ['a card schedule: garbage', 'second-round/card/plan-02', 'garbage', /the schedule of 1 card, which starts again as new/],
  ['a card schedule: truncated', 'second-round/card/plan-02', 'r,0,4019', /the schedule of 1 card/],
  ['a card schedule: a wrong type', 'second-round/card/plan-02', '["r",0,1]', /the schedule of 1 card/],
  ['a card record: truncated', 'second-round/card/plan-02', '"D5c70', /the schedule of 1 card/],
  ['older reviews of a card: garbage', 'second-round/log/plan-02/0', '"not packed"', /part of your review history \(1 block\)/],
  ['a review-log block: garbage', 'second-round/log/0', 'plan-01\tnot-a-time\t3\tn\t1', /part of your review history \(1 block\)/],
  ['a card text: truncated JSON', 'second-round/own/own-1', '{"theme":"own","q":"Why', /the text of 1 card you wrote or edited/],
  ['a card text: a wrong type', 'second-round/own/plan-03', '{"q": 7, "a": []}', /the text of 1 card you wrote or edited/],
  ['a card text: not an object', 'second-round/own/plan-03', '[1, 2]', /the text of 1 card/],
];

for (const [name, key, raw, says] of CASES) {
  test(`damaged ${name}: reported, kept aside, the rest used`, async () => {
    const { page, problems, context } = await phone(env);
    await page.evaluate(([k, v, good]) => {
      localStorage.setItem('second-round/meta', '2');
      localStorage.setItem(good[0], good[1]);
      localStorage.setItem(k, v);
    }, [key, raw, GOOD_CARD]);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: '1 saved item could not be read' });
    await alert.waitFor();
    assert.match(await alert.textContent(), says);
    if (key === 'second-round/card/plan-02' && raw === 'garbage') await shot(page, 'banner-unreadable-named');
    const stored = await page.evaluate(() => ({ ...localStorage }));
    assert.equal(stored[`second-round/unreadable/${key}`], raw, 'the raw text is kept aside');
    if (key !== 'second-round/meta') assert.equal(stored[key], raw, 'and not written over');
    assert.match(await page.locator('.deck-size').textContent(), key === GOOD_CARD[0] ? /./ : /^1 of \d+ cards studied/, 'what is readable is used');
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download what could not be read').click()]);
    assert.deepEqual(JSON.parse(fs.readFileSync(await download.path(), 'utf8')), { [key]: raw });
    // Working on does not lose the copy.
    await button(page, 'Start session').click();
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await page.reload();
    await page.waitForSelector('main section');
    assert.equal(await page.evaluate((k) => localStorage.getItem(`second-round/unreadable/${k}`), key), raw);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('data of the first schema (version 1) is read whole and carried on', async () => {
  const { page, problems, context } = await phone(env);
  const v1 = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/schema/v1.json'), 'utf8'));
  await page.evaluate((data) => { localStorage.clear(); for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v); }, v1);
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await page.getByRole('alert').count(), 0, 'nothing unreadable');
  // Schedules of cards the deck has (the fixture also holds two ids it never had).
  const studied = Object.keys(v1).filter((k) => DECK.active.some((c) => k === `second-round/card/${c.id}`)).length;
  assert.equal(studied, 6);
  assert.match(await page.locator('.deck-size').textContent(), new RegExp(`^${studied} of ${ACTIVE} cards studied`));
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(stored['second-round/meta'], '4', 'migrated to today\'s schema');
  assert.deepEqual(Object.keys(stored).filter((k) => /^second-round\/log\/\d+$/.test(k)), [], 'the old log chunks moved into the cards\' records');
  const { log } = await page.evaluate(readRecords);
  assert.equal(log.length, Object.entries(v1).filter(([k]) => k.startsWith('second-round/log/')).reduce((n, [, v]) => n + v.split('\n').length, 0), 'every review kept');
  assert.equal(stored['other-app/key'], v1['other-app/key'], 'another app\'s key left alone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('data of a newer schema is used read-only and never written', async () => {
  const { page, problems, context } = await phone(env);
  await page.evaluate((good) => { localStorage.setItem('second-round/meta', '9'); localStorage.setItem(good[0], good[1]); }, GOOD_CARD);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'newer version' }).waitFor();
  assert.match(await page.locator('.deck-size').textContent(), new RegExp(`^1 of ${ACTIVE} cards studied`));
  const before = await page.evaluate(() => ({ ...localStorage }));
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before);
  assert.deepEqual(problems, []);
  await context.close();
});
