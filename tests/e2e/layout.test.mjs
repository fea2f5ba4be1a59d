// Phone-first layout on every screen: no horizontal scroll from 360×640 up, tap targets of at least
// 44 px, body text of at least 16 px; settings are validated and kept.
import test from 'node:test';
import assert from 'node:assert/strict';
import { start, phone, shot, button, nav } from './helpers.mjs';

let env;
test.before(async () => { env = await start(); });
test.after(async () => { await env?.close(); });

async function checkLayout(page, where) {
  const m = await page.evaluate(() => {
    const small = [...document.querySelectorAll('button, a, input, select, textarea')]
      .filter((el) => el.offsetParent !== null)
      // A checkbox inside its label: the whole label row is the tap target.
      .map((el) => ({ el, r: (el.closest('label') || el).getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.tagName} "${el.textContent.trim() || el.getAttribute('aria-label')}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    const texts = [...document.querySelectorAll('p, li, dd, dt, label, h1, h2, h3, span, input')].filter((el) => el.offsetParent !== null && !el.closest('.sr-only'));
    const tiny = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16)
      .map((el) => `${el.tagName}.${el.className} ${getComputedStyle(el).fontSize}`);
    // Nothing to tap runs past the screen's edges, even inside a row that scrolls or clips.
    const outside = [...document.querySelectorAll('button, a, input, select, textarea')]
      .filter((el) => el.offsetParent !== null && !el.closest('.sr-only'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.left < -0.5 || r.right > innerWidth + 0.5)
      .map(({ el, r }) => `${el.tagName}#${el.id} "${(el.textContent.trim() || el.getAttribute('aria-label') || '').slice(0, 30)}" ${Math.round(r.left)}–${Math.round(r.right)}`);
    // The tab bar is one row.
    const tabs = [...document.querySelectorAll('nav.tabbar a')].map((a) => Math.round(a.getBoundingClientRect().top));
    return { scroll: document.documentElement.scrollWidth, width: innerWidth, small, tiny, outside, tabRows: new Set(tabs).size,
      body: parseFloat(getComputedStyle(document.body).fontSize) };
  });
  assert.ok(m.scroll <= m.width, `${where}: horizontal scroll (${m.scroll} > ${m.width})`);
  assert.deepEqual(m.outside, [], `${where}: past the screen's edge`);
  assert.equal(m.tabRows, 1, `${where}: the tab bar in one row`);
  assert.deepEqual(m.small, [], `${where}: tap targets under 44 px`);
  assert.deepEqual(m.tiny, [], `${where}: text under 16 px`);
  assert.ok(m.body >= 16, `${where}: body text ${m.body}px`);
}

for (const viewport of [{ width: 360, height: 640 }, { width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`every screen fits ${viewport.width}×${viewport.height}`, async () => {
    const { page, problems, context } = await phone(env, { viewport });
    await checkLayout(page, 'the welcome');
    await button(page, 'Use this track').click();
    await page.getByLabel('Date and time').waitFor();
    await checkLayout(page, 'the welcome\'s date step');
    await button(page, 'Skip for now').click();
    await checkLayout(page, 'home');
    await button(page, 'Start session').click();
    await checkLayout(page, 'drill');
    await checkLayout(page, 'question');
    await page.keyboard.press('Space');
    await checkLayout(page, 'answer');
    if (viewport.width === 1280) await shot(page, 'answer-desktop');
    await nav(page, 'Settings').click();
    await checkLayout(page, 'settings');
    await nav(page, 'Progress').click();
    await checkLayout(page, 'progress');
    await nav(page, 'Kit').click();
    await checkLayout(page, 'kit');
    await nav(page, 'Cards').click();
    await page.getByLabel('State').selectOption({ label: 'Due today' });
    await page.getByTestId('no-match').waitFor();
    await checkLayout(page, 'cards, due today');
    await button(page, 'Clear filters').click();
    await page.getByLabel('Theme', { exact: true }).selectOption('tricky');
    await checkLayout(page, 'cards');
    if (viewport.width === 390) await shot(page, 'cards-chips-390');
    await page.getByRole('button', { name: /How old are you|Is it relevant|\?/ }).first().click();
    await button(page, 'Delete card').click();
    await checkLayout(page, 'editor');
    await button(page, 'Cancel').click();
    await button(page, 'Import and export').click();
    await page.getByLabel('Or paste the text').fill('question,answer\nQ,A\n');
    await button(page, 'Read the pasted text').click();
    await checkLayout(page, 'import and export');
    if (viewport.width === 360) await shot(page, 'transfer-360');
    await nav(page, 'Drill').click();
    await button(page, 'Set interview date').click();
    await checkLayout(page, 'interviews');
    await nav(page, 'Drill').click();
    await button(page, 'Mock interview').click();
    await page.locator('.mock').first().waitFor();
    await checkLayout(page, 'the mock interview');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('settings: out-of-range values are explained; good ones are saved and kept', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Settings').click();
  assert.equal(await page.getByLabel('Desired retention (%)').inputValue(), '90');
  assert.equal(await page.getByLabel('New cards per day').inputValue(), '15');
  await page.getByLabel('Desired retention (%)').fill('99');
  await page.getByLabel('New cards per day').fill('-3');
  await button(page, 'Save settings').click();
  const errors = await page.getByRole('alert').innerText();
  assert.match(errors, /Desired retention must be a number from 70 to 97/);
  assert.match(errors, /New cards per day must be a whole number/);
  assert.equal(await page.getByLabel('Desired retention (%)').inputValue(), '99', 'what was typed stays for correcting');
  await shot(page, 'settings-errors');
  await page.getByLabel('Desired retention (%)').fill('85');
  await page.getByLabel('New cards per day').fill('5');
  await page.getByLabel('Maximum reviews per day').fill('50');
  await page.getByLabel('Maximum interval (days)').fill('180');
  await button(page, 'Save settings').click();
  assert.equal(await page.getByTestId('new-count').textContent(), '5');
  await page.reload();
  await page.waitForSelector('.home');
  await nav(page, 'Settings').click();
  assert.equal(await page.getByLabel('Desired retention (%)').inputValue(), '85');
  assert.equal(await page.getByLabel('Maximum reviews per day').inputValue(), '50');
  assert.equal(await page.getByLabel('Maximum interval (days)').inputValue(), '180');
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('second-round/settings'))),
    { desiredRetentionPercent: 85, newPerDay: 5, maxReviewsPerDay: 50, maxIntervalDays: 180, readinessTargetPercent: 90, rehearse: false, answerSeconds: 120, speechToText: false, track: 'office' },
    'the role track shown (General / office) is saved with the rest');
  assert.deepEqual(problems, []);
  await context.close();
});
