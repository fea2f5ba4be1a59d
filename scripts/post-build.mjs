// Trunk post-build hook (runs on the staging directory of every build):
//  1. minifies the wasm-bindgen JavaScript with terser and rewrites its integrity hash;
//  2. writes a strict Content-Security-Policy into index.html, allowing only the hashed inline
//     loader script that trunk emits, plus 'wasm-unsafe-eval' for WebAssembly;
//  3. copies the role tracks' answer files that build.rs wrote (<target>/deck-tracks/*.txt) into
//     tracks/, fetched by the app when a person chooses a track;
//  4. writes sw.js from web/sw.js with the precache list and cache version of this very build.
// `node scripts/post-build.mjs --service-worker DIR` redoes step 3 alone on a finished build.
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
    writeCsp(dir);
    copyTracks(dir);
    writeServiceWorker(dir);
  }
}
