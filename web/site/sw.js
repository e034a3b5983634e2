// Keeps the site's own files (and nothing else) so that it opens without a network after one
// visit. VERSION is stamped by scripts/build-web.sh; a new one replaces the whole set at once.
const VERSION = 'dev';
const CACHE = `lykt-${VERSION}`;
const FILES = ['./', 'lykt.css', 'main.js', 'render.js', 'effects.js', 'pkg/lykt_web.js', 'pkg/lykt_web_bg.wasm'];

self.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -10) : url.pathname;
  e.respondWith(
    caches
      .open(CACHE)
      .then((c) => c.match(new URL(path, url.origin).href, { ignoreSearch: true }))
      .then((hit) => hit || fetch(e.request)),
  );
});
