// Your own questions: the card editor and browser, focused sessions, import (Anki plain text, CSV,
// the app's backup) through the real file input, export, and imported text that can never run.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { storedLog, backupLog } from './records.mjs';
import { start, phone, shot, button, nav, question } from './helpers.mjs';
import { ACTIVE, DECK } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('second-round/')).sort().map((k) => [k, localStorage.getItem(k)])));

async function openTransfer(page) {
  await nav(page, 'Cards').click();
  await button(page, 'Import and export').click();
}

async function importFile(page, name, text, mimeType = 'text/plain') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').or(page.getByTestId('import-error')).waitFor();
}

const ANKI = [
  '#separator:tab',
  '#html:true',
  '#tags column:3',
  'Tell them about the <b>warehouse</b> project?\tI cut write-offs by 40%.<br>I did it in one quarter.\tmystory projects',
  'What did the award teach you?\tThat <i>asking</i> early saves weeks.\tmystory',
  'Is it relevant?\tduplicate of nothing\tmystory',
  'What is your weakness?\t\tmystory',
  "We met last time. What would you like us to know about you today that we didn't cover?\tA copy of a built-in question.\t",
].join('\n');

test('an Anki export through the file picker: preview, nothing changed until confirmed, then drilled', async () => {
  const { page, problems, context } = await phone(env);
  await openTransfer(page);
  const before = await snapshot(page);
  await importFile(page, 'my-deck.txt', ANKI);
  assert.equal(await page.getByTestId('import-counts').textContent(),
    '3 cards will be added, 0 updated and 1 skipped (the same question as a card you have, or twice in the file).');
  assert.equal(await page.getByTestId('import-errors').textContent(), 'Line 7: the answer is empty');
  assert.deepEqual(await snapshot(page), before, 'the preview changes nothing');
  await shot(page, 'import-preview');
  await button(page, 'Import 3 cards').click();
  assert.match(await page.getByTestId('snackbar').textContent(), /Imported from my-deck\.txt: 3 added, 0 updated, 1 skipped\./);
  const stored = await snapshot(page);
  assert.equal(Object.keys(stored).filter((k) => k.startsWith('second-round/own/')).length, 3);

  await button(page, 'Back to cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE + 3} of ${ACTIVE + 3} cards`);
  await page.getByLabel('Tag').selectOption('mystory');
  assert.equal(await page.getByTestId('match-count').textContent(), `3 of ${ACTIVE + 3} cards`);
  assert.match(await page.getByTestId('card-list').textContent(), /Tell them about the warehouse project\?/);
  await shot(page, 'cards-filtered');
  await button(page, 'Start focused session').click();
  assert.match(await page.getByTestId('focus').textContent(), /Focused session: tag mystory\./);
  assert.equal(await question(page), 'Tell them about the warehouse project?');
  await page.keyboard.press('Space');
  assert.match(await page.getByTestId('answer').textContent(), /I cut write-offs by 40%\.\s*I did it in one quarter\./);
  assert.equal(await page.locator('.answer p').evaluate((p) => p.getClientRects().length > 0 && getComputedStyle(p).whiteSpace), 'pre-line', 'line breaks kept');
  await shot(page, 'imported-answer');
  await page.keyboard.press('3');
  assert.equal(await question(page), 'What did the award teach you?', 'only the focused cards come');
  const log = await storedLog(page);
  assert.match(log[0]?.id ?? '', /^own-[0-9a-f]{12}$/, 'a real review in the log');
  await button(page, 'End focus').click();
  assert.equal(await page.getByTestId('focus').count(), 0);
  // Several themes at once.
  await nav(page, 'Cards').click();
  await page.getByLabel('Tag').selectOption('');
  await page.locator('.focus-start summary').click();
  await page.getByLabel('Tricky questions').check();
  await page.getByLabel('Your questions for them').check();
  await button(page, 'Start focused session').click();
  assert.equal(await page.getByTestId('focus').locator('p').textContent(), 'Focused session: Tricky questions, Your questions for them.');
  assert.match(await page.locator('.card .theme').textContent(), /^(Tricky questions|Your questions for them)$/);
  await button(page, 'End focus').click();
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE + 3} of ${ACTIVE + 3} cards`, 'kept across a reload');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the editor: a card of your own, a built-in card edited, suspended, deleted after a confirmation', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Cards').click();
  await button(page, 'Add a card').click();
  await button(page, 'Save card').click();
  assert.match(await page.getByRole('alert').innerText(), /Write the question\.\s*Write a model answer/);
  await page.getByLabel('Question').fill('How did you check your analysis was right?');
  await page.getByLabel('Model answer').fill('I rebuilt the totals a second way and had a colleague spot-check ten rows.');
  await page.getByLabel('Key points, one per line').fill('Check it two ways\nAsk someone else');
  await page.getByLabel('Theme', { exact: true }).selectOption('attributes');
  await page.getByLabel('Tags, separated by commas').fill('Accuracy, mine');
  await shot(page, 'editor-new');
  await button(page, 'Save card').click();
  await page.getByLabel('Search questions and answers').fill('spot-check');
  assert.equal(await page.getByTestId('match-count').textContent(), `1 of ${ACTIVE + 1} cards`);
  await page.getByRole('button', { name: /How did you check your analysis/ }).click();
  assert.equal(await page.getByLabel('Tags, separated by commas').inputValue(), 'accuracy, mine');

  // A built-in card, edited: the text changes, the id and schedule stay.
  await button(page, 'Cancel').click();
  await page.getByLabel('Search questions and answers').fill('');
  await page.getByRole('button', { name: /We met last time/ }).click();
  assert.match(await page.locator('.editor .help').first().textContent(), /A built-in card/);
  await page.getByLabel('Model answer').fill('My own answer, in my words.');
  await button(page, 'Save card').click();
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('second-round/own/plan-01'))).a, 'My own answer, in my words.');

  // Suspend it: out of the session.
  await page.getByRole('button', { name: /We met last time/ }).click();
  await button(page, 'Suspend').click();
  assert.match(await page.getByTestId('suspended-note').textContent(), /stays out of every session/);
  await nav(page, 'Drill').click();
  await button(page, 'Start session').click();
  assert.notEqual(await question(page), "We met last time. What would you like us to know about you today that we didn't cover?");

  // Delete after a confirmation.
  await nav(page, 'Cards').click();
  await page.getByLabel('Search questions and answers').fill('analysis was right');
  await page.getByRole('button', { name: /How did you check your analysis/ }).click();
  await button(page, 'Delete card').click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Delete for good', 'the question gets the focus');
  await shot(page, 'editor-confirm-delete');
  await button(page, 'Keep it').click();
  await button(page, 'Delete card').click();
  await button(page, 'Delete for good').click();
  await page.getByLabel('Search questions and answers').fill('');
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE} of ${ACTIVE} cards`);
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Cards').click();
  await page.getByLabel('State').selectOption('suspended');
  assert.equal(await page.getByTestId('match-count').textContent(), `1 of ${ACTIVE} cards`, 'suspension kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a backup: export, wipe the browser, import restores the same collection, schedule and log', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Start session').click();
  for (const k of ['3', '1', '4', '3']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(k);
  }
  await nav(page, 'Settings').click();
  await page.getByLabel('New cards per day').fill('12');
  await button(page, 'Save settings').click();
  await nav(page, 'Cards').click();
  await button(page, 'Add a card').click();
  await page.getByLabel('Question').fill('Why did you leave your last job?');
  await page.getByLabel('Model answer').fill('To grow into analysis work, which this role is.');
  await button(page, 'Save card').click();
  await page.getByRole('button', { name: /three reasons to hire you/ }).click();
  await button(page, 'Suspend').click();
  await button(page, 'Cancel').click();
  await button(page, 'Import and export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download backup (.json)').click()]);
  assert.match(download.suggestedFilename(), /^second-round-backup-2026-11-25\.json$/);
  const file = fs.readFileSync(await download.path(), 'utf8');
  const backup = JSON.parse(file);
  assert.equal(backup.backupVersion, 2);
  assert.equal(backupLog(backup).length, 4);
  assert.deepEqual(backup.cards.filter((c) => c.id.startsWith('own-')).map((c) => c.text.q), ['Why did you leave your last job?']);
  const before = await snapshot(page);
  const home = async () => {
    await nav(page, 'Drill').click();
    return [await page.getByTestId('due-count').textContent(), await page.getByTestId('new-count').textContent(), await page.getByTestId('done-count').textContent()];
  };
  const counts = await home();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('main section');
  assert.equal(await page.getByTestId('done-count').textContent(), '0', 'wiped');
  await openTransfer(page);
  await importFile(page, 'backup.json', file, 'application/json');
  // Into an empty app it previews as a restore: every card (the deck's and the one of one's own),
  // every review, and (ticked, since this device has none of its own) the settings.
  assert.equal(await page.getByTestId('import-counts').innerText(), `Restore ${ACTIVE + 1} cards, 4 reviews and your settings.`);
  assert.equal(await page.getByLabel('Its settings, in place of this device\'s').isChecked(), true);
  await page.getByLabel('Its settings, in place of this device\'s').uncheck();
  assert.equal(await page.getByTestId('import-counts').innerText(), `Restore ${ACTIVE + 1} cards and 4 reviews.`, 'the sentence follows the choice');
  await page.getByLabel('Its settings, in place of this device\'s').check();
  await button(page, 'Restore').click();
  assert.deepEqual(await snapshot(page), before, 'every stored key and value as before');
  assert.deepEqual(await home(), counts);
  await page.reload();
  await page.waitForSelector('main section');
  assert.deepEqual(await snapshot(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an Anki file for export reads back, and a broken or foreign file changes nothing and says why', async () => {
  const { page, problems, context } = await phone(env);
  await openTransfer(page);
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download for Anki (.txt)').click()]);
  const anki = fs.readFileSync(await download.path(), 'utf8');
  assert.match(anki, /^#separator:tab\n#html:false\n#notetype:Basic\n#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n"[^"]+"\t"We met last time[^"]*"\t"[^"]+\n\nKey points:\n• /);
  const before = await snapshot(page);
  await importFile(page, 'same.txt', anki);
  assert.match(await page.getByTestId('import-counts').textContent(), /^0 cards will be added, 0 updated and \d+ skipped/);
  assert.equal(await page.getByRole('button', { name: /^Import \d/ }).count(), 0, 'nothing to import');
  await importFile(page, 'broken.json', '{"app": "Second Round", "backupVersion": 1, "cards": [', 'application/json');
  assert.match(await page.getByTestId('import-error').textContent(), /broken\.json could not be read as a Second Round backup: line 1, column \d+: .*Nothing was changed\./);
  await shot(page, 'import-error');
  await importFile(page, 'table.csv', 'name,notes\nx,y\n', 'text/csv');
  assert.equal(await page.getByTestId('import-errors').textContent(), 'Line 1: the first row must name the columns, with at least question and answer');
  // A file dropped on the import area works like a chosen one.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['question,answer\nWhat did you learn from your last appraisal?,To delegate earlier.\n'], 'dropped.csv', { type: 'text/csv' }));
    const area = document.querySelector('.drop');
    area.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.getByRole('heading', { name: 'From dropped.csv' }).waitFor();
  assert.match(await page.getByTestId('import-counts').textContent(), /^1 card will be added/);
  // Pasted text works like a file.
  await page.getByLabel('Or paste the text').fill('question,answer,theme\nWhat would you do in your first month?,Listen and learn the numbers.,plan\n');
  await button(page, 'Read the pasted text').click();
  assert.match(await page.getByTestId('import-counts').textContent(), /^1 card will be added/);
  await button(page, 'Cancel').click();
  assert.deepEqual(await snapshot(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an import that cannot be saved (storage full) changes nothing at all', async () => {
  const { page, problems, context } = await phone(env, {
    init: () => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (window.__full && k.startsWith('second-round/own/')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    },
  });
  await button(page, 'Start session').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await openTransfer(page);
  const before = await snapshot(page);
  await page.evaluate(() => { window.__full = true; });
  await importFile(page, 'my-deck.txt', ANKI);
  await button(page, 'Import 3 cards').click();
  assert.match(await page.getByTestId('import-error').textContent(), /The import could not be saved \(the browser's storage for this site is full\)\. Nothing was changed\./);
  assert.deepEqual(await snapshot(page), before, 'storage exactly as before');
  await button(page, 'Back to cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${ACTIVE} of ${ACTIVE} cards`, 'and the collection too');
  assert.deepEqual(problems, []);
  await context.close();
});

/** 32 ways to try to run script through imported text. */
const PAYLOADS = [
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<svg onload="window.__xss=(window.__xss||0)+1">',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<body onload="window.__xss=1">',
  '<a href="javascript:window.__xss=1">click</a>',
  '<div onmouseover="window.__xss=1">hover</div>',
  '<input autofocus onfocus="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<video><source onerror="window.__xss=1"></video>',
  '<audio src=x onerror="window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
  '<marquee onstart="window.__xss=1">',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<link rel=stylesheet href="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<isindex action="javascript:window.__xss=1" type=image>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '</textarea><script>window.__xss=1</script>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '&#60;script&#62;window.__xss=1&#60;/script&#62;',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '<svg><animate onbegin="window.__xss=1" attributeName=x dur=1s>',
  '<template><img src=x onerror="window.__xss=1"></template>',
  'javascript:window.__xss=1',
];

const csvField = (s) => `"${s.replaceAll('"', '""')}"`;

test(`${PAYLOADS.length} script payloads in every imported field are shown as text and never run`, async () => {
  const { page, problems, context } = await phone(env);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const rows = PAYLOADS.map((p, i) => [`Q${i} ${p}`, `A${i} ${p}`, `K${i} ${p};second ${p}`, `x${i} ${p}`, p].map(csvField).join(','));
  const csv = ['question,answer,key points,tags,theme', ...rows].join('\n');
  const anki = ['#separator:tab', '#html:true', '#tags column:3',
    ...PAYLOADS.map((p, i) => [`AQ${i} ${p}`, `AA${i} ${p}`, `ax${i}`].map(csvField).join('\t'))].join('\n');
  await openTransfer(page);
  await importFile(page, 'xss.csv', csv, 'text/csv');
  await button(page, `Import ${PAYLOADS.length} cards`).click();
  await importFile(page, 'xss.txt', anki);
  await page.getByRole('button', { name: /^Import \d+ cards?$/ }).click();
  await button(page, 'Back to cards').click();
  await page.getByLabel('Theme', { exact: true }).selectOption('own');
  await page.getByLabel('Order').selectOption('deck');
  await button(page, /Show more/).click().catch(() => {});
  // Every card's text on screen (the list), then the editor and a drill of some of them.
  assert.match(await page.getByTestId('card-list').textContent(), /Q0 <script>window\.__xss=\(window\.__xss\|\|0\)\+1<\/script>/);
  await page.getByRole('button', { name: /^Q1 / }).click();
  assert.equal(await page.getByLabel('Question').inputValue(), `Q1 ${PAYLOADS[1]}`, 'CSV text is kept as written');
  await button(page, 'Cancel').click();
  await page.getByLabel('Theme', { exact: true }).selectOption('own');
  await button(page, 'Start focused session').click();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('3');
  }
  await shot(page, 'xss-inert');
  const injected = await page.evaluate(() => document.querySelectorAll(
    'main script, main img, main iframe, main object, main embed, main video, main audio, main form, main details, main marquee, main math, main template, main link, main meta, main style, main a[href], main [onerror], main [onload], main [onmouseover], main [onfocus], main [ontoggle], main [onbegin], main [onstart]').length);
  assert.equal(injected, 0, 'no element came from imported text');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no imported script ran');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('5,000 cards: the list shows a page at a time and search still answers (timing printed, not asserted)', async () => {
  const { page, problems, context } = await phone(env);
  const rows = Array.from({ length: 5000 }, (_, i) => `Question number ${i} about project ${i % 97}?,Answer ${i}: I measured it ${i % 13} ways.,Point ${i};Other,bulk t${i % 20},own`);
  await openTransfer(page);
  await importFile(page, 'bulk.csv', ['question,answer,key points,tags,theme', ...rows].join('\n'), 'text/csv');
  assert.match(await page.getByTestId('import-counts').textContent(), /^5000 cards will be added/);
  let t = Date.now();
  await button(page, 'Import 5000 cards').click();
  await page.getByTestId('snackbar').waitFor();
  console.log(`# import of 5,000 cards: ${Date.now() - t} ms (wall clock, paused page clock)`);
  await button(page, 'Back to cards').click();
  assert.equal(await page.getByTestId('match-count').textContent(), `${5000 + ACTIVE} of ${5000 + ACTIVE} cards`);
  assert.equal(await page.getByTestId('card-list').locator('li').count(), 50, 'one page rendered');
  t = Date.now();
  await page.getByLabel('Search questions and answers').fill('project 42?');
  await page.getByTestId('match-count').filter({ hasText: new RegExp(`^\\d+ of ${5000 + ACTIVE} cards$`) }).waitFor();
  console.log(`# search over 5,000 cards and the deck: ${Date.now() - t} ms`);
  assert.equal(await page.getByTestId('match-count').textContent(), `52 of ${5000 + ACTIVE} cards`);
  await button(page, 'Show more (2 left)').click();
  assert.equal(await page.getByTestId('card-list').locator('li').count(), 52);
  await shot(page, 'cards-5000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the phone has a share sheet, the backup can go to it (a stand-in navigator.share)', async () => {
  const { page, problems, context } = await phone(env, {
    init: () => {
      navigator.canShare = (data) => !!(data && data.files && data.files.length);
      navigator.share = async (data) => {
        const f = data.files[0];
        window.__shared = { name: f.name, type: f.type, text: await f.text() };
      };
    },
  });
  await openTransfer(page);
  await button(page, 'Share backup…').click();
  await page.waitForFunction(() => window.__shared);
  const shared = await page.evaluate(() => window.__shared);
  assert.match(shared.name, /^second-round-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(shared.type, 'application/json');
  assert.equal(JSON.parse(shared.text).cards.length, DECK.cards.length);
  assert.deepEqual(problems, []);
  await context.close();
});
