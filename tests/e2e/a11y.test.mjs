// Accessibility: axe-core finds no violations on any screen, light and dark; focus and announcements.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, button, nav, axe } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

for (const scheme of ['light', 'dark']) {
  test(`no axe violations on any screen (${scheme})`, async () => {
    const { page, problems, context } = await phone(env, { colorScheme: scheme });
    await context.clock.resume(); // axe schedules work with timers
    await axe(page, 'session start');
    await button(page, 'Start session').click();
    await axe(page, 'question');
    await page.keyboard.press('Space');
    await axe(page, 'answer');
    await nav(page, 'Drill').click();
    await page.getByLabel(/Rehearse this session/).check();
    await button(page, 'Start session').click();
    await axe(page, 'rehearse: question with countdown and answer box');
    await page.getByLabel('Your answer').fill('Um, I would arrive with a short agenda and fill the gap the first interview left open.');
    await button(page, 'Show answer').click();
    await axe(page, 'rehearse: insights, checklist and suggested grade');
    // Back to plain drilling for the rest.
    await nav(page, 'Drill').click();
    await page.getByLabel(/Rehearse this session/).uncheck();
    await nav(page, 'Cards').click();
    await page.getByLabel('Tag').selectOption('star');
    await axe(page, 'cards, filtered');
    await page.getByRole('button', { name: /Tell me about a time/ }).first().click();
    await button(page, 'Delete card').click();
    await axe(page, 'editor with the delete confirmation');
    await button(page, 'Cancel').click();
    await button(page, 'Import and export').click();
    await page.getByLabel('Or paste the text').fill('question,answer\nQ,A\n,missing\n');
    await button(page, 'Read the pasted text').click();
    await axe(page, 'import preview');
    await button(page, 'Cancel').click();
    await nav(page, 'Settings').click();
    await axe(page, 'settings');
    await nav(page, 'Progress').click();
    await axe(page, 'progress');
    await nav(page, 'Drill').click();
    await button(page, 'Set interview date').click();
    await page.getByLabel('Date and time').fill('2026-12-02T10:00');
    await button(page, 'Add interview').click();
    await axe(page, 'interviews');
    await button(page, 'Back to home').click();
    await axe(page, 'home with an interview');
    await nav(page, 'Settings').click();
    await page.getByLabel('New cards per day').fill('1');
    await button(page, 'Save settings').click();
    await button(page, 'Start session').click();
    await page.getByTestId('question').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('4');
    await page.getByTestId('caught-up').waitFor();
    await axe(page, 'caught up');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('focus order, visible focus and the live region', async () => {
  const { page, problems, context } = await phone(env);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.id);
  assert.equal(first, 'welcome-track', 'the first stop is the first thing on the screen: the role track asked on first start');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await button(page, 'Start session').click();
  const live = page.locator('main [aria-live="polite"]');
  const q1 = await page.getByTestId('question').textContent();
  assert.match(await live.textContent(), new RegExp(q1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'answer', 'focus moves to the answer on reveal');
  await page.keyboard.press('3');
  const q2 = await page.getByTestId('question').textContent();
  assert.notEqual(q2, q1);
  assert.match(await live.textContent(), new RegExp(q2.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the next card is announced');
  // Reduced motion turns transitions off.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const duration = await page.evaluate(() => getComputedStyle(document.querySelector('.bar')).transitionDuration);
  assert.equal(duration, '0s');
  assert.deepEqual(problems, []);
  await context.close();
});
