// Renders the app's SVG icons to the PNG sizes a web app manifest needs, with the system Chromium.
// Usage: node scripts/make-icons.mjs   (writes assets/icon-192.png, icon-512.png, icon-maskable-512.png)
// The committed PNGs were then reduced with `pngquant --strip --quality 60-90 --speed 1` (Debian's
// pngquant), which cuts them to a quarter of the size; the build only copies them.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const assets = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../assets');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [svg, size, out] of [['icon.svg', 192, 'icon-192.png'], ['icon.svg', 512, 'icon-512.png'], ['../web/icon-maskable.svg', 512, 'icon-maskable-512.png']]) {
  const markup = fs.readFileSync(path.join(assets, svg), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(assets, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`${out}: ${fs.statSync(path.join(assets, out)).size} bytes`);
}
await browser.close();
