// The screens put the next step first: the rehearsal's result in one line right above the grade
// bar, the card browser's search and filter chips on top of its results, rows and counts in plain
// words, a Progress screen without blank space and with named axes, a file button with phone words,
// a story answer in short paragraphs — and a screenshot of every screen at phone size, light and dark.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, axeLightAndDark } from './helpers.mjs';
import { card, DECK } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const FIRST = card('plan-01');
const ANSWER = 'I want to fill the gap our first round left: how I work with other teams. I will tie each example '
  + 'to what the role needs, like the reporting project where I cut errors by 30%, a measurable result.';
const office = () => localStorage.setItem('second-round/settings', '{"track":"office"}');

test('rehearse: the result in one line right above the grade bar, the matched words marked', async () => {
  const { page, problems, context } = await phone(env, { viewport: { width: 360, height: 640 }, init: office });
  await page.getByLabel(/Rehearse this session/).check();
  await button(page, 'Start session').click();
  await page.getByLabel('Your answer').fill(ANSWER);
  await context.clock.runFor(72_000);
  await button(page, 'Show answer').click();
  const summary = page.getByTestId('summary');
  assert.equal(await summary.locator('span').first().innerText(), '3 of 3 points · 1:12 · 1 filler → Easy', '"like" counted as a filler');
  assert.match(await summary.innerText(), /Details ›/);
  const [line, grades] = [await summary.boundingBox(), await page.getByRole('group', { name: 'Grade your answer' }).boundingBox()];
  assert.ok(line.y + line.height <= grades.y && grades.y - (line.y + line.height) <= 16, 'the line sits right above the grades');
  assert.ok(line.y >= 0 && grades.y + grades.height <= 640, 'both in view without scrolling');
  // Where each key point was found, marked in the answer (the answer's text itself unchanged).
  const marks = await page.getByTestId('said').locator('mark').evaluateAll((ms) => ms.map((m) => [m.textContent, m.dataset.point]));
  assert.ok(marks.some(([w, p]) => w === 'gap' && p === '1'), `"gap" marked for point 1: ${JSON.stringify(marks)}`);
  assert.ok(marks.some(([w, p]) => w === 'role' && p === '3'), '"role" marked for point 3');
  assert.equal(await page.getByTestId('said').textContent(), ANSWER);
  await shot(page, 'shell-rehearse-summary-360');
  await summary.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rehearsal-title', 'the line opens the details');
  assert.ok(await page.locator('#rehearsal-title').evaluate((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }));
  await page.keyboard.press('4');

  // Answered aloud (nothing typed) and nothing ticked: no grade is pressed on the person.
  await context.clock.runFor(30_000);
  await button(page, 'Show answer').click();
  assert.equal(await page.locator('.grade.suggested').count(), 0, 'no suggestion before a tick');
  assert.equal(await summary.locator('span').first().innerText(), '0 of 3 points · 0:30 · tick what you said');
  assert.match(await page.getByTestId('suggestion').textContent(), /Tick the key points you said aloud/);
  await page.getByTestId('checklist').getByRole('checkbox').first().check();
  assert.match(await summary.locator('span').first().innerText(), /^1 of \d points · 0:30 → (Again|Hard|Good)$/);
  assert.equal(await page.locator('.grade.suggested').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the card browser: search and chips stay on top, results right under them, rows in plain words', async () => {
  const { page, problems, context } = await phone(env, { init: office });
  // A few grades first, so the rows show learning and review cards.
  await button(page, 'Start session').click();
  for (const key of ['4', '3', '1']) { await page.keyboard.press('Space'); await page.keyboard.press(key); }
  await nav(page, 'Cards').click();
  const search = page.getByLabel('Search questions and answers');
  const firstRow = page.getByTestId('card-list').getByRole('button').first();
  const below = async () => (await firstRow.boundingBox()).y - ((await search.boundingBox()).y + (await search.boundingBox()).height);
  // Under the search: two rows of chips (44 px each) and the count, then the results.
  assert.ok(await below() < 180, `results right under the search (${await below()} px)`);
  await search.fill('salary');
  assert.ok(await below() < 180, 'still right under it while typing');
  await search.fill('');
  // Filters are chips, two to a row on a phone: each inside the screen.
  const chips = await page.locator('.chips .chip').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right })));
  assert.equal(chips.length, 4);
  assert.equal(new Set(chips.map((c) => c.top)).size, 2, 'two rows of chips');
  assert.ok(chips.every((c) => c.left >= 0 && c.right <= 390), `every chip inside the screen: ${JSON.stringify(chips)}`);
  await page.getByLabel('State').selectOption('due');
  assert.match(await page.locator('#f-state').getAttribute('class'), /\bon\b/, 'a chip in use is marked');
  await button(page, 'Clear filters').click();
  assert.equal(await page.locator('#f-state').inputValue(), 'any');
  // Scrolled far down, the search is still at the top of the screen.
  await page.mouse.wheel(0, 4000);
  await page.waitForFunction(() => scrollY > 1000);
  assert.ok(Math.abs((await search.boundingBox()).y) < 20, 'the search stays on top');
  const metas = await page.getByTestId('card-list').locator('.meta').allTextContents();
  const text = metas.join('\n');
  assert.doesNotMatch(text, /stability|\b\d+ d\b|\d+h\b|\bin \d+d\b/, 'no raw stability or Anki-style durations');
  assert.match(text, /· learning · due in 10 minutes/);
  assert.match(text, /· due in \d+ days? · (weak|steady|strong)|· due tomorrow · (weak|steady|strong)/);
  assert.match(text, /· new$/m);
  await shot(page, 'shell-cards-scrolled');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Progress ends where its content ends, with named axes; the file button speaks a phone\'s words', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await phone(env, { colorScheme, init: office });
    await nav(page, 'Progress').click();
    const gap = await page.evaluate(() => {
      const last = [...document.querySelectorAll('main section > *')].filter((e) => !e.closest('.sr-only') && e.getClientRects().length)
        .reduce((m, e) => Math.max(m, e.getBoundingClientRect().bottom + scrollY), 0);
      return document.documentElement.scrollHeight - last;
    });
    assert.ok(gap < 120, `blank space under the last chart: ${gap} px (the tab bar is 60)`);
    const axes = await page.locator('.x-axis').allInnerTexts();
    assert.deepEqual(axes.map((a) => a.replace(/\s+/g, ' ')), ['26 weeks ago 13 weeks ago This week', 'Today In 2 weeks In 4 weeks', '30 days ago 15 days ago Today']);
    assert.deepEqual(await page.locator('.y-axis').allInnerTexts().then((ys) => ys.map((y) => y.replace(/\s+/g, ' '))), ['0 cards 0', '100% recall 0%']);
    assert.equal(await page.getByTestId('streak').textContent(), '0 days');
    assert.equal(await page.getByTestId('heatmap-summary').textContent(), '0 reviews on 0 days.');
    await shot(page, `shell-progress-${colorScheme}`);
    await nav(page, 'Cards').click();
    await button(page, 'Import and export').click();
    const file = page.getByText('Choose a file', { exact: true });
    const box = await file.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 100, 'a real button');
    assert.equal(await page.locator('#import-file').evaluate((i) => getComputedStyle(i).opacity), '0', 'the browser\'s grey control is not shown');
    assert.equal(await page.getByText('or drop it here').isVisible(), false, 'no "drop it here" on a phone');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), file.click()]);
    assert.ok(chooser, 'the button opens the file picker');
    await shot(page, `shell-import-${colorScheme}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a story answer reads in short paragraphs; the interview countdown has no "0 hours"', async () => {
  const story = DECK.active.find((c) => c.tags.includes('star'));
  const { page, problems, context } = await phone(env, { init: office });
  await nav(page, 'Cards').click();
  await page.getByLabel('Search questions and answers').fill(story.question.slice(0, 40));
  await page.getByTestId('card-list').getByRole('button').first().click();
  await page.getByLabel('Tags, separated by commas').fill(`${story.tags.join(', ')}, focus-me`);
  await button(page, 'Save card').click();
  await page.getByLabel('Tag').selectOption('focus-me');
  await button(page, 'Start focused session').click();
  await page.keyboard.press('Space');
  const paras = await page.getByTestId('model-answer').locator('p').allTextContents();
  assert.ok(paras.length >= 3, `${paras.length} paragraphs`);
  assert.ok(paras.every((p) => p.trim().split(/\s+/).length <= 70), 'each one short');
  assert.equal(await page.getByTestId('model-answer').textContent(), story.answer, 'the whole answer, word for word');
  await shot(page, 'shell-story-paragraphs');
  await button(page, 'End focus').click();
  await nav(page, 'Drill').click();
  await button(page, 'Set interview date').click();
  await page.getByLabel('Date and time').fill('2026-12-01T10:00'); // 6 days and 1 hour ahead of T0 (09:00 UTC)
  await button(page, 'Add interview').click();
  await button(page, 'Back to home').click();
  assert.match(await page.getByTestId('interview-when').textContent(), / — in 6 days( 1 hour)?$/);
  assert.doesNotMatch(await page.getByTestId('interview-when').textContent(), /\b0 (hours|minutes)\b/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every screen at phone size, light and dark (looked at), with no axe violation in either', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await phone(env, { colorScheme });
    // Each screen looked at in its scheme and checked by axe in light and dark (once, on the light pass).
    const look = async (name) => {
      await shot(page, `shell-${name}-${colorScheme}`);
      if (colorScheme === 'light') await axeLightAndDark(page, name);
    };
    await look('welcome');
    await button(page, 'Skip (general answers)').click();
    await page.getByLabel('Date and time').waitFor();
    await look('welcome-date');
    await button(page, 'Skip for now').click();
    await page.getByTestId('welcome').waitFor({ state: 'detached' });
    await look('home');
    await button(page, 'Start session').click();
    await look('question');
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await look('answer');
    await nav(page, 'Cards').click();
    await look('cards');
    await page.getByLabel('State').selectOption({ label: 'Due today' });
    await page.getByTestId('no-match').waitFor();
    await look('cards-due-today');
    await button(page, 'Clear filters').click();
    await page.getByTestId('card-list').getByRole('button').first().click();
    await look('editor');
    await nav(page, 'Kit').click();
    await look('kit');
    await nav(page, 'Progress').click();
    await look('progress');
    await nav(page, 'Settings').click();
    await look('settings');
    await nav(page, 'Drill').click();
    await button(page, 'Set interview date').click();
    await look('interviews');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
