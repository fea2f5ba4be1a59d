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
    // The tab bar's labels sit under their icons, as on every phone's bottom bar: at least 13 px.
    const tiny = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < (el.closest('.tabbar') ? 13 : 16))
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
    // Started from the foot of its form, the first question opens at the top, its heading focused.
    await button(page, 'Start the mock interview').click();
    await page.getByTestId('mock-progress').waitFor();
    assert.equal(await page.evaluate(() => scrollY), 0, 'the mock opens at its top');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'mock-q-title');
    assert.ok((await page.getByTestId('mock-progress').boundingBox()).y >= 0, '"Question 1 of …" in view');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('settings: out-of-range values are explained; good ones are saved and kept', async () => {
  const { page, problems, context } = await phone(env);
  await nav(page, 'Settings').click();
  assert.equal(await page.getByLabel('How sure to be of each answer (%)').inputValue(), '90');
  assert.equal(await page.getByLabel('New cards per day').inputValue(), '15');
  await page.getByLabel('How sure to be of each answer (%)').fill('99');
  await page.getByLabel('New cards per day').fill('-3');
  await button(page, 'Save settings').click();
  const errors = await page.getByRole('alert').innerText();
  assert.match(errors, /How sure to be of each answer must be a number from 70 to 97/);
  assert.match(errors, /New cards per day must be a whole number/);
  assert.equal(await page.getByLabel('How sure to be of each answer (%)').inputValue(), '99', 'what was typed stays for correcting');
  await shot(page, 'settings-errors');
  await page.getByLabel('How sure to be of each answer (%)').fill('85');
  await page.getByLabel('New cards per day').fill('5');
  await page.getByLabel('Maximum reviews per day').fill('50');
  await page.getByLabel('Longest gap between reviews (days)').fill('180');
  await button(page, 'Save settings').click();
  assert.equal(await page.getByTestId('new-count').textContent(), '5');
  await page.reload();
  await page.waitForSelector('.home');
  await nav(page, 'Settings').click();
  assert.equal(await page.getByLabel('How sure to be of each answer (%)').inputValue(), '85');
  assert.equal(await page.getByLabel('Maximum reviews per day').inputValue(), '50');
  assert.equal(await page.getByLabel('Longest gap between reviews (days)').inputValue(), '180');
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('second-round/settings'))),
    { desiredRetentionPercent: 85, newPerDay: 5, maxReviewsPerDay: 50, maxIntervalDays: 180, readinessTargetPercent: 90, rehearse: false, answerSeconds: 120, speechToText: false, track: 'office' },
    'the role track shown (General / office) is saved with the rest');
  assert.deepEqual(problems, []);
  await context.close();
});

// Whichever tab is open, its label keeps its width (colour and the bar above it mark it): the five
// labels never touch, and the page is no wider than the screen, down to 320 px.
for (const width of [320, 360]) {
  test(`the tab labels stay apart at ${width} px with each tab open`, async () => {
    const { page, problems, context } = await phone(env, { viewport: { width, height: 640 } });
    await button(page, 'Use this track').click();
    await button(page, 'Skip for now').click();
    for (const tab of ['Drill', 'Cards', 'Kit', 'Progress', 'Settings']) {
      await nav(page, tab).click();
      await page.locator(`nav.tabbar a.active:has-text("${tab}")`).waitFor();
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        labels: [...document.querySelectorAll('nav.tabbar a span')].map((s) => { const r = s.getBoundingClientRect(); return [s.textContent, r.left, r.right]; }),
      }));
      assert.ok(m.scroll <= width, `${tab} open: the page is ${m.scroll} px wide`);
      for (let i = 1; i < m.labels.length; i++) {
        const [a, , aRight] = m.labels[i - 1];
        const [b, bLeft] = m.labels[i];
        assert.ok(aRight + 2 <= bLeft, `${tab} open: "${a}" (to ${aRight}) and "${b}" (from ${bLeft}) touch`);
      }
      assert.ok(m.labels.at(-1)[2] <= width - 2, `${tab} open: the last label reaches the edge`);
    }
    if (width === 320) await shot(page, 'tabs-320-settings');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
