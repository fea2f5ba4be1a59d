// The spoken mock interview at 390×844: a stand-in speechSynthesis, installed by the test, records
// what the interviewer's voice says; Chromium's fake microphone records an answer. A 10-minute
// mock is moved through with the page clock: questions and follow-ups heard, answers typed and
// recorded, pause and resume, leaving and coming back (and a reload), the debrief, the grades saved
// as reviews in the stored log, the history on Progress; with no voice, the fallback line and the
// question shown; axe on every mock screen, light and dark.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, T0, axe, snackbar } from './helpers.mjs';
import { DECK } from './deck-source.mjs';
import { readRecords } from './records.mjs';

let env;
test.before(async () => {
  env = await start({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});
test.after(async () => { await env?.close(); });

/** A stand-in for the device's speech synthesis with these voices: what is said goes to `__spoken`. */
const voice = (voices) => `(() => {
  window.__spoken = [];
  window.__hushed = 0;
  const voices = ${JSON.stringify(voices)};
  const synth = {
    speaking: false, pending: false, paused: false,
    getVoices() { return voices; },
    speak(u) { window.__spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null, rate: u.rate }); },
    cancel() { window.__hushed++; },
    pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.rate = 1; this.voice = null; this.lang = ''; } };
  window.__chunks = 0;
  const Recorder = window.MediaRecorder;
  if (Recorder) {
    window.MediaRecorder = class extends Recorder {
      constructor(...args) {
        super(...args);
        this.addEventListener('dataavailable', (e) => { if (e.data && e.data.size) window.__chunks++; });
      }
    };
  }
})();`;
const VOICES = [{ name: 'Test voice', lang: 'en-GB', default: true }, { name: 'Second voice', lang: 'en-US', default: false }];

const LEAD = "That's all from us. What questions do you have for us?";
/** The card a spoken line asks (its question, or one of its probes, as the voice says them). */
function asked(text) {
  const said = text.startsWith(LEAD) ? text.slice(LEAD.length).trim() : text;
  const main = DECK.active.find((c) => c.question.includes(said));
  if (main) return { card: main, probe: false };
  const probe = DECK.active.find((c) => c.probes.includes(said));
  return probe ? { card: probe, probe: true } : null;
}

const spoken = (page) => page.evaluate(() => window.__spoken);
const progress = (page) => page.getByTestId('mock-progress').textContent();
const countdown = (page) => page.getByTestId('countdown').textContent();

const STORY = 'At the time our four depots sent orders by email and one in twenty went out wrong. I was asked to fix it, '
  + 'so I mapped how an order travelled and I proposed one shared system. I trained twelve colleagues myself. '
  + 'As a result errors fell by 80% within six months.';
const SHORT = 'Um, I would, like, answer that directly and give one example from my last role.';

test('a 10-minute mock: heard, answered typed and recorded, paused, left and resumed, debriefed, graded into the log', async () => {
  const { page, problems, context } = await phone(env, { init: voice(VOICES) });
  await context.grantPermissions(['microphone']);
  // Settings: the second voice, a little faster.
  await nav(page, 'Settings').click();
  const settings = page.getByTestId('mock-settings');
  await settings.getByLabel("Interviewer's voice").selectOption('Second voice');
  await settings.getByLabel('Speed').selectOption({ label: 'Faster' });
  assert.equal(await settings.getByLabel('Follow-up questions').inputValue(), '50', 'one question in two by default');
  assert.equal(await settings.getByLabel(/Show each question's text/).isChecked(), false, 'heard only by default');
  await nav(page, 'Drill').click();
  await button(page, 'Mock interview').click();
  assert.equal(await page.getByLabel('About 10 minutes').isChecked(), true);
  await shot(page, 'mock-start');
  await button(page, 'Start the mock interview').click();

  assert.equal(await progress(page), 'Question 1 of 8 · Opening');
  let said = await spoken(page);
  assert.equal(said.length, 1);
  assert.deepEqual([said[0].voice, said[0].rate], ['Second voice', 1.25]);
  const first = asked(said[0].text);
  assert.ok(first && !first.probe && first.card.tags.includes('opening'), `the opening asks what changed since round one: ${said[0].text}`);
  assert.equal(await page.getByTestId('mock-question').count(), 0, 'heard, not shown');
  assert.equal(await page.getByText('Listen to the question, then answer.').count(), 1);
  assert.equal(await countdown(page), '1:00', 'a short question: one minute');
  await shot(page, 'mock-question');

  // Every answer: how long it took on the page clock (pauses left out), and what was typed.
  const answers = [];
  let follows = 0;
  let reloaded = false;
  for (let turn = 0; turn < 40; turn++) {
    const where = await progress(page);
    const n = Number(where.match(/^Question (\d+) of 8/)[1]);
    said = await spoken(page);
    const last = asked(said[said.length - 1].text);
    assert.ok(last, `spoken: ${said[said.length - 1].text}`);
    const followUp = where.endsWith('· follow-up');
    assert.equal(last.probe, followUp, `${where}: ${said[said.length - 1].text}`);
    if (followUp) follows++;
    const story = !followUp && last.card.tags.includes('star');
    const text = followUp ? 'I would add the numbers and what I learned.' : story ? STORY : SHORT;
    let seconds = story ? 100 : 30;
    let left = seconds;
    if (n === 6 && !followUp) {
      // Recorded with the fake microphone (the recorder runs on real time) as well as typed; after
      // the reload below, as recordings live in memory only.
      await context.clock.resume();
      await button(page, '● Record').click();
      await button(page, '■ Stop recording').waitFor();
      await page.waitForFunction(() => window.__chunks >= 1);
      await context.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
      seconds = null;
      left = null;
    } else if (n === 3 && !followUp) {
      await context.clock.runFor(20_000);
      assert.equal(await countdown(page), story ? '1:40' : '0:40');
      await button(page, 'Pause').click();
      await context.clock.runFor(60_000);
      assert.match(await countdown(page), /^Paused · /);
      assert.equal(await countdown(page), `Paused · ${story ? '1:40' : '0:40'}`, 'the clock stops while paused');
      const before = (await spoken(page)).length;
      await button(page, 'Resume').click();
      assert.equal((await spoken(page)).length, before + 1, 'resuming asks the question again');
      await button(page, 'Repeat the question').click();
      const now = await spoken(page);
      assert.equal(now.length, before + 2);
      assert.equal(now[now.length - 1].text, now[now.length - 2].text, 'Repeat says the same question');
      left -= 20;
    } else if (n === 4 && !followUp && !reloaded) {
      // Leaving for another screen pauses the mock; coming back resumes it where it was.
      await page.getByLabel('Your answer').fill('Half an answer');
      await nav(page, 'Cards').click();
      await nav(page, 'Drill').click();
      await button(page, /Resume the mock interview/).click();
      assert.equal(await progress(page), where);
      await button(page, 'Resume').click();
      // Closing the page: after a reload the question is asked afresh.
      await page.reload();
      await page.waitForSelector('main section');
      await button(page, /Resume the mock interview/).click();
      assert.equal(await progress(page), where, 'resumed after a reload');
      await button(page, 'Resume').click();
      const again = await spoken(page);
      assert.equal(asked(again[again.length - 1].text).card.id, last.card.id);
      reloaded = true;
    }
    await page.getByLabel('Your answer').fill(text);
    if (left != null) await context.clock.runFor(left * 1000);
    answers.push({ n, followUp, id: last.card.id, text, seconds, story });
    const next = (await button(page, 'Finish the interview').count()) ? 'Finish the interview' : 'Next question';
    await button(page, next).click();
    if (next === 'Finish the interview') break;
  }
  assert.ok(follows >= 1, 'at least one follow-up asked');
  assert.equal(answers.filter((a) => !a.followUp).length, 8);
  assert.equal(answers.filter((a) => !a.followUp).every((a, i) => a.n === i + 1), true);
  const ids = answers.filter((a) => !a.followUp).map((a) => a.id);
  assert.equal(new Set(ids).size, 8, 'no card twice');

  // The debrief.
  await page.getByRole('heading', { name: 'Debrief' }).waitFor();
  assert.equal(await page.getByTestId('mock-answered').textContent(), '8 answered of 8');
  const qs = page.getByTestId('debrief-question');
  assert.equal(await qs.count(), 8);
  const times = await page.getByTestId('d-time').allTextContents();
  const secs = (t) => { const [m, s] = t.match(/^(\d+):(\d\d)/).slice(1).map(Number); return m * 60 + s; };
  for (const [i, id] of ids.entries()) {
    const a = answers.find((x) => x.id === id && !x.followUp);
    if (a.seconds != null) assert.equal(secs(times[i]), a.seconds, `time of question ${i + 1}`);
    assert.match(times[i], a.story ? /guidance 1:00–2:00/ : /guidance 0:20–1:00/);
  }
  const followSecs = answers.filter((a) => a.followUp).reduce((s, a) => s + a.seconds, 0);
  assert.equal(secs(await page.getByTestId('mock-total').textContent()), times.reduce((s, t) => s + secs(t), 0) + followSecs);
  const storyAt = ids.findIndex((id) => DECK.active.find((c) => c.id === id).tags.includes('star') && answers.find((a) => a.id === id).seconds != null);
  const story = qs.nth(storyAt);
  assert.match(await story.getByTestId('d-star').textContent(), /Situation ✓ · Task ✓ · Action ✓ · Result ✓ · a number ✓/);
  assert.match(await story.getByTestId('d-said').textContent(), /four depots/);
  assert.match(await qs.nth(0).getByTestId('d-fillers').textContent(), /^[2-9]/, 'um, like');
  assert.equal(await qs.nth(5).getByLabel('Your recorded answer').count(), 1, 'the recording to play');
  assert.equal(await page.getByLabel('Your recorded answer').count(), 1, 'only the recorded answer has one');
  await page.waitForFunction(() => { const a = document.querySelector('audio'); return a && a.readyState >= 1 && !a.error; });
  for (let i = 0; i < 8; i++) {
    const card = DECK.active.find((c) => c.id === ids[i]);
    assert.match(await qs.nth(i).locator('.model .answer-text').textContent(), new RegExp(card.answer.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  assert.equal(await page.getByTestId('mock-drill').locator('li').count(), 3);
  // The suggested grade is chosen to start with; one is changed.
  const pressed = async (i) => qs.nth(i).locator('.grades button[aria-pressed="true"]').textContent();
  const suggested = (await qs.nth(0).getByTestId('d-suggested').textContent()).match(/Suggested: (\w+)/)[1];
  assert.equal(await pressed(0), suggested);
  await qs.nth(0).getByRole('button', { name: 'Hard', exact: true }).click();
  assert.equal(await pressed(0), 'Hard');
  await shot(page, 'mock-debrief');
  await page.screenshot({ path: 'tests/e2e/screenshots/mock-debrief-full.png', fullPage: true });

  // Save grades: eight reviews in the stored log, each at the moment its answer ended.
  const grades = [];
  for (let i = 0; i < 8; i++) grades.push(await pressed(i));
  await button(page, 'Save grades').click();
  await snackbar(page, 'Mock interview saved: 8 grades saved as reviews');
  const { log } = await page.evaluate(readRecords);
  assert.equal(log.length, 8);
  const names = ['Again', 'Hard', 'Good', 'Easy'];
  for (const [i, id] of ids.entries()) {
    const e = log.find((r) => r.id === id);
    assert.ok(e, `a review of ${id}`);
    assert.equal(names[e.rating - 1], grades[i]);
    assert.equal(e.phase, 'n', 'an ordinary first review of a new card');
  }
  assert.ok(log.every((e) => e.at > T0.getTime()), 'at the time of the answers');
  const stored = await page.evaluate(() => localStorage.getItem('second-round/mock'));
  assert.equal(stored, null, 'the mock in progress is let go');
  // Progress: the history, as a chart with a table.
  assert.equal(await page.getByTestId('mock-history').locator('tbody tr').count(), 1);
  assert.match(await page.getByTestId('mock-history-summary').textContent(), /^1 mock interview; the latest hit \d+% of the key points\.$/);
  assert.equal(await page.getByTestId('mock-chart').count(), 1);
  await page.getByTestId('mock-history').scrollIntoViewIfNeeded();
  await shot(page, 'mock-history');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, init] of [['no voice on the device', voice([])], ['no speech synthesis at all', 'delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;']]) {
  test(`with ${name}, a clear line says so and the question is shown`, async () => {
    const { page, problems } = await phone(env, { init });
    await button(page, 'Mock interview').click();
    assert.match(await page.getByTestId('mock-voice').textContent(), /no voice/);
    await button(page, 'Start the mock interview').click();
    assert.equal(await page.getByTestId('mock-mute').textContent(), 'This device has no voice to read the question aloud, so it is shown instead.');
    assert.equal(await button(page, 'Repeat the question').count(), 0, 'nothing to repeat with');
    const q = await page.getByTestId('mock-question').textContent();
    assert.ok(DECK.active.some((c) => c.question === q), q);
    if (name === 'no voice on the device') await shot(page, 'mock-no-voice');
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`no axe violations on the mock's screens (${scheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme, init: voice(VOICES) });
    await button(page, 'Mock interview').click();
    await context.clock.resume(); // axe schedules work with timers
    await axe(page, 'mock start');
    await button(page, 'Start the mock interview').click();
    await axe(page, 'mock question');
    await button(page, 'Pause').click();
    await axe(page, 'mock paused');
    await button(page, 'Resume').click();
    await page.getByLabel('Your answer').fill(SHORT);
    await button(page, 'End the interview here').click();
    await page.getByRole('heading', { name: 'Debrief' }).waitFor();
    assert.equal(await page.getByTestId('mock-answered').textContent(), '1 answered of 8', 'the answer in the box counts');
    await axe(page, 'mock debrief');
    if (scheme === 'dark') await shot(page, 'mock-debrief-dark');
    await button(page, 'Save grades').click();
    await page.getByTestId('mock-history').waitFor();
    await axe(page, 'progress with the mock history');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a mock let go without saving comes back with Undo in the snackbar', async () => {
  const { page, problems, context } = await phone(env, { init: voice(VOICES) });
  await button(page, 'Mock interview').click();
  await button(page, 'Start the mock interview').click();
  await page.getByLabel('Your answer').fill(SHORT);
  await button(page, 'End the interview here').click();
  await page.getByRole('heading', { name: 'Debrief' }).waitFor();
  await button(page, 'Let this mock go without saving').click();
  const line = await snackbar(page, 'Mock interview let go');
  assert.equal(await page.getByRole('heading', { name: 'Debrief' }).count(), 0, 'let go');
  assert.equal(await page.evaluate(() => localStorage.getItem('second-round/mock')), null);
  await line.getByRole('button', { name: 'Undo' }).click();
  await snackbar(page, 'Mock interview back');
  await page.getByRole('heading', { name: 'Debrief' }).waitFor();
  assert.equal(await page.getByTestId('mock-answered').textContent(), '1 answered of 8', 'as it was');
  assert.notEqual(await page.evaluate(() => localStorage.getItem('second-round/mock')), null, 'stored again');
  assert.deepEqual(problems, []);
  await context.close();
});
