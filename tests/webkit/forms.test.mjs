// Nothing typed is taken away, in WebKit (the engine of every iPhone browser): the card editor and
// settings typed into with real key events, two of the app's 15-second ticks waited for (counted by
// a hook, in real time: WebDriver has no page clock), every value checked, saved, and read back
// after a reload.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './app.mjs';

let app;
test.before(async () => { app = await startApp(); });
test.after(() => app?.close());

const open = () => app.open(['ticks']);

/** Waits until two more of the app's ticks have run (each re-renders the screen). */
async function twoTicks(s) {
  const now = await s.run(() => window.__ticks);
  await s.waitFor((n) => window.__ticks >= n, [now + 2], { timeout: 60_000, what: 'two ticks of the app' });
}

const values = (s, ids) => s.run((list) => Object.fromEntries(list.map((id) => {
  const el = document.getElementById(id);
  return [id, el.type === 'checkbox' ? el.checked : el.value];
})), ids);

async function type(s, id, text) {
  const el = await s.find(`#${id}`);
  await s.clear(el);
  await s.type(el, text);
}

test('WebKit: the card editor keeps what is typed across ticks; saved, it is kept', async () => {
  const s = await open();
  try {
    await s.tap('Cards');
    await s.tap('Add a card');
    const typed = { 'e-q': 'What did you change after your first month?', 'e-a': 'I listened for two weeks, then changed how returns were logged.', 'e-tags': 'mystory, onboarding' };
    for (const [id, text] of Object.entries(typed)) await type(s, id, text);
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'typed');
    await twoTicks(s);
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'kept across two ticks');
    await s.tap('Save card');
    await s.waitFor(() => !!document.querySelector('[data-testid="match-count"]'), [], { what: 'the card list' });
    await s.reload();
    await s.waitFor(() => !!document.querySelector('main section'), [], { what: 'the app after a reload' });
    await s.tap('Cards');
    await type(s, 'f-query', 'first month');
    const row = await s.waitFor((q) => {
      const b = [...document.querySelectorAll('.card-row')].find((r) => r.querySelector('.q')?.textContent === q);
      return b ? (b.id = 'found-row') : null;
    }, [typed['e-q']], { what: 'the saved card in the list' });
    assert.ok(row);
    await s.click(await s.find('#found-row'));
    await s.waitFor(() => !!document.getElementById('e-q'), [], { what: 'the editor' });
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'saved and kept across a reload');
  } finally {
    await s.close();
  }
});

test('WebKit: settings keep what is typed and ticked across ticks; saved, they are kept', async () => {
  const s = await open();
  try {
    await s.tap('Settings');
    await type(s, 'new-per-day', '7');
    await type(s, 'answer-seconds', '45');
    await s.click(await s.find('#rehearse'));
    const typed = { 'new-per-day': '7', 'answer-seconds': '45', rehearse: true };
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'typed');
    await twoTicks(s);
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'kept across two ticks');
    await s.tap('Save settings');
    await s.waitFor(() => !!document.querySelector('.home'), [], { what: 'home after saving' });
    const stored = JSON.parse(await s.run(() => localStorage.getItem('second-round/settings')));
    assert.deepEqual([stored.newPerDay, stored.rehearse, stored.answerSeconds], [7, true, 45]);
    await s.reload();
    await s.waitFor(() => !!document.querySelector('main section'), [], { what: 'the app after a reload' });
    await s.tap('Settings');
    assert.deepEqual(await values(s, Object.keys(typed)), typed, 'saved and kept across a reload');
  } finally {
    await s.close();
  }
});
