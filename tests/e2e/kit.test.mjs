// The interview kit on a phone (390×844): round-one notes → my stories and their coverage → questions
// to ask → the plan sheet (and its printed page) → after the interview, thank-you notes for two
// interviewers with their mail links, the decision date on home; the stories under a story card's
// model answer; every new screen checked by axe, light and dark; everything kept across a reload.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, axe, axeLightAndDark, snackbar } from './helpers.mjs';
import { DECK } from './deck-source.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

/** Wednesday 2 December 2026, 10:00 UTC: the interview (the tests' clock starts a week before). */
const AT = Date.parse('2026-12-02T10:00:00Z');
const INTERVIEW = { at: AT, company: 'Northwind', role: 'Analyst', active: true };
const XSS = '<img src=x onerror="window.__xss=1">';

/** Storage as the app would have it with one interview set and the track question answered. */
const seeded = (extra = {}) => ({
  'second-round/meta': '4',
  'second-round/settings': JSON.stringify({ track: 'office' }),
  'second-round/interviews': JSON.stringify([INTERVIEW]),
  ...extra,
});

async function open(extra = {}, options = {}) {
  const values = seeded(extra);
  const ctx = await phone(env, { ...options, init: undefined });
  await ctx.page.evaluate((v) => { localStorage.clear(); for (const [k, x] of Object.entries(v)) localStorage.setItem(k, x); }, values);
  await ctx.page.reload();
  await ctx.page.waitForSelector('main section');
  return ctx;
}

const kitKeys = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => /^second-round\/(story|round)\//.test(k)).map((k) => [k, JSON.parse(localStorage.getItem(k))])));

/** The deck's story cards that ask for a competency, by the tags that stand for it. */
const asking = (tags) => DECK.active.filter((c) => c.tags.includes('star') && c.tags.some((t) => tags.includes(t))).length;

test('notes, stories, questions, plan sheet, then thank-you notes after the interview', async () => {
  const { page, context, problems } = await open();
  await button(page, 'Open the kit').click();
  assert.match(await page.getByTestId('kit-interview').textContent(), /^Northwind — Analyst, Wed 2 Dec 10:00$/);

  // Round-one notes: two people, one of whom "said" some markup, shown as text.
  await button(page, 'Round-one notes').click();
  await page.getByLabel('Name').first().fill('Priya Shah');
  await page.getByLabel('Role').first().fill('Head of Finance');
  await page.getByLabel('What they said matters').first().fill('The month-end close is too slow');
  await button(page, 'Add a person').click();
  await page.locator('#p-name-1').fill('Tom Reid');
  await page.locator('#p-role-1').fill('Team lead');
  await page.locator('#p-said-1').fill(XSS);
  await page.getByLabel('What went well').fill('The reconciliation story landed.');
  await page.getByLabel('What you would add or correct this time').fill('Say what I would do in the first month.');
  await shot(page, 'kit-notes');
  await button(page, 'Save notes').click();
  await snackbar(page, 'Notes saved');
  assert.match(await page.locator('.kit-parts').textContent(), /2 people noted\./);

  // A story: the form nudges for a number until the result has one.
  await button(page, 'Add a story').click();
  await page.getByLabel('Title').fill('The month-end close');
  await page.getByLabel('Situation').fill('Month-end took nine working days.');
  await page.getByLabel('Task').fill('Cut it without losing accuracy.');
  await page.getByLabel('What I did').fill('I mapped every step and automated the bank reconciliation.');
  await page.getByLabel('Result', { exact: true }).fill('Everyone was happier.');
  assert.equal(await page.getByTestId('measure-nudge').count(), 1, 'no number: nudged');
  await page.getByLabel('Result', { exact: true }).fill('The close takes four days, not nine; errors fell by 80%.');
  assert.equal(await page.getByTestId('measure-nudge').count(), 0, 'a number: no nudge');
  await page.getByLabel('Analysis').check();
  await page.getByLabel('Accuracy').check();
  await page.getByLabel('Initiative').check();
  await page.getByLabel('Other competencies (your own words)').fill('Spreadsheets');
  await shot(page, 'kit-story-form');
  await button(page, 'Save story').click();
  await snackbar(page, 'Story added');
  assert.match(await page.getByTestId('story-list').textContent(), /The month-end close.*Result: The close takes four days.*Shows: Initiative, Analysis, Accuracy, Spreadsheets/);
  const mistakes = asking(['mistake', 'failure', 'reflection']);
  assert.ok(mistakes > 1);
  const gaps = await page.getByTestId('gaps').locator('li').allTextContents();
  assert.ok(gaps.includes(`No story yet shows a mistake you owned: ${mistakes} cards ask for one.`), gaps.join('\n'));
  assert.ok(!gaps.some((g) => /analysis|initiative/.test(g)), 'covered competencies are not gaps');
  const analysis = page.getByTestId('coverage').getByRole('row', { name: /^Analysis/ });
  assert.match(await analysis.textContent(), new RegExp(`^Analysis${asking(['analysis', 'data', 'problem-solving', 'judgement'])}The month-end close$`));
  await shot(page, 'kit-stories');

  // Questions to ask: one from the deck with one tap, one of my own.
  await button(page, 'Interview kit').click();
  await button(page, 'Questions to ask').click();
  const ask01 = 'Could you tell me how you\'ll make the decision from here, and when you expect to make it?';
  await button(page, `Add: ${ask01}`).click();
  await page.getByLabel('Question', { exact: true }).fill('What would my first project be?');
  await button(page, 'Add my question').click();
  await snackbar(page, 'Question added');
  assert.deepEqual(await page.getByTestId('my-questions').locator('.title').allTextContents(), [ask01, 'What would my first project be?']);
  assert.equal(await page.getByLabel('Question', { exact: true }).inputValue(), '', 'the field is empty again');
  await shot(page, 'kit-questions');

  // The plan sheet: three things, the story, the place; who to meet starts from the notes.
  await button(page, 'Back to the interview kit').click();
  await button(page, 'Plan sheet').click();
  await button(page, 'Edit the plan').click();
  assert.equal(await page.getByLabel('Who you will meet').inputValue(), `Priya Shah, Head of Finance\nTom Reid, Team lead`);
  await page.getByLabel('1.').fill('Nine days to four');
  await page.getByLabel('2.').fill('Calm at month-end');
  await page.getByLabel('3.').fill('Six years at my last firm');
  await page.getByLabel('The month-end close').check();
  await page.getByLabel('Where').fill('4 Canal Street, 2nd floor');
  await page.getByLabel('Who you will meet').fill('Priya Shah, Head of Finance\nTom Reid, Team lead\nAna Lopez, Finance Director');
  await button(page, 'Save the plan').click();
  await snackbar(page, 'Plan saved');
  const sheet = page.getByTestId('plan-sheet');
  assert.equal(await page.getByTestId('sheet-when').textContent(), 'Wed 2 Dec, 10:00 · 4 Canal Street, 2nd floor');
  assert.deepEqual(await page.getByTestId('sheet-remember').locator('li').allTextContents(), ['Nine days to four', 'Calm at month-end', 'Six years at my last firm']);
  assert.match(await page.getByTestId('sheet-stories').textContent(), /The month-end close: The close takes four days/);
  assert.equal(await page.getByTestId('sheet-questions').locator('li').count(), 2);
  assert.deepEqual(await page.getByTestId('sheet-meet').locator('li').allTextContents(), ['Priya Shah (Head of Finance)', 'Tom Reid (Team lead)', 'Ana Lopez (Finance Director)']);
  await page.getByLabel('Arrive 10 minutes early').check();
  await snackbar(page, 'Checklist: 1 of 4 ticked');
  await shot(page, 'kit-plan-sheet');
  // Printed: only the sheet, on one A4 page and on one Letter page.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.topbar').isVisible(), false);
  assert.equal(await button(page, 'Print').isVisible(), false);
  assert.ok(await sheet.isVisible());
  await shot(page, 'kit-plan-sheet-print');
  for (const format of ['A4', 'Letter']) {
    const pdf = (await page.pdf({ format, printBackground: false })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${format}: ${pages} pages`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Before the interview, no thank-you prompt.
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('thanks-due').count(), 0);

  // Three hours after it started: home asks for the notes; the answer about deciding is noted.
  await context.clock.pauseAt(AT + 3 * 3600_000);
  await button(page, 'Open the kit').click();
  await button(page, 'Questions to ask').click();
  await page.locator('#q-asked-0').check();
  await page.getByLabel('Their answer').first().fill('By Friday; HR will call.');
  await button(page, 'Save answers').click();
  await snackbar(page, 'Answers saved');
  assert.equal(await page.getByTestId('questions-decision').textContent(), 'They plan to decide by Fri 4 Dec.');
  await nav(page, 'Drill').click();
  assert.match(await page.getByTestId('decision-date').textContent(), /^They plan to decide by Fri 4 Dec/);
  assert.match(await page.getByTestId('thanks-due').textContent(), /Send your thank-you notes today/);
  await shot(page, 'kit-home-after');
  await button(page, 'Thank-you notes').click();

  // A note per interviewer, with no blank, and a mail link carrying it.
  const notes = page.getByTestId('thanks-note');
  assert.equal(await notes.count(), 3);
  const priya = notes.nth(0);
  const body = await priya.locator('textarea').inputValue();
  assert.match(body, /^Dear Priya Shah,\n\nThank you for taking the time to meet me about the Analyst role at Northwind\. I particularly valued what we discussed: the month-end close is too slow\./);
  assert.match(body, /I would bring nine days to four, calm at month-end and six years at my last firm\./, 'written capitals lower-cased inside the sentence');
  assert.match(body, /You mentioned that you plan to decide by Fri 4 Dec\. I look forward to hearing from you\./);
  for (const i of [0, 2]) { // (Tom's note quotes the markup he "said", as text)
    const text = await notes.nth(i).locator('textarea').inputValue();
    assert.doesNotMatch(text, /\[|\]|\{|\}|__|  | ,| \.|Dear ,/, `note ${i} has a blank: ${text}`);
  }
  assert.match(await notes.nth(1).locator('textarea').inputValue(), /what we discussed: <img src=x onerror="window.__xss=1">\./, 'their words as typed, as text');
  await priya.getByLabel('Their email (optional)').fill('priya@northwind.example');
  await priya.locator('textarea').fill(`${body}\n\nPriya, I will send the reconciliation checklist I mentioned.`);
  const href = await priya.getByTestId('mailto').getAttribute('href');
  const url = new URL(href);
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'priya@northwind.example');
  assert.equal(url.searchParams.get('subject'), 'Thank you: Analyst interview');
  assert.equal(url.searchParams.get('body').replace(/\r\n/g, '\n'), `${body}\n\nPriya, I will send the reconciliation checklist I mentioned.`);
  const tom = new URL(await notes.nth(1).getByTestId('mailto').getAttribute('href'));
  assert.match(tom.searchParams.get('body'), /^Dear Tom Reid,/);
  await button(page, 'Save notes').click();
  await snackbar(page, 'Thank-you notes saved');
  await shot(page, 'kit-thanks');
  await priya.getByRole('button', { name: 'Mark as sent' }).click();
  await snackbar(page, 'Thank-you note marked as sent');
  assert.equal(await priya.getByTestId('thanks-sent').count(), 1);
  assert.equal(await priya.getByRole('button', { name: 'Mark as not sent' }).count(), 1);
  await notes.nth(1).getByRole('button', { name: 'Mark as sent' }).click();
  await notes.nth(2).getByRole('button', { name: 'Mark as sent' }).click();
  await nav(page, 'Drill').click();
  assert.equal(await page.getByTestId('thanks-due').count(), 0, 'all sent: no prompt');

  // Everything is kept, as records of its own, and read back after a reload.
  const stored = await kitKeys(page);
  const stories = Object.entries(stored).filter(([k]) => k.includes('/story/'));
  const rounds = Object.entries(stored).filter(([k]) => k.includes('/round/'));
  assert.equal(stories.length, 1);
  assert.equal(rounds.length, 1);
  const round = rounds[0][1];
  assert.deepEqual(round.people.map((p) => p.name), ['Priya Shah', 'Tom Reid']);
  assert.equal(round.thanks.filter((t) => t.sent).length, 3);
  assert.match(round.thanks[0].body, /reconciliation checklist/);
  await page.reload();
  await page.waitForSelector('main section');
  assert.match(await page.getByTestId('decision-date').textContent(), /^They plan to decide by Fri 4 Dec/);
  await button(page, 'Open the kit').click();
  await button(page, 'Thank-you notes').click();
  assert.match(await page.getByTestId('thanks-note').nth(0).locator('textarea').inputValue(), /reconciliation checklist/);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no markup ran');
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a story card shows my matching stories under its model answer', async () => {
  const story = { id: 'smi2b1c00', title: 'The warehouse turnaround', action: 'I rebuilt the picking routes.', result: 'Late orders fell by 60%.', shows: ['initiative'], edited: 1 };
  const { page, context, problems } = await open({ 'second-round/story/smi2b1c00': JSON.stringify(story) });
  await nav(page, 'Cards').click();
  await page.getByLabel('Tag').selectOption('star');
  await button(page, 'Start focused session').click();
  const first = DECK.active.find((c) => c.tags.includes('star'));
  assert.equal(await page.getByTestId('question').textContent(), first.question);
  assert.equal(await page.getByTestId('matching-stories').count(), 0, 'not before the answer');
  await page.keyboard.press('Space');
  const mine = page.getByTestId('matching-stories');
  assert.match(await mine.textContent(), /Your stories for this.*The warehouse turnaround.*What I did: I rebuilt the picking routes\..*Result: Late orders fell by 60%\./);
  await shot(page, 'kit-answer-stories');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`no axe violations on the kit's screens (${scheme})`, async () => {
    const story = { id: 's1', title: 'The month-end close', situation: 'Nine days.', action: 'I automated it.', result: 'Four days.', shows: ['analysis'], edited: 1 };
    const round = {
      at: AT, company: 'Northwind', role: 'Analyst',
      people: [{ name: 'Priya Shah', role: 'Head of Finance', said: 'Speed' }],
      questions: [{ text: 'When will you decide?', asked: true, answer: 'By Friday' }],
      remember: ['One', 'Two', 'Three'], stories: ['s1'], place: 'Canal Street', ticked: ['early'], edited: 1,
    };
    const key = `second-round/round/${AT}-${fnv('Northwind\nAnalyst')}`;
    const { page, context, problems } = await open({ 'second-round/story/s1': JSON.stringify(story), [key]: JSON.stringify(round) }, { colorScheme: scheme, time: new Date(AT + 3600_000) });
    await context.clock.resume(); // axe schedules work with timers
    await axe(page, 'home with the kit panel');
    await button(page, 'Open the kit').click();
    await axe(page, 'interview kit');
    await nav(page, 'Drill').click();
    for (const [open, where] of [['Round-one notes', 'notes'], ['Questions to ask', 'questions'], ['Plan sheet', 'plan sheet'], ['Thank-you notes', 'thank-you notes']]) {
      await button(page, 'Open the kit').click();
      await button(page, open).click();
      await axe(page, where);
      await shot(page, `kit-${where.replace(/ /g, '-')}-${scheme}`);
      if (where === 'plan sheet') {
        await button(page, 'Edit the plan').click();
        await axe(page, 'plan form');
      }
      await nav(page, 'Drill').click();
    }
    await button(page, 'My stories (1)').click();
    await axe(page, 'my stories and coverage');
    await shot(page, `kit-stories-${scheme}`);
    await button(page, 'Add a story').click();
    await page.getByLabel('Result', { exact: true }).fill('Better');
    await axe(page, 'story form with the nudge');
    await button(page, 'Cancel').click();
    await button(page, 'Edit The month-end close').click();
    await button(page, 'Delete story').click();
    await axe(page, 'the delete question');
    await button(page, 'Keep it').click();
    await button(page, 'Delete story').click();
    await button(page, 'Delete for good').click();
    const deleted = await snackbar(page, 'Story deleted');
    assert.equal(await page.getByTestId('no-stories').count(), 1, 'deleted once asked');
    assert.match(await page.evaluate(() => localStorage.getItem('second-round/story/s1')), /"deleted":true/);
    // Undo in the snackbar brings it back, stored, and on the plan sheet that named it.
    await deleted.getByRole('button', { name: 'Undo' }).click();
    await snackbar(page, 'Story back');
    await button(page, 'Edit The month-end close').waitFor();
    assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('second-round/story/s1')), /"deleted":true/);
    assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)).stories, ['s1']);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** The interview's key hash, as the app computes it (FNV-1a, 32 bits, hex). */
function fnv(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

test('round-one notes follow the interview when its time changes; deleting it asks first, Undo brings both back', async () => {
  const { page, context, problems } = await open();
  await nav(page, 'Kit').click();
  await button(page, 'Round-one notes').click();
  await page.getByLabel('What went well').fill('The reconciliation story landed.');
  await button(page, 'Save notes').click();
  await snackbar(page, 'Notes saved');
  const rounds = async () => Object.keys(await kitKeys(page)).filter((k) => k.includes('/round/'));
  const [before] = await rounds();

  // The interview moves a day later.
  await page.evaluate(() => { location.hash = '#/interviews'; });
  await page.getByRole('button', { name: /^Edit Northwind/ }).click();
  const when = await page.locator('#iv-when').inputValue();
  await page.locator('#iv-when').fill(when.replace('2026-12-02', '2026-12-03'));
  await button(page, 'Save interview').click();
  await snackbar(page, 'Interview saved');
  const moved = await rounds();
  assert.equal(moved.length, 1, 'one record, under the interview as it is now');
  assert.notEqual(moved[0], before);
  await page.reload();
  await page.waitForSelector('main section');
  await nav(page, 'Kit').click();
  assert.match(await page.getByTestId('kit-interview').textContent(), /Thu 3 Dec/);
  await button(page, 'Round-one notes').click();
  assert.equal(await page.getByLabel('What went well').inputValue(), 'The reconciliation story landed.');

  // Deleting it names what goes, with the focus on "Delete"; "Keep it" keeps it.
  await page.evaluate(() => { location.hash = '#/interviews'; });
  await page.getByRole('button', { name: /^Delete Northwind/ }).click();
  const asked = page.getByRole('alertdialog');
  assert.match(await asked.textContent(), /Delete this interview\? Its notes, questions, plan and thank-you notes go too\./);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Delete');
  await axeLightAndDark(page, 'deleting an interview asked');
  await button(page, 'Keep it').click();
  assert.equal(await asked.count(), 0);
  assert.equal((await rounds()).length, 1);
  await page.getByRole('button', { name: /^Delete Northwind/ }).click();
  await button(page, 'Delete').click();
  const line = await snackbar(page, 'Interview deleted');
  assert.deepEqual(await rounds(), [], 'its notes go with it');
  await line.getByRole('button', { name: 'Undo' }).click();
  await snackbar(page, 'Interview back');
  assert.deepEqual(await rounds(), moved);
  await nav(page, 'Kit').click();
  await button(page, 'Round-one notes').click();
  assert.equal(await page.getByLabel('What went well').inputValue(), 'The reconciliation story landed.');
  assert.deepEqual(problems, []);
  await context.close();
});
