// Rehearse mode: a visible countdown (warning at 0:15, counting past zero), a typed answer, the
// insights and the suggested grade after the reveal, key points ticked by hand, recording with
// Chromium's fake microphone, and the explanation where a browser cannot record.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, question, answers } from './helpers.mjs';
import { DECK, card } from './deck-source.mjs';

let env;
test.before(async () => {
  env = await start({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});
test.after(async () => { await env?.close(); });

/** plan-01 (the first card), answered to hit its key points: the gap the first round left, an example
 * with a measurable result, tied to what the role needs. */
const FIRST = card('plan-01');
const ANSWER = 'Um, I want to fill the gap our first round left: how I work with other teams. I will tie each example '
  + 'to what the role needs, like the reporting project where I cut errors by 30%, a measurable result I can take you through.';

const suggestedGrade = (page) => page.locator('.grade.suggested').textContent();
const checkbox = (page, i) => page.getByTestId('checklist').getByRole('checkbox').nth(i);

for (const scheme of ['light', 'dark']) {
  test(`a timed, typed rehearsal shows insights and a suggested grade (${scheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme });
    await page.getByLabel(/Rehearse this session/).check();
    await button(page, 'Start session').click();
    const countdown = page.getByTestId('countdown');
    assert.equal(await countdown.textContent(), '2:00');
    assert.equal(await question(page), FIRST.question);
    await page.getByLabel('Your answer').fill(ANSWER);
    // Typing keeps its meaning: Space and digits went into the box, not to the review.
    await page.getByLabel('Your answer').press('Space');
    assert.equal(await page.locator('.answer').count(), 0, 'Space in the answer box did not reveal');

    await context.clock.runFor(100_000);
    assert.equal(await countdown.textContent(), '0:20');
    assert.equal(await countdown.getAttribute('class'), 'countdown');
    await context.clock.runFor(6_000);
    assert.equal(await countdown.textContent(), '0:14');
    assert.equal(await countdown.getAttribute('class'), 'countdown warn');
    assert.equal(await page.getByText('15 seconds left.').count(), 1, 'the warning is announced');
    if (scheme === 'light') await shot(page, 'rehearse-question-warning');
    await context.clock.runFor(20_000);
    assert.equal(await countdown.textContent(), '+0:06', 'keeps counting past zero');
    assert.equal(await countdown.getAttribute('class'), 'countdown over');
    assert.equal(await page.getByLabel('Your answer').inputValue(), `${ANSWER} `, 'a render a second never clears the box');
    await shot(page, `rehearse-question-${scheme}`);

    await button(page, 'Show answer').click();
    assert.equal(await page.getByTestId('time-taken').textContent(), 'You took 2:06 of 2:00.');
    assert.match(await page.getByTestId('said').textContent(), /fill the gap our first round left/);
    for (const i of [0, 1, 2]) assert.equal(await checkbox(page, i).isChecked(), true, `key point ${i} covered`);
    // A short answer of 20 seconds to a minute suits this question (not a story): no length hint.
    assert.equal(await page.getByTestId('length').textContent(), '45 words, about 0:21 aloud (at 130 words a minute). ');
    assert.match(await page.getByTestId('fillers').textContent(), /“um” ×1, “like” ×1/);
    assert.match(await page.getByTestId('i-we').textContent(), /^“I” 5, “we” 1\. $/, '“our” counts as we');
    assert.equal(await page.getByTestId('star').count(), 0, 'not a story question: no STAR line');
    // Everything covered but over time: Good, highlighted, never pressed for the person.
    assert.equal(await suggestedGrade(page), 'Good');
    assert.match(await page.getByTestId('suggestion').textContent(), /Suggested grade: Good — 3 of 3 key points, over time/);
    assert.equal(await button(page, 'Good').getAttribute('aria-describedby'), 'ivl-good suggestion');
    assert.equal(await answers(page), 0, 'nothing graded by itself');
    await shot(page, `rehearse-insights-${scheme}`);

    // Ticks feed the same suggestion.
    await checkbox(page, 0).uncheck();
    assert.equal(await suggestedGrade(page), 'Good');
    await checkbox(page, 1).uncheck();
    assert.equal(await suggestedGrade(page), 'Hard');
    await checkbox(page, 2).uncheck();
    assert.equal(await suggestedGrade(page), 'Again');
    await page.getByTestId('checklist').getByText(FIRST.keyPoints[0]).click();
    assert.equal(await checkbox(page, 0).isChecked(), true, 'the label row ticks');

    await button(page, 'Hard').click();
    assert.equal(await answers(page), 1);
    assert.equal(await countdown.textContent(), '2:00', 'a fresh countdown for the next card');
    assert.equal(await page.getByLabel('Your answer').inputValue(), '', 'and an empty answer box');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a story question gets STAR signals; an answer said aloud is ticked by hand', async () => {
  const { page, problems, context } = await phone(env);
  const plan = DECK.active.filter((c) => c.theme === 'plan').map((c) => c.id);
  const story = DECK.active.find((c) => c.theme !== 'plan');
  assert.match(story.question, /^Tell me about a time/, 'the first card after the plan theme is a story');
  await page.evaluate((ids) => {
    // Every plan card studied, so the first new card is the first story of "Sell yourself".
    const due = Date.now() + 30 * 86400000;
    for (const id of ids) localStorage.setItem(`second-round/card/${id}`, `r,0,40a00000,40a00000,${due},${Date.now()},1,0`);
  }, plan);
  await page.reload();
  await page.getByLabel(/Rehearse this session/).check();
  await button(page, 'Start session').click();
  assert.equal(await question(page), story.question);
  await page.getByLabel('Your answer').fill('We had an issue with the stock counts. We looked at it together and we fixed the form as a team.');
  await button(page, 'Show answer').click();
  assert.match(await page.getByTestId('length').textContent(), /^21 words, about 0:10 aloud \(at 130 words a minute\)\. Very short for a story: aim for one to two minutes/);
  assert.match(await page.getByTestId('star').textContent(), /Situation ✓ · Task ✗ · Action ✗ · Result ✗\. No measurable result/);
  assert.match(await page.getByTestId('i-we').textContent(), /“I” 0, “we” 3\. Say what you did yourself/);
  assert.equal(await suggestedGrade(page), 'Again');
  await shot(page, 'rehearse-star');
  await button(page, 'Again').click();
  // The next card, answered aloud with nothing typed: the note says so and the ticks alone decide.
  await context.clock.runFor(30_000);
  await button(page, 'Show answer').click();
  assert.match(await page.getByTestId('no-text').textContent(), /No typed answer/);
  assert.equal(await page.locator('.grade.suggested').count(), 0, 'nothing ticked yet: no grade pressed on the person');
  const boxes = page.getByTestId('checklist').getByRole('checkbox');
  await boxes.nth(0).check();
  assert.notEqual(await suggestedGrade(page), 'Easy', 'one point ticked: a suggestion, not yet Easy');
  for (let i = 1; i < await boxes.count(); i++) await boxes.nth(i).check();
  assert.equal(await suggestedGrade(page), 'Easy', 'all said, in time');
  assert.equal(await page.getByTestId('time-taken').textContent(), 'You took 0:30 of 2:00.');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Counts the recorder's chunks of sound (`__chunks`): a recording has sound once one has arrived. */
const countChunks = () => {
  window.__chunks = 0;
  const Recorder = window.MediaRecorder;
  window.MediaRecorder = class extends Recorder {
    constructor(...args) {
      super(...args);
      this.addEventListener('dataavailable', (e) => { if (e.data && e.data.size) window.__chunks++; });
    }
  };
};

test('recording with a (fake) microphone: stop, play back next to the model answer, keep', async () => {
  const { page, problems, context } = await phone(env, { init: countChunks });
  await context.grantPermissions(['microphone']);
  await context.clock.resume();
  await page.getByLabel(/Rehearse this session/).check();
  await button(page, 'Start session').click();
  await button(page, '● Record').click();
  await button(page, '■ Stop recording').waitFor();
  // The microphone opened and the recorder has sound (it hands over a chunk a second).
  await page.waitForFunction(() => window.__chunks >= 1);
  await button(page, '■ Stop recording').click();
  const take = page.getByTestId('take');
  await take.waitFor();
  assert.match(await take.textContent(), /^Recorded 0:0\d \([1-9]\d* KB\)/);
  await button(page, 'Show answer').click();
  const audio = page.getByLabel('Your recording', { exact: true });
  assert.match(await audio.getAttribute('src'), /^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await page.waitForFunction(() => document.querySelector('audio').readyState >= 1 && !document.querySelector('audio').error);
  await shot(page, 'rehearse-recording');
  await button(page, 'Keep this recording').click();
  assert.equal(await button(page, 'Kept until you close the app').getAttribute('aria-pressed'), 'true');
  await button(page, 'Good').click();
  assert.equal(await page.locator('audio').count(), 0, 'the next card starts without it');
  // Back to the card: its kept recording plays next to the model answer again.
  await button(page, 'Undo').click();
  await button(page, 'Show answer').click();
  assert.equal(await page.getByLabel('Your kept recording').count(), 1);
  // A recording that is not kept is let go with the grade.
  await button(page, 'Good').click();
  await button(page, '● Record').click();
  await button(page, '■ Stop recording').waitFor();
  const chunks = await page.evaluate(() => window.__chunks);
  await page.waitForFunction((n) => window.__chunks > n, chunks);
  await button(page, 'Show answer').click(); // stops the recording too
  await page.getByLabel('Your recording', { exact: true }).waitFor();
  const url = await page.getByLabel('Your recording', { exact: true }).getAttribute('src');
  await button(page, 'Good').click();
  const gone = await page.evaluate(async (u) => {
    const a = new Audio();
    return await new Promise((resolve) => { a.onerror = () => resolve(true); a.onloadedmetadata = () => resolve(false); a.src = u; });
  }, url);
  assert.equal(gone, true, 'the blob URL was revoked');
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_FILE_NOT_FOUND')), []);
  await context.close();
});

test('where the browser cannot record, Record gives way to an explanation and typing works', async () => {
  const { page, problems, context } = await phone(env, { init: () => { delete window.MediaRecorder; } });
  await page.getByLabel(/Rehearse this session/).check();
  await button(page, 'Start session').click();
  assert.match(await page.getByTestId('no-recorder').textContent(), /Recording is not available in this browser/);
  assert.equal(await page.getByRole('button', { name: /Record/ }).count(), 0);
  await page.getByLabel('Your answer').fill('I would bring a short agenda.');
  await button(page, 'Show answer').click();
  assert.match(await page.getByTestId('length').textContent(), /^6 words/);
  await shot(page, 'rehearse-no-recorder');
  assert.deepEqual(problems, []);
  await context.close();
});

test('rehearse mode and the answer time are settings that are kept; speech to text is off until chosen', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Settings').click();
  const speech = page.getByLabel('Speech to text while recording');
  assert.equal(await speech.isChecked(), false);
  assert.match(await page.locator('#speech-help').textContent(), /send the audio to their maker's servers|no speech recognition/);
  await page.getByLabel(/Rehearse: answer against the clock/).check();
  await page.getByLabel('Answer time (seconds)').fill('5');
  await button(page, 'Save settings').click();
  assert.match(await page.getByRole('alert').innerText(), /Answer time must be a whole number of seconds from 15 to 900/);
  await page.getByLabel('Answer time (seconds)').fill('90');
  await button(page, 'Save settings').click();
  await page.reload();
  await page.waitForSelector('.home');
  assert.equal(await page.getByLabel(/Rehearse this session/).isChecked(), true, 'sessions start in rehearse mode');
  await button(page, 'Start session').click();
  assert.equal(await page.getByTestId('countdown').textContent(), '1:30');
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('second-round/settings')));
  assert.deepEqual([settings.rehearse, settings.answerSeconds, settings.speechToText, settings.track], [true, 90, false, 'office']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('speech to text, once turned on, types what is said into the answer box (a stand-in recognizer)', async () => {
  const { page, problems, context } = await phone(env, {
    init: () => {
      // A stand-in for the browser's recognizer: it "hears" one sentence shortly after starting.
      window.SpeechRecognition = class {
        start() {
          setTimeout(() => this.onresult && this.onresult({ resultIndex: 0, results: [Object.assign([{ transcript: 'I want to fill the gap the first round left' }], { isFinal: true })] }), 200);
        }
        stop() { window.__recognitionStopped = true; }
      };
    },
  });
  await context.grantPermissions(['microphone']);
  await context.clock.resume();
  await nav(page, 'Settings').click();
  const speech = page.getByLabel('Speech to text while recording');
  assert.equal(await speech.isEnabled(), true, 'offered where the browser has it');
  assert.equal(await speech.isChecked(), false, 'off until chosen');
  assert.match(await page.locator('#speech-help').textContent(), /send the audio to their maker's servers/);
  await speech.check();
  await page.getByLabel(/Rehearse: answer against the clock/).check();
  await button(page, 'Save settings').click();
  await button(page, 'Start session').click();
  await button(page, '● Record').click();
  await page.getByText('Recording, with speech to text into the box above…').waitFor();
  await page.waitForFunction(() => document.getElementById('answer-text').value.length > 0);
  assert.equal(await page.getByLabel('Your answer').inputValue(), 'I want to fill the gap the first round left');
  await button(page, 'Show answer').click();
  assert.equal(await page.evaluate(() => window.__recognitionStopped), true, 'recognition stops with the recording');
  assert.match(await page.getByTestId('said').textContent(), /fill the gap the first round left/);
  assert.equal(await checkbox(page, 0).isChecked(), true, 'the spoken words count for the key points');
  assert.deepEqual(problems, []);
  await context.close();
});
