// A tiny static server for dist/ on 127.0.0.1, used by the end-to-end tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** What a static host compresses (everything but the already-compressed PNG icons). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.txt']);
const cache = new Map();

/**
 * The body as a static host sends it: brotli (quality 11, as a host serving precompressed files) when
 * the browser accepts it, else gzip (level 9), else as is. Compressed bodies are kept per file.
 */
function encode(file, data, accept) {
  if (!COMPRESSIBLE.has(path.extname(file))) return [data, null];
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return [data, null];
  const key = `${encoding}:${file}:${data.length}`;
  if (!cache.has(key)) {
    cache.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(data, { level: 9 }));
  }
  return [cache.get(key), encoding];
}

/**
 * Serves `root`. With `hooks` (a folder of scripts), a page asked for as `/?hook=a,b` gets
 * `<script src="__hooks/a.js">` tags at the top of its head, so a browser driven without an
 * init-script API (WebKit through WebDriver) can have a stand-in installed before the app starts.
 * The scripts are same-origin files, so the app's Content-Security-Policy allows them unchanged.
 * With `compress`, responses are compressed as static hosts serve them (brotli or gzip, by the
 * request's Accept-Encoding); without it they go uncompressed.
 */
export function serve(root, port = 0, { hooks, compress = false } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (hooks && url.pathname.startsWith('/__hooks/')) {
      fs.readFile(path.join(hooks, path.basename(url.pathname)), (err, data) => {
        if (err) { res.writeHead(404).end('not found'); return; }
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' }).end(data);
      });
      return;
    }
    const hook = hooks && url.searchParams.get('hook');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      if (hook && file.endsWith('index.html')) {
        const tags = hook.split(',').map((h) => `<script src="__hooks/${encodeURIComponent(h)}.js"></script>`).join('');
        // Right after the charset (the minified page has no <head> tag), before the app's own scripts.
        data = Buffer.from(String(data).replace(/<meta charset[^>]*>|<head>/i, (m) => `${m}${tags}`));
      }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      if (compress) {
        const [body, encoding] = encode(file, data, req.headers['accept-encoding'] || '');
        headers.vary = 'accept-encoding';
        if (encoding) headers['content-encoding'] = encoding;
        data = body;
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] || 'dist');
  const port = Number(process.argv[3] || 8080);
  const compress = process.argv.includes('--compress');
  serve(root, port, { compress }).then(() => console.log(`serving ${root} on http://127.0.0.1:${port}${compress ? ', compressed (brotli or gzip)' : ', uncompressed'}`));
}
