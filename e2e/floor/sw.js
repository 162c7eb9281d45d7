// The floor page's service worker: the same shape as the app's public/sw.js (one cache of
// every file, cache first, navigations answered with the cached index.html), for a few files.
const CACHE = 'nanbyo-floor-1';
const INDEX = new URL('./', self.registration.scope).href;
const FILES = ['./', 'floor.js', 'floor.css', 'sw.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, INDEX).href))));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = request.mode === 'navigate' ? await cache.match(INDEX) : await cache.match(request, { ignoreVary: true });
    return cached || fetch(request);
  })());
});
