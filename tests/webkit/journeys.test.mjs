// The core journeys in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb): the
// engine of every iPhone browser. Drill with keys and taps, undo, reload; local storage blocked or
// really full; a backup exported, storage cleared and the backup imported; an Anki export read back.
// WebDriver has no page clock, so these journeys run in real time and wait for the states they need
// (the storage-full journey waits for the app's 15-second tick, with a generous limit).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startDriver, KEY } from './webdriver.mjs';
import { startApp, SHOTS } from './app.mjs';
import { readRecords, backupLog } from '../e2e/records.mjs';

let app;
test.before(async () => { app = await startApp(); });
test.after(() => app?.close());

const open = (hooks, drv) => app.open(hooks, drv);
const text = (s, testid) => s.run((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testid);
const question = (s) => text(s, 'question');
// The grades given today, as the drill's progress line holds them (it shows cards, not grades).
const answers = (s) => s.run(() => Number(document.querySelector('[data-testid="progress"]')?.dataset.answers));
const answerShown = (s) => s.waitFor(() => !!document.querySelector('[data-testid="answer"]'), [], { what: 'the answer' });
const stored = (s) => s.run(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('second-round/')).sort()
  .map((k) => [k, localStorage.getItem(k)])));
const logLines = (s) => s.run(readRecords).then((r) => r.log.length);

/** Waits for the next card's question to differ from `before`, and returns it. */
async function nextQuestion(s, before) {
  return s.waitFor((b) => {
    const q = document.querySelector('[data-testid="question"]');
    return q && !document.querySelector('[data-testid="answer"]') && q.textContent !== b && q.textContent;
  }, [before], { what: 'the next question' });
}

test('WebKit: drill with keys and taps, undo, reload and carry on', async () => {
  const s = await open();
  try {
    assert.equal(await text(s, 'new-count'), '15');
    await s.tap('Start session');
    const seen = [await s.waitFor(() => document.querySelector('[data-testid="question"]')?.textContent, [], { what: 'a question' })];
    // Keys: Space shows the answer, 3 grades Good.
    await s.press(' ');
    await answerShown(s);
    await s.screenshot(path.join(SHOTS, 'webkit-answer.png'));
    await s.press('3');
    seen.push(await nextQuestion(s, seen[0]));
    // Taps: Show answer, then Good.
    await s.tap('Show answer');
    await answerShown(s);
    await s.tap('Good');
    seen.push(await nextQuestion(s, seen[1]));
    // Enter and 4 (Easy).
    await s.press(KEY.Enter);
    await answerShown(s);
    await s.press('4');
    seen.push(await nextQuestion(s, seen[2]));
    assert.equal(new Set(seen).size, 4, 'four different cards');
    assert.equal(await answers(s), 3);
    assert.equal(await logLines(s), 3, 'every grade is stored before the next card shows');

    // Undo with the key: the third card comes back, its review leaves storage.
    await s.press('u');
    await s.waitFor((q) => document.querySelector('[data-testid="question"]')?.textContent === q, [seen[2]], { what: 'the undone card' });
    assert.equal(await answers(s), 2);
    assert.equal(await logLines(s), 2);
    // Undo by tapping the button takes the second one back too.
    await s.tap('Undo');
    await s.waitFor((q) => document.querySelector('[data-testid="question"]')?.textContent === q, [seen[1]], { what: 'the second card again' });
    assert.equal(await logLines(s), 1);
    await s.tap('Show answer');
    await answerShown(s);
    await s.tap('Again');
    await nextQuestion(s, seen[1]);
    const counts = await text(s, 'counts');
    const before = await stored(s);

    await s.reload();
    await s.waitFor(() => !!document.querySelector('[data-testid="question"]'), [], { what: 'the session after a reload' });
    assert.equal(await text(s, 'counts'), counts, 'the same counts after a reload');
    assert.equal(await answers(s), 2);
    assert.deepEqual(await stored(s), before, 'storage is what it was');
    await s.screenshot(path.join(SHOTS, 'webkit-after-reload.png'));
  } finally {
    await s.close();
  }
});

test('WebKit: local storage blocked — a banner says so and drilling goes on in memory', async () => {
  const s = await open(['no-storage']);
  try {
    await s.waitForText('[role="alert"]', 'local storage is unavailable');
    await s.tap('Start session');
    const first = await s.waitFor(() => document.querySelector('[data-testid="question"]')?.textContent, [], { what: 'a question' });
    await s.press(' ');
    await answerShown(s);
    await s.press('3');
    await nextQuestion(s, first);
    assert.equal(await answers(s), 1);
  } finally {
    await s.close();
  }
});

test('WebKit: storage really full — banner, drilling goes on, and the reviews are stored once there is room', async () => {
  const s = await open();
  try {
    await s.tap('Start session');
    let q = await s.waitFor(() => document.querySelector('[data-testid="question"]')?.textContent, [], { what: 'a question' });
    const grade = async (key) => {
      await s.press(' ');
      await answerShown(s);
      await s.press(key);
      q = await nextQuestion(s, q);
    };
    await grade('3');
    const saved = await stored(s);
    const fillers = await s.run(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size >>= 2) {
        try { for (;;) localStorage.setItem(`filler/${n++}`, 'x'.repeat(size)); } catch (e) { n--; }
      }
      return n;
    });
    assert.ok(fillers > 0, 'the origin quota was reached');
    await grade('3');
    await grade('1');
    await s.waitForText('[role="alert"]', "the browser's storage for this site is full");
    assert.equal(await answers(s), 3, 'drilling goes on in memory');
    for (const [k, v] of Object.entries(saved)) {
      assert.equal(await s.run((key) => localStorage.getItem(key), k), v, `${k} untouched`);
    }
    assert.equal(await logLines(s), 1, 'storage holds what it held');
    await s.screenshot(path.join(SHOTS, 'webkit-storage-full.png'));
    await s.run((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler/${i}`); }, fillers);
    // The app retries on its 15-second tick: wait for the message, not for a fixed time.
    await s.waitForText('[role="status"]', /There is room again/, { timeout: 60_000 });
    assert.equal(await logLines(s), 3, 'every review stored');
  } finally {
    await s.close();
  }
});

test('WebKit: a backup downloaded, storage cleared, the backup pasted back gives the same collection; the Anki file reads back', async () => {
  const s = await open(['downloads']);
  try {
    await s.tap('Start session');
    let q = await s.waitFor(() => document.querySelector('[data-testid="question"]')?.textContent, [], { what: 'a question' });
    for (const key of ['3', '4', '1']) {
      await s.press(' ');
      await answerShown(s);
      await s.press(key);
      q = await nextQuestion(s, q);
    }
    const before = await stored(s);
    await s.tap('Cards');
    await s.tap('Import and export');
    await s.tap('Download backup (.json)');
    const backup = await s.runAsync(async () => {
      const d = window.__downloads.find((x) => x.name.endsWith('.json'));
      return d && { name: d.name, text: await d.blob.text() };
    });
    assert.ok(backup, 'the backup was downloaded');
    assert.equal(backupLog(JSON.parse(backup.text)).length, 3);
    await s.tap('Download for Anki (.txt)');
    const anki = await s.runAsync(async () => {
      const d = window.__downloads.find((x) => x.name.endsWith('.txt'));
      return d && await d.blob.text();
    });
    assert.match(anki, /^#separator:tab/m, 'an Anki plain-text file');

    await s.run(() => localStorage.clear());
    await s.reload();
    await s.waitFor(() => !!document.querySelector('main section'), [], { what: 'the app after clearing storage' });
    await s.tap('Cards');
    await s.tap('Import and export');
    const paste = await s.find('#import-paste');
    // The backup is long: set it as a person pasting would (one input event), not key by key.
    await s.run((t) => {
      const el = document.getElementById('import-paste');
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, backup.text);
    assert.ok(paste);
    await s.tap('Read the pasted text');
    await s.waitFor(() => [...document.querySelectorAll('button')].find((b) => /^(Import|Restore)\b/.test(b.textContent.trim()))?.textContent,
      [], { what: 'the import button of the preview' });
    await s.run(() => [...document.querySelectorAll('button')].find((b) => /^(Import|Restore)\b/.test(b.textContent.trim())).click());
    await s.waitFor((n) => Object.keys(localStorage).filter((k) => k.startsWith('second-round/')).length >= n,
      [Object.keys(before).length], { what: 'the restored keys' });
    assert.deepEqual(await stored(s), before, 'every stored key and value as before');
    await s.screenshot(path.join(SHOTS, 'webkit-restored.png'));
  } finally {
    await s.close();
  }
});

test('WebKit: a backup from another device merges — both devices\' reviews, each once; the same file again changes nothing', async () => {
  const drill = async (s, keys) => {
    await s.tap('Start session');
    let q = await s.waitFor(() => document.querySelector('[data-testid="question"]')?.textContent, [], { what: 'a question' });
    for (const key of keys) {
      await s.press(' ');
      await answerShown(s);
      await s.press(key);
      q = await nextQuestion(s, q);
    }
  };
  const reviews = (s) => s.run(readRecords).then((r) => r.log.map((e) => `${e.id}\t${e.at}\t${e.rating}`).sort());
  // WebKitWebDriver drives one session at a time: the second device gets a driver of its own.
  const second = await startDriver();
  const phoneDevice = await open(['downloads']);
  const laptop = await open([], second);
  try {
    // The phone reviews three cards and exports its backup; the laptop reviews two (the first is the same card).
    await drill(phoneDevice, ['3', '3', '4']);
    await phoneDevice.tap('Cards');
    await phoneDevice.tap('Import and export');
    await phoneDevice.tap('Download backup (.json)');
    const backup = await phoneDevice.runAsync(async () => {
      const d = window.__downloads.find((x) => x.name.endsWith('.json'));
      return d && await d.blob.text();
    });
    const phoneReviews = await reviews(phoneDevice);
    assert.equal(phoneReviews.length, 3);
    await drill(laptop, ['1', '3']);
    const laptopReviews = await reviews(laptop);
    assert.equal(laptopReviews.length, 2);

    const importBackup = async () => {
      await laptop.tap('Cards');
      await laptop.tap('Import and export');
      await laptop.run((t) => {
        const el = document.getElementById('import-paste');
        el.value = t;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, backup);
      await laptop.tap('Read the pasted text');
      return laptop.waitFor(() => document.querySelector('[data-testid="import-counts"]')?.textContent, [], { what: 'the preview' });
    };
    const said = await importBackup();
    assert.match(said, /3 reviews/, `the preview says what comes from the other device: ${said}`);
    await laptop.screenshot(path.join(SHOTS, 'webkit-merge-preview.png'));
    await laptop.tap('Import');
    await laptop.waitFor(new Function('n', `return (${readRecords})().log.length === n;`), [5], { what: 'five reviews stored' });
    const merged = await reviews(laptop);
    const key = (line) => line.split('\t').slice(0, 2).join('\t');
    assert.deepEqual([...new Set(merged.map(key))].sort(), [...phoneReviews, ...laptopReviews].map(key).sort(), 'the union of both logs, each review once');

    // The same file again: nothing to do.
    const again = await importBackup();
    assert.match(again, /already has everything|Nothing to import/);
    assert.equal((await reviews(laptop)).length, 5);
  } finally {
    await phoneDevice.close();
    await laptop.close();
    second.close();
  }
});
