// A small W3C WebDriver client for WebKitGTK (the engine of every iPhone browser), driven through
// Debian's WebKitWebDriver under Xvfb. Playwright cannot drive a system WebKit, so the journeys in
// this folder speak WebDriver directly: sessions, navigation, scripts, elements, keys, screenshots.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const BROWSER = process.env.WEBKIT_BROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The W3C key codes of the keys the journeys press. */
export const KEY = { Enter: '\uE007', Space: ' ', Control: '\uE009', Escape: '\uE00C' };

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

async function call(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${url}: ${v.error || res.status} ${v.message || ''}`.trim());
  }
  return json.value;
}

/** Starts WebKitWebDriver (under xvfb-run, which gives it a display) and waits until it answers. */
export async function startDriver() {
  for (const f of [DRIVER, BROWSER]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/install-tools.sh --webkit`);
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', DRIVER, `--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      const status = await call(base, 'GET', '/status');
      if (status && status.ready !== false) break;
    } catch (e) { /* not up yet */ }
    if (Date.now() > until) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async newSession() { return newSession(base); },
    close() { try { process.kill(-child.pid, 'SIGTERM'); } catch (e) { /* gone */ } },
  };
}

async function newSession(driverBase) {
  const value = await call(driverBase, 'POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
        unhandledPromptBehavior: 'dismiss',
      },
    },
  });
  return new Session(driverBase, value.sessionId, value.capabilities);
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Session {
  constructor(driverBase, id, capabilities) {
    this.base = `${driverBase}/session/${id}`;
    this.capabilities = capabilities;
  }

  cmd(method, url, body) { return call(this.base, method, url, body); }

  async goto(url) { await this.cmd('POST', '/url', { url }); }
  async reload() { await this.cmd('POST', '/refresh', {}); }
  async setSize(width, height) { return this.cmd('POST', '/window/rect', { width, height }); }
  async close() { try { await this.cmd('DELETE', ''); } catch (e) { /* already gone */ } }

  /** Runs `fn` (a function, serialised) in the page with JSON arguments and returns its JSON result. */
  async run(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Like `run`, for a function returning a promise. */
  async runAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`;
    const r = await this.cmd('POST', '/execute/async', { script, args });
    if (r && r.err) throw new Error(r.err);
    return r && r.ok;
  }

  /**
   * Waits until `fn` (run in the page) returns a truthy value, and returns it. Journeys wait for the
   * state they need; the limit is generous so a slow machine passes, and on failure the message says
   * what was awaited.
   */
  async waitFor(fn, args = [], { timeout = 30_000, what = String(fn) } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.run(fn, ...args);
        if (last) return last;
      } catch (e) { last = e.message; }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits for a visible element matching `css` whose text matches `text` (a string or RegExp source). */
  async waitForText(css, text, opts = {}) {
    const source = text instanceof RegExp ? text.source : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.waitFor((sel, src) => [...document.querySelectorAll(sel)].some((e) => new RegExp(src).test(e.textContent)),
      [css, source], { what: `${css} with text ${text}`, ...opts });
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  /**
   * The enabled button named `name` — its aria-label, or else its visible text — as a person or a
   * screen reader would name it (waits for it to be there).
   */
  async button(name) {
    const find = 'return [...document.querySelectorAll("button, a[href]")].find((b) => !b.disabled'
      + ' && (b.getAttribute("aria-label") || b.textContent).trim() === arguments[0]) || null';
    const until = Date.now() + 30_000;
    for (;;) {
      const v = await this.cmd('POST', '/execute/sync', { script: find, args: [name] });
      if (v && v[ELEMENT]) return v[ELEMENT];
      if (Date.now() > until) throw new Error(`timed out waiting for the button "${name}"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A real click (WebDriver's pointer, as a tap or mouse press would come) on an element id. */
  async click(elementId) {
    // As a person scrolls a button clear of the fixed tab bar before tapping it: WebKit's driver
    // only scrolls an element into the window, where the bar may still cover it.
    await this.cmd('POST', '/execute/sync', {
      script: 'arguments[0].scrollIntoView({ block: "center", inline: "nearest" });',
      args: [{ [ELEMENT]: elementId }],
    });
    await this.cmd('POST', `/element/${elementId}/click`, {});
  }

  /**
   * Taps the button named `name`. While something still covers it (a banner sliding away, a screen
   * being replaced), WebDriver answers "element click intercepted" or "stale element": wait for the
   * button to be tappable and try again, within the usual limit.
   */
  async tap(name) {
    const until = Date.now() + 30_000;
    for (;;) {
      try {
        await this.click(await this.button(name));
        return;
      } catch (e) {
        if (!/intercepted|stale|not interactable/i.test(e.message) || Date.now() > until) throw e;
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  }

  async type(elementId, text) { await this.cmd('POST', `/element/${elementId}/value`, { text }); }
  async clear(elementId) { await this.cmd('POST', `/element/${elementId}/clear`, {}); }

  /** Presses keys on the focused element (each a key down and up), e.g. press(' ') or press('3'). */
  async press(...keys) {
    const actions = [];
    for (const k of keys) actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  async screenshot(file) {
    const b64 = await this.cmd('GET', '/screenshot');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(b64, 'base64'));
    return file;
  }
}
