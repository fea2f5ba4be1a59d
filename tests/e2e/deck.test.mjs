// The coach-grade deck in the app: the role track chosen once on first start (or skipped) and in
// Settings, that track's model answer and key points on the review screen (fetched from its own
// precached file), the coaching after the model answer (why / avoid / probes), the coaching in the
// editor and the card browser's search, and retired cards kept out of the way.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, question, installed } from './helpers.mjs';
import { DECK, ACTIVE, card } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const FIRST = DECK.active[0];
/** The role track stored with the settings (schema 3: a JSON record). */
const storedTrack = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('second-round/settings') ?? '{}').track);
const track = (key) => DECK.tracks.find((t) => t.key === key);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The track's one-line summary (as a pattern), shown wherever the track is chosen. */
const summary = (key) => `^${escape(track(key).summary)}$`;

async function reveal(page) {
  await button(page, 'Show answer').click();
  await page.getByTestId('answer').waitFor();
}

for (const scheme of ['light', 'dark']) {
  test(`first start: choose the graduate track, then drill its answer, key points and the coach's notes (${scheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme });
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    assert.equal(await page.getByLabel('Your role track').inputValue(), 'office', 'General / office until chosen');
    assert.match(await page.getByTestId('welcome-summary').textContent(), new RegExp(summary('office')));
    await page.getByLabel('Your role track').selectOption('graduate');
    assert.match(await page.getByTestId('welcome-summary').textContent(), new RegExp(summary('graduate')));
    await shot(page, `deck-welcome-${scheme}`);
    await button(page, 'Use this track').click();
    await button(page, 'Skip for now').click(); // the interview's date, asked next
    await welcome.waitFor({ state: 'detached' });
    assert.equal(await storedTrack(page), 'graduate');
    assert.equal(await page.locator('.deck-size').textContent(), `0 of ${ACTIVE} cards studied so far.`, 'retired cards are not counted');

    await button(page, 'Start session').click();
    assert.equal(await question(page), FIRST.question);
    const graduate = FIRST.track('graduate');
    assert.ok(graduate.answer && graduate.answer !== FIRST.answer, 'the first card has its own graduate answer');
    await reveal(page);
    assert.equal(await page.getByTestId('model-answer').textContent(), graduate.answer);
    assert.deepEqual(await page.getByTestId('key-points').locator('li').allTextContents(), graduate.keyPoints);
    assert.equal(await page.getByTestId('track-note').textContent(), ` · ${track('graduate').label}`);
    // The coach's notes, after the model answer.
    assert.equal(await page.getByTestId('why').textContent(), FIRST.why);
    assert.equal(await page.getByTestId('avoid').textContent(), FIRST.avoid);
    assert.deepEqual(await page.getByTestId('probes').locator('li').allTextContents(), FIRST.probes);
    const [answerBox, coachBox] = [await page.getByTestId('model-answer').boundingBox(), await page.getByTestId('coach').boundingBox()];
    assert.ok(coachBox.y > answerBox.y, 'the coaching follows the model answer');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scrolling');
    await shot(page, `deck-answer-${scheme}`);
    await page.getByTestId('coach').scrollIntoViewIfNeeded();
    await shot(page, `deck-coach-${scheme}`);
    await page.screenshot({ path: `tests/e2e/screenshots/deck-answer-full-${scheme}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the track chosen in Settings (with its persona) changes the answers; an edited card shows the person\'s text on every track', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Skip (general answers)').click();
  await button(page, 'Skip for now').click();
  await page.getByTestId('welcome').waitFor({ state: 'detached' });
  assert.equal(await storedTrack(page), 'office', 'skipping chooses General / office, and the card is not shown again');
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await page.getByTestId('welcome').count(), 0);
  await button(page, 'Start session').click();
  await reveal(page);
  assert.equal(await page.getByTestId('model-answer').textContent(), FIRST.answer, 'the general answer');
  assert.deepEqual(await page.getByTestId('key-points').locator('li').allTextContents(), FIRST.keyPoints);
  assert.equal(await page.getByTestId('track-note').count(), 0);

  await nav(page, 'Settings').click();
  assert.equal(await page.getByLabel('General / office').isChecked(), true);
  for (const t of DECK.tracks) assert.match(await page.locator(`#track-${t.key}-help`).textContent(), new RegExp(summary(t.key)));
  await page.getByLabel(track('technical').label).check();
  await page.locator('.tracks').scrollIntoViewIfNeeded();
  await shot(page, 'deck-settings-tracks');
  await button(page, 'Save settings').click();
  assert.equal(await storedTrack(page), 'technical');
  await button(page, 'Start session').click();
  assert.equal(await question(page), FIRST.question, 'still the same card: nothing was graded');
  await reveal(page);
  const technical = FIRST.track('technical');
  assert.equal(await page.getByTestId('model-answer').textContent(), technical.answer);
  assert.deepEqual(await page.getByTestId('key-points').locator('li').allTextContents(), technical.keyPoints);

  // The editor shows what the person drills; their edit then serves every track.
  await nav(page, 'Cards').click();
  await page.getByLabel('Search questions and answers').fill(FIRST.question.slice(0, 40));
  await page.getByTestId('card-list').getByRole('button').first().click();
  assert.equal(await page.getByLabel('Model answer').inputValue(), technical.answer);
  await page.getByLabel('Model answer').fill('My own answer, in my words.');
  await button(page, 'Save card').click();
  await nav(page, 'Drill').click();
  await button(page, 'Start session').click();
  await reveal(page);
  assert.equal(await page.getByTestId('model-answer').textContent(), 'My own answer, in my words.');
  assert.equal(await page.getByTestId('track-note').count(), 0, 'an edited card is the person\'s own text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the editor holds the coaching, the search finds it, and an edit keeps it in storage', async () => {
  const { page, problems, context } = await phone(env, { init: () => localStorage.setItem('second-round/settings', '{"track":"office"}') });
  const c = FIRST;
  await nav(page, 'Cards').click();
  // A few words of a probe find the card.
  const words = c.probes[0].split(' ').slice(0, 5).join(' ');
  await page.getByLabel('Search questions and answers').fill(words);
  await page.getByTestId('match-count').filter({ hasText: /^[1-9]\d* of / }).waitFor();
  assert.match(await page.getByTestId('card-list').textContent(), new RegExp(escape(c.question.slice(0, 30))));
  await page.getByTestId('card-list').getByRole('button').first().click();
  assert.equal(await page.getByLabel('Why they ask (what the interviewer is assessing)').inputValue(), c.why);
  assert.equal(await page.getByLabel('Avoid (the common mistake)').inputValue(), c.avoid);
  assert.equal(await page.getByLabel('What they may ask next, one per line').inputValue(), c.probes.join('\n'));
  await page.getByLabel('What they may ask next, one per line').fill('What would you cut first?\nWho would you tell?');
  await page.getByLabel('Avoid (the common mistake)').fill('Reading the answer out word for word.');
  await button(page, 'Save card').click();
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`second-round/own/${id}`), c.id));
  assert.deepEqual(stored.probes, ['What would you cut first?', 'Who would you tell?']);
  assert.equal(stored.avoid, 'Reading the answer out word for word.');
  assert.equal(stored.why, c.why, 'what was not changed is kept');
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await page.locator('main h1').innerText(), 'Cards', 'the reload stays on the card list');
  await nav(page, 'Drill').click();
  await button(page, 'Start session').click();
  await reveal(page);
  assert.deepEqual(await page.getByTestId('probes').locator('li').allTextContents(), ['What would you cut first?', 'Who would you tell?']);
  assert.equal(await page.getByTestId('avoid').textContent(), 'Reading the answer out word for word.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a retired card is listed (labelled Retired) only when studied, and never drilled', async () => {
  const retired = DECK.cards.find((c) => c.retired);
  assert.ok(retired, 'the deck has a retired card');
  const { page, problems, context } = await phone(env, { init: () => localStorage.setItem('second-round/settings', '{"track":"office"}') });
  await nav(page, 'Cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE} of ${ACTIVE} cards`);
  assert.doesNotMatch(await page.getByTestId('card-list').textContent(), /Retired/);
  // Progress on it from before it was retired: kept, and the card is listed as retired.
  await page.evaluate((id) => localStorage.setItem(`second-round/card/${id}`, `r,0,40a00000,40a00000,${Date.now() - 86400000},${Date.now() - 5 * 86400000},1,0`), retired.id);
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('due-count').textContent(), '0', 'a retired card is never due');
  await nav(page, 'Cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE + 1} of ${ACTIVE + 1} cards`);
  await page.getByLabel('Search questions and answers').fill(retired.question.slice(0, 40));
  assert.match(await page.getByTestId('card-list').textContent(), /Retired · due today · weak/);
  await page.getByTestId('card-list').getByRole('button').first().click();
  assert.match(await page.getByTestId('retired-note').textContent(), /stays out of every session/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the coaching goes out in the spreadsheet export and comes back in through the CSV import', async () => {
  const { page, problems, context } = await phone(env, { init: () => localStorage.setItem('second-round/settings', '{"track":"office"}') });
  await nav(page, 'Cards').click();
  await button(page, 'Import and export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download as a spreadsheet (.csv)').click()]);
  assert.match(download.suggestedFilename(), /^second-round-cards-2026-11-25\.csv$/);
  const csv = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('question,answer,key points,tags,theme,why,avoid,probes\r\n'));
  const quoted = (t) => `"${t.replace(/"/g, '""')}"`;
  assert.ok(csv.includes(`${quoted(FIRST.why)},${quoted(FIRST.avoid)},${quoted(FIRST.probes.join('\n'))}`), 'why, avoid and probes in their columns');
  // The same file, one question reworded: that row comes in as a new card with its coaching.
  const reworded = csv.replace(quoted(FIRST.question), quoted('What should we know about you that we missed?'));
  await page.locator('#import-file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(reworded) });
  assert.match(await page.getByTestId('import-counts').textContent(), /^1 card will be added, 0 updated and \d+ skipped/);
  await button(page, 'Import 1 card').click();
  await button(page, 'Back to cards').click();
  await page.getByLabel('Search questions and answers').fill('What should we know about you that we missed?');
  await page.getByRole('button', { name: /^What should we know about you that we missed\?/ }).click();
  assert.equal(await page.getByLabel('Why they ask (what the interviewer is assessing)').inputValue(), FIRST.why);
  assert.equal(await page.getByLabel('What they may ask next, one per line').inputValue(), FIRST.probes.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline after one visit, the chosen track\'s answers still show (its file is precached)', async () => {
  const { context, page, problems, offline } = await installed(env.browser);
  await page.getByLabel('Your role track').selectOption('manager');
  await button(page, 'Use this track').click();
  await button(page, 'Skip for now').click();
  assert.ok(await page.evaluate(async () => !!(await caches.match('tracks/manager.txt'))), 'the track file is in the service worker\'s cache');
  await offline();
  await page.reload();
  await page.waitForSelector('main section');
  await button(page, 'Start session').click();
  await reveal(page);
  assert.equal(await page.getByTestId('model-answer').textContent(), FIRST.track('manager').answer);
  assert.deepEqual(problems, []);
  await context.close();
});
