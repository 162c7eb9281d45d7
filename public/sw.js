// Service worker: keeps one complete version of the app (HTML, JS glue, wasm, CSS, icons,
// manifest) in one cache so it opens and works offline.
//
// * The version is the `v` query of this script's URL; the app registers
//   `sw.js?v=<hash of its asset names>`, so every build is a new worker.
// * Install caches index.html together with exactly the files it references (the I/O
//   worker's too: its <meta> names them), fetched in
//   one go: a cache never mixes files of two builds. A failed fetch fails the install and
//   the old version stays.
// * A new worker waits. The app announces 「更新があります」 and sends SKIP_WAITING only
//   when the nurse chooses and nothing is unsaved. Activation deletes older caches.
// * Requests with `sw-bypass` in the query go to the network (the app's update check).

const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const PREFIX = 'nanbyo-chiiki-shindan-';
const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope;
const INDEX = new URL('./', SCOPE).href;

function sameOrigin(url) {
  return new URL(url).origin === self.location.origin;
}

async function fetchFresh(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const index = await fetchFresh(INDEX);
    const html = await index.clone().text();
    const urls = new Set();
    for (const m of html.matchAll(/(?:href|src|data-js|data-wasm|data-boot)="([^"]+)"/g)) {
      const url = new URL(m[1], INDEX);
      if (sameOrigin(url.href) && url.href !== INDEX) {
        urls.add(url.href);
      }
    }
    const manifestUrl = [...urls].find((u) => u.endsWith('.webmanifest'));
    const responses = new Map();
    if (manifestUrl) {
      const manifest = await fetchFresh(manifestUrl);
      const data = await manifest.clone().json();
      responses.set(manifestUrl, manifest);
      for (const icon of data.icons || []) {
        urls.add(new URL(icon.src, manifestUrl).href);
      }
    }
    urls.add(new URL('sw.js', SCOPE).href);
    for (const url of urls) {
      if (!responses.has(url)) {
        responses.set(url, await fetchFresh(url));
      }
    }
    const cache = await caches.open(CACHE);
    await cache.put(INDEX, index);
    for (const [url, response] of responses) {
      await cache.put(url, response);
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !sameOrigin(request.url)) {
    return;
  }
  const url = new URL(request.url);
  if (url.searchParams.has('sw-bypass')) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      const cached = await cache.match(INDEX);
      if (cached) {
        return cached;
      }
    } else {
      const cached = await cache.match(request, { ignoreVary: true });
      if (cached) {
        return cached;
      }
    }
    return fetch(request);
  })());
});
