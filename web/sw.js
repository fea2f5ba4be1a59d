// Second Round's service worker. The build fills in VERSION and PRECACHE from the release output
// (scripts/post-build.mjs): every file of the build, hashed names included, in one versioned cache.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `second-round-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('second-round-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The app shell always comes from this version's cache, so html and wasm never mix builds;
    // without the prerendered first screen of a first visit (see scripts/post-build.mjs): this
    // visitor has been here, their first screen is their own, and from the cache it comes at once.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match('index.html')).then((hit) => (hit ? returning(hit) : fetch(request))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
  );
});

/** The cached page without the first visit's prerendered screen (between its two markers). */
async function returning(page) {
  const html = (await page.text()).replace(/<!--first-paint-->[\s\S]*<!--\/first-paint-->/, '');
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
