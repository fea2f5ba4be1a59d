// A tiny static server for dist/ on 127.0.0.1, used by the end-to-end tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root`. With `hooks` (a folder of scripts), a page asked for as `/?hook=a,b` gets
 * `<script src="__hooks/a.js">` tags at the top of its head, so a browser driven without an
 * init-script API (WebKit through WebDriver) can have a stand-in installed before the app starts.
 * The scripts are same-origin files, so the app's Content-Security-Policy allows them unchanged.
 */
export function serve(root, port = 0, { hooks } = {}) {
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
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] || 'dist');
  const port = Number(process.argv[3] || 8080);
  serve(root, port).then(() => console.log(`serving ${root} on http://127.0.0.1:${port}`));
}
