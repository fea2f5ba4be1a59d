// Trunk post-build hook: minifies the wasm-bindgen JavaScript in the staging directory with terser
// and rewrites its subresource-integrity hash in index.html, so the browser still verifies it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}
const sri = (buf) => 'sha384-' + crypto.createHash('sha384').update(buf).digest('base64');
const indexPath = path.join(dir, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  const out = await minify(before.toString('utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  const after = Buffer.from(out.code, 'utf8');
  fs.writeFileSync(file, after);
  index = index.split(sri(before)).join(sri(after));
  console.log(`minify-js: ${name} ${before.length} -> ${after.length} bytes`);
}
fs.writeFileSync(indexPath, index);
