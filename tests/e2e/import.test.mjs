// Importing the files people already have: a real Anki export (written by Anki itself, every
// option ticked) through the file input, a Quizlet export pasted, spreadsheets, and files that are
// not text, refused with what to export instead. Nothing changes until the person confirms.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, phone, shot, button, ROOT } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('second-round/')).sort().map((k) => [k, localStorage.getItem(k)])));

/** Opens the import screen from Cards; returns how many cards there are. */
async function openTransfer(page) {
  await button(page, 'Cards').click();
  const total = Number((await page.getByTestId('match-count').textContent()).match(/of (\d+) cards/)[1]);
  await button(page, 'Import and export').click();
  return total;
}

async function chooseFile(page, name, buffer, mimeType = 'text/plain') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('import-preview').or(page.getByTestId('import-error')).waitFor();
}

/** Opens the card whose question is `q` in the editor and returns its fields. */
async function openCard(page, q) {
  await page.getByLabel('Search questions and answers').fill(q.slice(0, 20));
  await page.getByTestId('card-list').getByText(q, { exact: true }).click();
  const values = {
    question: await page.getByLabel('Question').inputValue(),
    answer: await page.getByLabel('Model answer').inputValue(),
    points: await page.getByLabel('Key points, one per line').inputValue(),
    tags: await page.getByLabel('Tags, separated by commas').inputValue(),
  };
  await button(page, 'Cancel').click();
  await page.getByLabel('Search questions and answers').fill('');
  return values;
}

test('a real Anki export with every option ticked: the preview as read, then the cards as Anki shows them', async () => {
  const { page, problems, context } = await phone(env);
  const total = await openTransfer(page);
  const before = await snapshot(page);
  const file = fs.readFileSync(path.join(ROOT, 'tests/data/anki/notes-html1-tags1-deck1-notetype1-guid1.txt'));
  await chooseFile(page, 'Interview.txt', file);
  assert.equal(await page.getByTestId('import-counts').textContent(),
    '5 cards will be added, 0 updated and 0 skipped (the same question as a card you have, or twice in the file).');
  assert.equal(await page.getByTestId('import-media').textContent(), '2 pictures and 1 sound were left out: Second Round shows text only.');
  const first = (await page.getByTestId('import-first').innerText()).split(/\n\s*\n/);
  assert.equal(first.length, 4, 'a heading and the first three cards');
  assert.equal(first[0], 'The first cards as read:');
  assert.equal(first[1], 'Line 7: Why do you want this role?\nIt uses what I do best.\nAnd it stretches me where I want to grow.');
  assert.match(first[2], /^Line 8: What does "measurable" mean to you\?\nA number someone else can check:\s+before and after\.\nSales & support/);
  assert.equal(first[3], 'Line 10: When will you decide?\nBy Friday, after the last interview.', 'a row over two lines counts both');
  assert.equal(await page.getByTestId('import-errors').count(), 0);
  assert.deepEqual(await snapshot(page), before, 'the preview changes nothing');
  await shot(page, 'import-anki-preview');
  await button(page, 'Import 5 cards').click();
  assert.match(await page.locator('.notice').last().textContent(), /Imported from Interview\.txt: 5 added, 0 updated, 0 skipped\./);

  await button(page, 'Back to cards').click();
  await page.getByLabel('Tag').selectOption('interview::round two');
  assert.equal(await page.getByTestId('match-count').textContent(), `2 of ${total + 5} cards`, 'the deck is a tag, :: kept');
  await page.getByLabel('Tag').selectOption('');
  const cloze = await openCard(page, 'I cut onboarding time by […] in [how long], and […].');
  assert.deepEqual(cloze, {
    question: 'I cut onboarding time by […] in [how long], and […].',
    answer: 'I cut onboarding time by 40% in six months, and kept quality.\nSay the number first.',
    points: '',
    tags: 'star, interview::round two',
  });
  const basic = await openCard(page, 'Why do you want this role?');
  assert.equal(basic.answer, 'It uses what I do best.\nAnd it stretches me where I want to grow.');
  assert.equal(basic.tags, 'motivation, interview::round two');
  const quoted = await openCard(page, 'What does "measurable" mean to you?');
  assert.equal(quoted.answer, 'A number someone else can check:\tbefore and after.\nSales & support both agree on it.');
  assert.equal(quoted.tags, 'numbers, sell::stories, interview');
  const typed = await openCard(page, 'When will you decide?');
  assert.equal(typed.answer, 'By Friday, after the last interview.');
  assert.equal((await openCard(page, 'The [method] method: Situation, Task, Action, Result.')).answer,
    'The STAR method: Situation, Task, Action, Result.');
  // Importing the same file again adds nothing.
  await button(page, 'Import and export').click();
  await chooseFile(page, 'Interview.txt', file);
  assert.match(await page.getByTestId('import-counts').textContent(), /^0 cards will be added, 0 updated and 5 skipped/);
  assert.deepEqual(problems, []);
  await context.close();
});
