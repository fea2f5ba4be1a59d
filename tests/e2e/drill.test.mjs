// The drill, end to end, at phone size: keys and taps, undo, reload, a day later, caught up.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav, question, progressText, T0, answers } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

const DAY = 24 * 3600 * 1000;

test('drill five cards with keys and taps, undo one, reload and continue', async () => {
  const { page, problems, context } = await phone(env);
  assert.equal(await page.getByTestId('due-count').textContent(), '0');
  assert.equal(await page.getByTestId('new-count').textContent(), '15');
  await shot(page, 'home-light');

  await button(page, 'Start session').click();
  const seen = [];
  // 1: keys — Space shows the answer, 3 is Good.
  seen.push(await question(page));
  await shot(page, 'question-light');
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  // The four grades show Anki-style intervals for a new card.
  const ivl = (name) => page.locator(`#ivl-${name.toLowerCase()}`).textContent();
  for (const [name, expected] of [['Again', '1 min'], ['Hard', '6 min'], ['Good', '10 min']]) {
    assert.equal(await ivl(name), expected);
    assert.equal(await button(page, name).getAttribute('aria-describedby'), `ivl-${name.toLowerCase()}`);
  }
  assert.match(await ivl('Easy'), /^\d+ (days|weeks)$/);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'answer', 'focus moves to the answer');
  await shot(page, 'answer-light');
  await page.keyboard.press('3');
  // 2: taps.
  seen.push(await question(page));
  assert.notEqual(seen[1], seen[0]);
  await button(page, 'Show answer').tap();
  await button(page, 'Good').tap();
  // 3: Enter and 4 (Easy).
  seen.push(await question(page));
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  // 4: taps, Again.
  seen.push(await question(page));
  await button(page, 'Show answer').tap();
  await button(page, 'Again').tap();
  // 5: Space and 2 (Hard).
  seen.push(await question(page));
  await page.keyboard.press('Space');
  await page.keyboard.press('2');
  assert.equal(new Set(seen).size, 5, 'five different cards');
  assert.equal(await answers(page), 5);

  // Undo with the u key: card 5 comes back as a question, progress goes back to 4.
  await page.keyboard.press('u');
  assert.equal(await question(page), seen[4]);
  assert.equal(await answers(page), 4);
  // Cards, not grades: Easy's card is done for today; Good's two and Again's come back.
  assert.equal(await progressText(page), '11 cards to go · 3 coming back again');
  assert.equal(await page.getByTestId('answer').count(), 0);
  // Undo is several levels deep: Ctrl+Z takes back card 4 too, and the button redoes nothing more than asked.
  await page.keyboard.press('Control+z');
  assert.equal(await question(page), seen[3]);
  assert.equal(await answers(page), 3);
  // Grade card 4 Again again, so the state before reload is: Good, Good, Easy, Again.
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  assert.equal(await question(page), seen[4]);
  const counts = await page.getByTestId('counts').innerText();

  await page.reload();
  await page.waitForSelector('main section');
  // Straight back into the session: the same next card, the same counts.
  assert.equal(await question(page), seen[4]);
  assert.equal(await page.getByTestId('counts').innerText(), counts);
  assert.equal(await answers(page), 4);
  assert.equal(await progressText(page), '11 cards to go · 3 coming back again');
  assert.equal(await button(page, 'Undo').isDisabled(), true, 'undo history starts afresh after a reload');

  // Same-day relearning: a minute later the failed card (4) comes first, before new cards.
  await context.clock.fastForward(61_000);
  await button(page, 'Show answer').tap(); // answer card 5 first: it is on screen
  await button(page, 'Good').tap();
  assert.equal(await question(page), seen[3], 'the card graded Again is back after its 1-minute step');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a day later, reviews are due', async () => {
  const { page, problems, context } = await phone(env);
  await button(page, 'Start session').click();
  // Easy graduates a new card straight to review; Good puts it on the 10-minute step.
  for (const key of ['4', '4', '3']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await context.clock.setSystemTime(new Date(T0.getTime() + DAY));
  await page.reload();
  await page.waitForSelector('.home');
  // A day later: the learning card is due, the two Easy cards are not yet.
  assert.equal(await page.getByTestId('due-count').textContent(), '1');
  assert.equal(await page.getByTestId('new-count').textContent(), '15', 'the new-card allowance is renewed');
  assert.equal(await page.getByTestId('done-count').textContent(), '0');
  // Two weeks later the Easy cards are due as reviews, and they come before new cards.
  await context.clock.setSystemTime(new Date(T0.getTime() + 14 * DAY));
  await page.reload();
  await page.waitForSelector('.home');
  assert.equal(await page.getByTestId('due-count').textContent(), '3');
  await button(page, 'Start session').click();
  const counts = (await page.getByTestId('counts').innerText()).replace(/\s+/g, ' ');
  assert.match(counts, /^15 new, 1 learning, 2 to review$/);
  await page.keyboard.press('Space');
  assert.ok(await page.locator('.theme').count());
  assert.deepEqual(problems, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`all caught up (${scheme}), with the next due time and tomorrow's load`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme });
    await nav(page, 'Settings').click();
    await page.getByLabel('New cards per day').fill('3');
    await button(page, 'Save settings').click();
    assert.equal(await page.getByTestId('new-count').textContent(), '3');
    await button(page, 'Start session').click();
    if (scheme === 'dark') await shot(page, 'question-dark');
    await page.keyboard.press('Space');
    if (scheme === 'dark') await shot(page, 'answer-dark');
    await page.keyboard.press('4');
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await page.keyboard.press('Space');
    await page.keyboard.press('3'); // learning: due in 10 minutes
    // The learning card is within the 20-minute learn-ahead window, so it is shown now, as Anki does.
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await page.getByTestId('caught-up').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'All caught up' }).count(), 1);
    assert.match(await page.getByTestId('next-due').textContent(), /^New cards tomorrow\. Your next review: (tomorrow|\w{3} \d+ \w{3})\.$/);
    assert.match(await page.getByTestId('tomorrow').textContent(), /^Tomorrow: 0 reviews and 3 new cards\.$/);
    await shot(page, `caught-up-${scheme}`);
    if (scheme === 'dark') {
      await button(page, 'Back to home').click();
      await shot(page, 'home-dark');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
