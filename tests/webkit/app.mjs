// The app served from dist/ (with the hook scripts of ./hooks) and WebKit driven against it: what
// every WebKit journey starts from.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/serve.mjs';
import { startDriver } from './webdriver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
export const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');

/** Serves dist/ and starts WebKitWebDriver; `open` gives a fresh session with the app loaded. */
export async function startApp() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run trunk build --release first`);
  const server = await serve(DIST, 0, { hooks: path.join(here, 'hooks') });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const driver = await startDriver();
  return {
    base,
    driver,
    /** A fresh WebKit session (its own empty storage) at phone width, the app started, `hooks` installed first. */
    async open(hooks = [], drv = driver) {
      const s = await drv.newSession();
      await s.setSize(390, 844);
      await s.goto(hooks.length ? `${base}?hook=${hooks.join(',')}` : base);
      await s.waitFor(() => !!document.querySelector('main section'), [], { what: 'the app to start' });
      return s;
    },
    close() { driver.close(); server.close(); },
  };
}
