// Raw and brotli (quality 11) size of every file in a built dist/, the first-visit total, and what
// the first card waits for.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function measure(dir) {
  const rows = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) { if (!name.startsWith('.')) walk(p); continue; }
      const raw = fs.readFileSync(p);
      const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      rows.push({ file: path.relative(dir, p), raw: raw.length, br });
    }
  };
  walk(dir);
  return rows;
}

/**
 * What the first card waits for: index.html and what it makes the browser fetch before the app can
 * start — its stylesheets, the module scripts it preloads (the wasm-bindgen JS and its snippets) and
 * the wasm it preloads. Read from the built index.html itself, so a file added there is counted.
 * Everything else (icons, manifest, the service worker and its registration, the role tracks' files)
 * is fetched without holding up the first card, and only reported.
 */
export function firstCardFiles(dir) {
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const [tag] of index.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel=["']?([\w-]+)/i.exec(tag)?.[1];
    const href = /\bhref=["']?([^"' >]+)/i.exec(tag)?.[1];
    if (href && ['stylesheet', 'modulepreload', 'preload'].includes(rel)) files.add(href.replace(/^\.\//, ''));
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] || 'dist');
  const rows = measure(dir);
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(7)} ${'br KB'.padStart(7)}`);
  for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.br)}`);
  const raw = rows.reduce((a, r) => a + r.raw, 0);
  const br = rows.reduce((a, r) => a + r.br, 0);
  console.log(`${'total'.padEnd(48)} ${kb(raw)} ${kb(br)}`);
  console.log(`total bytes: raw ${raw}, brotli ${br}`);
  const first = firstCardFiles(dir);
  const waits = rows.filter((r) => first.has(r.file.split(path.sep).join('/')));
  console.log(`the first card waits for (${waits.length} files: index.html, its stylesheets, preloaded scripts and wasm): brotli ${waits.reduce((a, r) => a + r.br, 0)}`);
}
