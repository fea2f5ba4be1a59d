// Trunk post-build hook (runs on the staging directory of every build):
//  1. minifies the wasm-bindgen JavaScript with terser and rewrites its integrity hash;
//  2. writes a strict Content-Security-Policy into index.html, allowing only the hashed inline
//     scripts (trunk's loader, and step 4's check for a returning visitor), plus 'wasm-unsafe-eval'
//     for WebAssembly (done after step 4);
//  3. copies the role tracks' answer files that build.rs wrote (<target>/deck-tracks/*.txt) into
//     tracks/, fetched by the app when a person chooses a track;
//  4. in a release build, prerenders the first screen of a first visit: the built app is run once in
//     headless Chromium with empty storage, and an inert copy of what it renders replaces index.html's
//     splash (`#first-paint`), so a phone paints that screen as soon as the page and its styles arrive
//     instead of after the wasm has downloaded and started (src/main.rs removes the copy as the app
//     renders; a returning visitor's page drops the copy before it paints). Without Chromium the
//     splash stays;
//  5. writes sw.js from web/sw.js with the precache list and cache version of this very build.
// `node scripts/post-build.mjs --service-worker DIR` redoes step 5 alone on a finished build.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hash = (alg, buf) => crypto.createHash(alg).update(buf).digest('base64');

async function minifyJs(dir) {
  const { minify } = await import('terser');
  const indexPath = path.join(dir, 'index.html');
  let index = fs.readFileSync(indexPath, 'utf8');
  // The app's JS, and the snippets its wasm imports (snippets/…/web/media.js).
  const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'sw.js');
  const snippets = path.join(dir, 'snippets');
  if (fs.existsSync(snippets)) {
    const walk = (d) => fs.readdirSync(d).forEach((n) => {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p); else if (n.endsWith('.js')) scripts.push(path.relative(dir, p));
    });
    walk(snippets);
  }
  for (const name of scripts) {
    const file = path.join(dir, name);
    const before = fs.readFileSync(file);
    const out = await minify(before.toString('utf8'), { module: name !== 'sw-register.js', compress: { passes: 2 }, mangle: true, format: { comments: false } });
    const after = Buffer.from(out.code, 'utf8');
    fs.writeFileSync(file, after);
    index = index.split(`sha384-${hash('sha384', before)}`).join(`sha384-${hash('sha384', after)}`);
    console.log(`post-build: minified ${name} ${before.length} -> ${after.length} bytes`);
  }
  fs.writeFileSync(indexPath, index);
}

export const CSP_BASE = [
  "default-src 'self'",
  "img-src 'self'",
  // Rehearse mode plays recordings back from blob: URLs made on the device.
  "media-src 'self' blob:",
  "style-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

function writeCsp(dir) {
  const indexPath = path.join(dir, 'index.html');
  let index = fs.readFileSync(indexPath, 'utf8');
  const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${hash('sha256', m[1])}'`);
  const csp = [...CSP_BASE, `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`.trim()].join('; ');
  index = index.replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, '');
  index = index.replace(/(<meta charset=[^>]*>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  fs.writeFileSync(indexPath, index);
  console.log(`post-build: CSP with ${inline.length} hashed inline script(s)`);
}

export function copyTracks(dir) {
  const from = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'deck-tracks');
  const names = fs.existsSync(from) ? fs.readdirSync(from).filter((n) => n.endsWith('.txt')).sort() : [];
  if (names.length !== 4) throw new Error(`post-build: expected the four track files in ${from} (written by build.rs), found ${names.length}`);
  fs.mkdirSync(path.join(dir, 'tracks'), { recursive: true });
  for (const n of names) fs.copyFileSync(path.join(from, n), path.join(dir, 'tracks', n));
  console.log(`post-build: ${names.length} track files copied into tracks/`);
}

/**
 * The app's first screen for a first visit, as the built app renders it (see step 4 above). The copy
 * keeps what its look needs — elements, text, and the classes a stylesheet uses — and drops what
 * would make it be taken for the app (ids, labels' targets, names, data- attributes, `<section>`
 * elements, which become `<div>`s): `main section`, `#main` or a test id never finds it. It is
 * `inert`: nothing in it can be focused, clicked or read out before the app is there.
 */
export async function prerender(dir) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    console.log(`post-build: no Chromium at ${executablePath}, so the first paint is the splash, not the prerendered first screen`);
    return;
  }
  let chromium, serve;
  try {
    ({ chromium } = await import('playwright-core'));
    ({ serve } = await import('../tests/e2e/serve.mjs'));
  } catch (e) {
    console.log(`post-build: playwright-core is not installed (npm ci), so the first paint is the splash, not the prerendered first screen`);
    return;
  }
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'] });
  let copy;
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#main > *', { timeout: 60_000 });
    copy = await page.evaluate(() => {
      const used = new Set();
      const collect = (rule) => {
        for (const r of rule.cssRules || []) collect(r);
        for (const m of (rule.selectorText || '').matchAll(/\.([\w-]+)/g)) used.add(m[1]);
      };
      for (const sheet of document.styleSheets) collect(sheet);
      const root = document.createElement('div');
      for (const el of document.body.children) if (el.id !== 'first-paint' && !['NOSCRIPT', 'SCRIPT'].includes(el.tagName)) root.append(el.cloneNode(true));
      for (const el of [...root.querySelectorAll('*')]) {
        for (const a of [...el.attributes]) {
          if (['id', 'for', 'name', 'tabindex', 'autofocus'].includes(a.name) || /^(data-|aria-(labelledby|describedby|controls|live))/.test(a.name)) el.removeAttribute(a.name);
        }
        const classes = [...el.classList].filter((c) => used.has(c));
        if (classes.length) el.setAttribute('class', classes.join(' ')); else el.removeAttribute('class');
        if (el.tagName === 'SECTION') {
          const div = document.createElement('div');
          for (const a of el.attributes) div.setAttribute(a.name, a.value);
          div.append(...el.childNodes);
          el.replaceWith(div);
        }
      }
      return root.innerHTML;
    });
  } catch (e) {
    // The splash stays; tests/e2e/size.test.mjs fails on a release build without the copy.
    console.log(`post-build: the first screen could not be prerendered (${e.message.split('\n')[0]}); the splash stays`);
    return;
  } finally {
    await browser.close();
    server.close();
  }
  const indexPath = path.join(dir, 'index.html');
  const index = fs.readFileSync(indexPath, 'utf8');
  const splash = /<div[^>]*\bid=["']?first-paint["']?[^>]*>[\s\S]*?<\/div>/;
  if (!splash.test(index)) throw new Error('post-build: index.html has no #first-paint element to prerender into');
  // A returning visitor's first screen is their own, not a first visit's: the script right after the
  // copy takes it down before the first paint when this origin has stored anything (blocked storage
  // throws: that app starts as a first visit does, and keeps the copy). Its hash goes into the CSP
  // (writeCsp runs after this). The markers let the service worker leave both out (web/sw.js).
  const returning = `<script>try{localStorage.length&&document.getElementById("first-paint").remove()}catch(e){}</script>`;
  let out = index.replace(splash, () => `<!--first-paint--><div id=first-paint inert>${copy}</div>${returning}<!--/first-paint-->`);
  // The splash's own styles are not needed any more: one stylesheet less for the first paint to wait for.
  const splashCss = fs.readdirSync(dir).filter((f) => /^splash-[0-9a-f]+\.css$/.test(f));
  for (const f of splashCss) {
    out = out.replace(new RegExp(`<link[^>]*href=["']?(\\./)?${f.replace('.', '\\.')}["']?[^>]*>`), '');
    fs.rmSync(path.join(dir, f));
  }
  fs.writeFileSync(indexPath, out);
  console.log(`post-build: first screen prerendered into index.html (${copy.length} characters; the splash and its stylesheet left out)`);
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) { if (!name.startsWith('.')) walk(p); } else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

export function writeServiceWorker(dir) {
  const files = listFiles(dir).filter((f) => f !== 'sw.js');
  const digest = crypto.createHash('sha256');
  for (const f of files) digest.update(f).update('\0').update(fs.readFileSync(path.join(dir, f)));
  const version = digest.digest('hex').slice(0, 16);
  const template = fs.readFileSync(path.join(ROOT, 'web/sw.js'), 'utf8');
  const sw = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__PRECACHE__', JSON.stringify(files));
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  console.log(`post-build: sw.js version ${version}, ${files.length} files precached`);
  return version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--service-worker') {
    writeServiceWorker(path.resolve(process.argv[3]));
  } else {
    const dir = process.env.TRUNK_STAGING_DIR;
    if (!dir) {
      console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a trunk hook, or pass --service-worker DIR)');
      process.exit(1);
    }
    await minifyJs(dir);
    copyTracks(dir);
    if (process.env.TRUNK_PROFILE === 'release') await prerender(dir);
    writeCsp(dir);
    writeServiceWorker(dir);
  }
}
