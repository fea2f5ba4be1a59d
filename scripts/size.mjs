// Raw and brotli (quality 11) size of every file in a built dist/, and the first-visit total.
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
}
