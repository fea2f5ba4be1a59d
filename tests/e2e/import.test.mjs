// Importing the files people already have: a real Anki export (written by Anki itself, every
// option ticked) through the file input, a Quizlet export pasted, spreadsheets, and files that are
// not text, refused with what to export instead. Nothing changes until the person confirms.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, phone, shot, button, nav, ROOT, axe } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('second-round/')).sort().map((k) => [k, localStorage.getItem(k)])));

/** Opens the import screen from Cards; returns how many cards there are. */
async function openTransfer(page) {
  await nav(page, 'Cards').click();
  const total = Number((await page.getByTestId('match-count').textContent()).match(/of (\d+) cards/)[1]);
  await button(page, 'Import and export').click();
  return total;
}

async function chooseFile(page, name, buffer, mimeType = 'text/plain') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer });
  // This file's preview or this file's error (not the one before it).
  await page.getByRole('heading', { name: `From ${name}`, exact: true }).or(page.getByTestId('import-error').filter({ hasText: name })).waitFor();
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
  await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await shot(page, 'import-anki-preview');
  await button(page, 'Import 5 cards').click();
  assert.match(await page.getByTestId('snackbar').textContent(), /Imported from Interview\.txt: 5 added, 0 updated, 0 skipped\./);

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

test('Quizlet pasted: separators guessed, chosen in the preview (the first rows read again at once, kept across ticks), nothing stored until confirmed', async () => {
  const { page, problems, context } = await phone(env);
  await openTransfer(page);
  const before = await snapshot(page);
  const paste = async (text) => {
    await page.getByLabel('Or paste the text').fill(text);
    await button(page, 'Read the pasted text').click();
    await page.getByTestId('import-preview').waitFor();
  };
  // Quizlet's default: a tab between term and definition, a new line between cards.
  await paste('Why this role?\tIt fits what I do best.\nYour weakness?\tI over-prepare, so I time-box it.\nWhen will you decide?\tBy Friday.\n');
  assert.equal(await page.getByLabel('Between a term and its definition').inputValue(), 'tab');
  assert.equal(await page.getByLabel('Between cards').inputValue(), 'newline');
  assert.match(await page.getByTestId('import-counts').textContent(), /^3 cards will be added/);
  assert.match(await page.getByTestId('import-first').innerText(), /Line 2: Your weakness\?\nI over-prepare, so I time-box it\./);
  // Comma and semicolon, guessed.
  await paste('Why us?,You build what I use, and I use it daily.;When?,Friday.');
  assert.equal(await page.getByLabel('Between a term and its definition').inputValue(), 'comma');
  assert.equal(await page.getByLabel('Between cards').inputValue(), 'semicolon');
  assert.match(await page.getByTestId('import-first').innerText(), /Line 1: Why us\?\nYou build what I use, and I use it daily\.\s+Line 1: When\?\nFriday\./);
  // Chosen otherwise, the text is read again at once.
  await page.getByLabel('Between cards').selectOption('newline');
  assert.match(await page.getByTestId('import-counts').textContent(), /^1 card will be added/);
  assert.match(await page.getByTestId('import-first').innerText(), /Line 1: Why us\?\nYou build what I use, and I use it daily\.;When\?,Friday\./);
  // A custom separator.
  await paste('Why us? - You build what I use.\nWhen? - By Friday, after the last interview.\n');
  assert.equal(await page.getByTestId('import-errors').textContent(), 'Line 1: no separator between term and definition', 'a comma was the best guess');
  await page.getByLabel('Between a term and its definition').selectOption('other');
  await page.getByLabel('The text between them').fill(' - ');
  assert.match(await page.getByTestId('import-counts').textContent(), /^2 cards will be added/);
  assert.equal(await page.getByTestId('import-errors').count(), 0);
  await context.clock.runFor(16_000);
  await context.clock.runFor(16_000);
  assert.equal(await page.getByLabel('The text between them').inputValue(), ' - ', 'kept across ticks');
  assert.equal(await page.getByLabel('Between a term and its definition').inputValue(), 'other');
  assert.match(await page.getByTestId('import-counts').textContent(), /^2 cards will be added/);
  assert.deepEqual(await snapshot(page), before, 'nothing stored before the import');
  await page.getByTestId('quizlet-choice').scrollIntoViewIfNeeded();
  await shot(page, 'import-quizlet');
  await context.clock.resume(); // axe schedules work with timers
  await axe(page, 'the Quizlet preview with its separators');
  await button(page, 'Import 2 cards').click();
  assert.match(await page.getByTestId('snackbar').textContent(), /Imported from the pasted text: 2 added/);
  await button(page, 'Back to cards').click();
  const card = await openCard(page, 'When?');
  assert.equal(card.answer, 'By Friday, after the last interview.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('spreadsheets: Excel with semicolons, a byte-order mark, CRLF and a cell over two lines; a workbook, UTF-16 text and an image refused with what to export instead', async () => {
  const { page, problems, context } = await phone(env);
  await openTransfer(page);
  const before = await snapshot(page);
  const excel = '\ufeffQuestion;Answer;Key points\r\nWhy us?;"You build what I use.\r\nAnd I want to help.";Name the product;Say why\r\n'
    + 'What did it save?;"12,5 % of the costs; in a year";"Give the number"\r\n';
  await chooseFile(page, 'Interview.csv', Buffer.from(excel), 'text/csv');
  assert.match(await page.getByTestId('import-counts').textContent(), /^2 cards will be added/);
  assert.equal(await page.getByTestId('quizlet-choice').count(), 0);
  assert.match(await page.getByTestId('import-first').innerText(), /Line 2: Why us\?\nYou build what I use\.\nAnd I want to help\.\s+Line 4: What did it save\?\n12,5 % of the costs; in a year/);

  const refused = async (name, buffer, mimeType, pattern) => {
    await chooseFile(page, name, buffer, mimeType);
    assert.match(await page.getByTestId('import-error').textContent(), pattern);
    assert.equal(await page.getByTestId('import-preview').count(), 0);
  };
  const xlsx = fs.readFileSync(path.join(ROOT, 'tests/data/import/interview-cards.xlsx'));
  await refused('interview-cards.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    /^interview-cards\.xlsx is an Excel workbook, which Second Round cannot read\. Save it as CSV and import that file: in Excel, File → Save As → “CSV UTF-8 \(Comma delimited\)”.*Nothing was changed\.$/);
  await page.getByTestId('import-error').scrollIntoViewIfNeeded();
  await shot(page, 'import-xlsx-refused');
  // UTF-16 without a byte-order mark cannot be told from other bytes; with one (Excel's "Unicode
  // Text" always writes it) it is read.
  await refused('cards.txt', Buffer.from('Question\tAnswer\r\nWhy us?\tBecause.\r\n', 'utf16le'), 'text/plain', /^cards\.txt is UTF-16 text \(Excel's “Unicode Text”\), which Second Round cannot read\. Save it as CSV/);
  await chooseFile(page, 'unicode.txt', Buffer.from('\ufeffQuestion\tAnswer\r\nWhat would you change first?\tNothing before I have listened for a month.\r\n', 'utf16le'));
  assert.match(await page.getByTestId('import-first').innerText(), /Line 2: What would you change first\?\nNothing before I have listened for a month\./);
  await refused('photo.png', fs.readFileSync(path.join(ROOT, 'assets/icon-192.png')), 'image/png', /^photo\.png is not a text file, which Second Round cannot read/);
  assert.deepEqual(await snapshot(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});
